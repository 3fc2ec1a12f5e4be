import Foundation

/// Operator actions on the pipeline: replay a parked job (and its dead-lettered webhook).
public struct PipelineAdmin: Sendable {
    public var store: any GatewayStore
    public var clock: any GatewayClock

    public init(store: any GatewayStore, clock: any GatewayClock = SystemClock()) {
        self.store = store
        self.clock = clock
    }

    public enum ReplayError: Error, Sendable, Equatable {
        case notFound
        case notParked(JobState)
    }

    /// Puts a parked job back in the queue with fresh attempts.
    public func replay(_ id: JobID, tenant: TenantID, actor: String, requestID: String? = nil) async throws -> Job {
        let now = clock.now()
        let events = EventRecorder(clock: clock)
        return try await store.transaction { transaction in
            guard let job = try await transaction.job(id, tenant: tenant) else { throw ReplayError.notFound }
            guard job.state == .parked, try await transaction.replayJob(id, tenant: tenant, now: now) else {
                throw ReplayError.notParked(job.state)
            }
            if job.kind == .webhook, let deliveryID = try? WebhookStep.deliveryID(of: job),
                var delivery = try await transaction.delivery(id: deliveryID, tenant: tenant)
            {
                delivery.state = .pending
                delivery.updatedAt = now
                try await transaction.updateDelivery(delivery)
            }
            if let invoiceID = job.invoiceID, job.kind != .webhook,
                let record = try await transaction.invoice(invoiceID, tenant: tenant)
            {
                try await events.record(
                    InvoiceEvent(
                        tenant: tenant, invoiceID: invoiceID, type: "job.replayed", state: record.state,
                        dedupKey: "replayed:\(id.rawValue):\(job.attempts)", actor: actor,
                        message: "Step \(job.kind.rawValue) replayed by \(actor)", occurredAt: now),
                    record: record, in: transaction)
            }
            try await transaction.appendAudit(AuditEntry(
                tenant: tenant, actor: actor, action: "job.replay", target: id.rawValue, requestID: requestID,
                outcome: "ok", occurredAt: now))
            return try await transaction.job(id, tenant: tenant) ?? job
        }
    }
}
