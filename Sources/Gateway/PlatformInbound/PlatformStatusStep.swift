import Foundation

/// Runs a `platformStatus` job: fetches the announced lifecycle flow's CDAR message from the platform and hands it
/// to ``LifecycleService`` (which records the status, the payment, the event, the change feed and the ERP's
/// webhooks in one transaction).
///
/// A platform that does not answer, or answers an error, is retried with backoff (the job keeps the status safe
/// meanwhile). A message that cannot be read, or that names no invoice of the tenant, parks the job at once with
/// the reason. Running it again after a crash is harmless: the lifecycle ignores a status it already has.
struct PlatformStatusStep: PipelineStep {
    func run(_ job: Job, context: PipelineContext) async throws {
        let payload = try PlatformStatusInbox.payload(of: job)
        guard let platform = context.platforms[payload.platform] else {
            // Another node may have the platform configured: leave the job to it (or to a later start).
            throw StepFailure(permanent: false, "platform \(payload.platform) is not configured in this process")
        }
        let message: [UInt8]
        do {
            message = try await platform.lifecycleMessage(flowID: payload.flowID)
        } catch {
            throw StepFailure(permanent: false,
                              "fetching lifecycle flow \(payload.flowID) from \(payload.platform) failed: \(error)")
        }
        let target = try await Self.target(of: payload, tenant: job.tenant, context: context)
        let submission = StatusSubmission(tenant: job.tenant, content: .cdar(message), target: target,
                                          source: .platform, actor: payload.platform)
        let lifecycle = LifecycleService(store: context.store, clock: context.clock,
                                         archivesDocuments: context.archive != nil)
        do {
            let receipt = try await lifecycle.receive(submission)
            context.logger.debug(
                "platform \(payload.platform) flow \(payload.flowID): status \(receipt.status.status.code) of invoice \(receipt.invoice.id) (\(receipt.outcome))")
        } catch let error as LifecycleError {
            throw StepFailure(permanent: true, "lifecycle flow \(payload.flowID) from \(payload.platform): \(error)")
        }
        try await context.store.transaction { transaction in try await transaction.complete(job, context: context) }
    }

    func parked(_ job: Job, reason: String, context: PipelineContext, in transaction: any StoreTransaction)
        async throws {}

    /// The invoice the status is about: the one whose id the flow's `trackingId` carries (the dispatcher sends the
    /// invoice id as `trackingId`), else the one the CDAR message references (seller SIREN, number, year).
    static func target(of payload: PlatformStatusInbox.Payload, tenant: TenantID, context: PipelineContext)
        async throws -> StatusSubmission.Target
    {
        guard let tracking = payload.trackingID, !tracking.isEmpty else { return .message }
        let candidates = [tracking, tracking.hasPrefix("invoice:") ? String(tracking.dropFirst(8)) : nil]
            .compactMap { $0 }
        for candidate in candidates {
            let id = InvoiceID(candidate)
            let known = try await context.store.read { transaction in
                try await transaction.invoice(id, tenant: tenant) != nil
            }
            if known { return .invoice(id) }
        }
        return .message
    }
}
