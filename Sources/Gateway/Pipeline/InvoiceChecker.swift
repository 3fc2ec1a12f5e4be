import Foundation

/// Runs the check step for one invoice now, outside the job queue (`POST /v1/invoices?validate=sync`).
///
/// The outcome is recorded exactly as the pipeline's check step records it — findings, state, event, the render job
/// when it passed — in one transaction. The check job queued at intake then finds the invoice no longer `received`
/// and completes without a second effect. When a worker checks the invoice first, its result is the answer.
public struct InvoiceChecker: Sendable {
    public var store: any GatewayStore
    public var clock: any GatewayClock

    public init(store: any GatewayStore, clock: any GatewayClock = SystemClock()) {
        self.store = store
        self.clock = clock
    }

    /// The invoice after its check; unchanged when it is not `received` any more. Throws ``StepFailure`` when the
    /// stored payload cannot be read.
    public func checkNow(_ id: InvoiceID, tenant: TenantID) async throws -> InvoiceRecord {
        guard let record = try await current(id, tenant: tenant) else { throw StoreError.notFound }
        guard record.state == .received else { return record }
        let step = CheckStep()
        let findings = try await CheckStep.findings(for: record, store: store)
        let verdict = CheckVerdict(findings: findings)
        let context = PipelineContext(store: store, clock: clock, webhooks: NoWebhookTransport())
        do {
            try await step.advance(
                record, to: verdict.state, job: nil, context: context, eventType: verdict.eventType,
                message: verdict.message, findings: findings, next: verdict.next)
        } catch StoreError.stale, StoreError.duplicate {
            // A worker checked it meanwhile: its result stands.
        }
        guard let checked = try await current(id, tenant: tenant) else { throw StoreError.notFound }
        return checked
    }

    private func current(_ id: InvoiceID, tenant: TenantID) async throws -> InvoiceRecord? {
        try await store.transaction { transaction in try await transaction.invoice(id, tenant: tenant) }
    }
}

/// The checker delivers no webhook itself: deliveries are queued as jobs by the event recorder.
private struct NoWebhookTransport: WebhookTransport {
    func post(url: String, headers: [(String, String)], body: [UInt8]) async throws -> Int {
        throw StepFailure(permanent: true, "the synchronous checker does not deliver webhooks")
    }
}
