import EInvoice
import EInvoiceSyntax
import Foundation

/// Takes in the lifecycle statuses of invoices — from platforms (CDAR D22B) or from the API — and tells the ERP.
///
/// ``receive(_:)`` finds the invoice and, in one transaction, records the status, stores its CDAR message as a
/// document of the invoice, records the payment of a 211/212 (kept as a JSON document too), updates where the invoice stands, bumps the invoice's
/// version, appends the `invoice.status` event, its change-feed entries (`status:<code>`, and `payment:<code>` for a
/// payment) and one webhook delivery per subscription that wants it. ``LifecycleTracker`` decides: a duplicate
/// writes nothing, an older status is recorded without moving the invoice backwards.
///
/// Two receipts for the same invoice at once (several nodes): the invoice version makes the later one retry.
public struct LifecycleService: Sendable {
    public var store: any GatewayStore
    public var clock: any GatewayClock
    public var events: EventRecorder
    /// How many times a transaction that lost a race on the invoice's version is run again: each round one of the
    /// racing receipts wins, so a burst of n statuses for one invoice needs n − 1.
    public var retries = 16
    /// When the gateway has a legal archive: each stored CDAR message and payment record queues an `archive` job for
    /// its invoice (in the same transaction), which puts them in the archive next to the invoice's other documents.
    public var archivesDocuments: Bool

    public init(store: any GatewayStore, clock: any GatewayClock = SystemClock(), archivesDocuments: Bool = false) {
        self.store = store
        self.clock = clock
        self.events = EventRecorder(clock: clock)
        self.archivesDocuments = archivesDocuments
    }

    public func receive(_ submission: StatusSubmission) async throws -> StatusReceipt {
        let input = try StatusInput(submission.content)
        var attempt = 0
        while true {
            do {
                return try await store.transaction { transaction in
                    try await apply(input, submission, in: transaction)
                }
            } catch StoreError.stale where attempt < retries {
                attempt += 1
            }
        }
    }

    /// The invoice's statuses, in arrival order; nil when the invoice is not the tenant's.
    public func statuses(of id: InvoiceID, tenant: TenantID) async throws -> [InvoiceStatusRecord]? {
        try await store.read { transaction in
            guard try await transaction.invoice(id, tenant: tenant) != nil else { return nil }
            return try await transaction.statuses(invoice: id, tenant: tenant)
        }
    }

    private func apply(_ input: StatusInput, _ submission: StatusSubmission, in transaction: any StoreTransaction)
        async throws -> StatusReceipt
    {
        let record = try await InvoiceMatcher.find(submission.target, input: input, tenant: submission.tenant,
                                                   in: transaction)
        let known = try await transaction.statuses(invoice: record.id, tenant: record.tenant)
        let previous = try await transaction.lifecycleSummary(invoice: record.id, tenant: record.tenant)
        let amountDue: ExactDecimal?
        if let previous {
            amountDue = previous.amountDue
        } else {
            amountDue = try await AmountDue.of(record, in: transaction)
        }
        var tracker = LifecycleTracker(invoiceTotal: amountDue, currency: record.currencyCode,
                                       known: known.map(\.received))
        let decision = tracker.receive(input.status)
        guard let outcome = StatusOutcome(decision) else {
            return try await duplicate(of: input.status, among: known, record: record, summary: previous,
                                       in: transaction)
        }
        let now = clock.now()
        let statusID = UUID().uuidString.lowercased()
        let documentName = input.cdar.map { _ in "cdar-\(input.status.status.code)-\(statusID)" }
        let status = InvoiceStatusRecord(
            id: statusID, tenant: record.tenant, invoiceID: record.id, messageID: input.status.messageID,
            status: input.status.status, statusTime: input.status.timestamp, reasons: input.status.reasons,
            amounts: input.status.amounts, source: submission.source, actor: submission.actor,
            cdarSHA256: input.cdar.map { Hashing.sha256Hex($0) }, documentName: documentName, outcome: outcome,
            receivedAt: now)
        guard try await transaction.insertStatus(status) else {
            let stored = try await transaction.statuses(invoice: record.id, tenant: record.tenant)
            return try await duplicate(of: input.status, among: stored, record: record, summary: previous,
                                       in: transaction)
        }
        var documentsToArchive = false
        if let bytes = input.cdar, let documentName {
            try await transaction.putStatusDocument(StoredDocument(
                tenant: record.tenant, invoiceID: record.id, kind: .cdar, mediaType: DocumentKind.cdar.mediaType,
                bytes: bytes, sha256: Hashing.sha256Hex(bytes), createdAt: now, name: documentName))
            documentsToArchive = true
        }
        var updated = record
        updated.version += 1
        updated.updatedAt = now
        try await transaction.updateInvoice(updated, expectedVersion: record.version)
        let summary = Self.summary(of: tracker, record: record, amountDue: amountDue, now: now)
        if let summary { try await transaction.putLifecycleSummary(summary) }

        let notice = LifecycleNotice(status: status, invoice: updated, summary: summary, outcome: outcome)
        let event = try await transaction.appendEvent(notice.event(actor: submission.actor, at: now))
        try await transaction.appendChange(
            tenant: record.tenant, subject: .invoice, key: record.id.rawValue, version: updated.version,
            change: "status:\(status.status.code)", at: now)
        var payment: RecordedPayment?
        if let paid = tracker.payments.records.first(where: { $0.messageID == input.status.messageID }) {
            let entry = try await transaction.appendChange(
                tenant: record.tenant, subject: .payment, key: record.id.rawValue, version: updated.version,
                change: "payment:\(status.status.code)", at: now)
            let recorded = PaymentPosting.payment(
                paid, status: status, ledger: tracker.payments, amountDue: amountDue, feedSequence: entry.sequence,
                at: now)
            try await transaction.insertPayment(recorded)
            try await transaction.putStatusDocument(try PaymentDocument.make(recorded, invoice: updated))
            documentsToArchive = true
            payment = recorded
        }
        if documentsToArchive && archivesDocuments {
            try await transaction.enqueue(NewJob(tenant: record.tenant, kind: .archive, invoiceID: record.id, runAt: now))
        }
        try await events.queueDeliveries(
            eventType: event.type, body: notice.webhookBody(event: event, payment: payment), tenant: record.tenant,
            invoiceID: record.id, at: now, in: transaction)
        return StatusReceipt(invoice: updated, status: status, outcome: .recorded(outcome), payment: payment,
                             summary: summary)
    }

    private func duplicate(of received: ReceivedStatus, among known: [InvoiceStatusRecord], record: InvoiceRecord,
                           summary: LifecycleSummary?, in transaction: any StoreTransaction) async throws
        -> StatusReceipt
    {
        let original = known.first { $0.messageID == received.messageID }
            ?? known.first { $0.status == received.status && $0.statusTime == received.timestamp }
        guard let original else { throw StoreError.unavailable("a duplicate status has no original") }
        return StatusReceipt(invoice: record, status: original, outcome: .duplicate, payment: nil, summary: summary)
    }

    /// Where the tracker says the invoice stands; nil before its first status.
    static func summary(of tracker: LifecycleTracker, record: InvoiceRecord, amountDue: ExactDecimal?, now: Date)
        -> LifecycleSummary?
    {
        guard let current = tracker.current else { return nil }
        return LifecycleSummary(
            tenant: record.tenant, invoiceID: record.id, current: current.status,
            currentTime: current.timestamp, reason: current.reasons.first,
            amountDue: amountDue, currency: record.currencyCode, paid: tracker.payments.cashedTotal,
            sent: tracker.payments.sentTotal, statusCount: tracker.history.count, updatedAt: now)
    }
}
