import Foundation

/// Shared behaviour of the steps that move an invoice from one state to the next.
protocol InvoiceStep: PipelineStep {
    /// The state the step starts from; a job that finds the invoice elsewhere has already run (or is moot).
    var from: InvoiceState { get }
    /// The states the step runs from; ``from`` unless a step accepts several.
    var startStates: Set<InvoiceState> { get }
}

extension InvoiceStep {
    var startStates: Set<InvoiceState> { [from] }

    /// Loads the job's invoice when it is still in ``from``; completes the job and returns nil otherwise.
    func loadInvoice(_ job: Job, context: PipelineContext) async throws -> InvoiceRecord? {
        guard let invoiceID = job.invoiceID else { throw StepFailure(permanent: true, "the job names no invoice") }
        let record = try await context.store.read { transaction in
            try await transaction.invoice(invoiceID, tenant: job.tenant)
        }
        guard let record else { throw StepFailure(permanent: true, "invoice \(invoiceID) does not exist") }
        guard startStates.contains(record.state) else {
            try await context.store.transaction { transaction in try await transaction.complete(job, context: context) }
            return nil
        }
        return record
    }

    /// Writes the invoice's new state and its event, queues the next step, runs `also`, and completes the job (when
    /// the step runs as one) — one transaction.
    func advance(_ record: InvoiceRecord, to state: InvoiceState, job: Job?, context: PipelineContext,
                 eventType: String, dedupKey: String? = nil, message: String, detailJSON: String? = nil,
                 findings: [GatewayFinding]? = nil, documents: [StoredDocument] = [],
                 also: (@Sendable (any StoreTransaction) async throws -> Void)? = nil, next: JobKind?) async throws
    {
        let now = context.clock.now()
        var updated = record
        updated.state = state
        updated.version = record.version + 1
        updated.updatedAt = now
        if let findings { updated.findings = findings }
        let event = InvoiceEvent(
            tenant: record.tenant, invoiceID: record.id, type: eventType, state: state, dedupKey: dedupKey ?? eventType,
            actor: "pipeline", message: message, detailJSON: detailJSON, occurredAt: now)
        let final = updated
        try await context.store.transaction { transaction in
            try await transaction.updateInvoice(final, expectedVersion: record.version)
            for document in documents { try await transaction.putDocument(document) }
            try await also?(transaction)
            try await context.events.record(event, record: final, in: transaction)
            if let next {
                try await transaction.enqueue(NewJob(tenant: record.tenant, kind: next, invoiceID: record.id, runAt: now))
            }
            if let job { try await transaction.complete(job, context: context) }
        }
    }

    func parked(_ job: Job, reason: String, context: PipelineContext, in transaction: any StoreTransaction)
        async throws
    {
        guard let invoiceID = job.invoiceID else { return }
        let now = context.clock.now()
        guard let record = try await transaction.invoice(invoiceID, tenant: job.tenant) else { return }
        let event = InvoiceEvent(
            tenant: job.tenant, invoiceID: invoiceID, type: "job.parked", state: record.state,
            dedupKey: "parked:\(job.id.rawValue):\(job.attempts)", actor: "pipeline",
            message: "Step \(job.kind.rawValue) parked after \(job.attempts) attempts: \(reason)", occurredAt: now)
        try await context.events.record(event, record: record, in: transaction)
    }
}
