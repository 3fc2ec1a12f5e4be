import Foundation

/// `rendered → archived`: puts every stored document of the invoice (the ERP's original and what render made) into
/// the legal archive, then queues dispatch. In any later state it archives the stored documents that are not
/// archived yet (lifecycle messages, payment records added after dispatch) without changing the state: queue an
/// `archive` job again whenever a document is added.
///
/// Exactly once per document: the documents already recorded in the database are skipped; on a retried attempt
/// (a crash may have struck between the archive's write and this step's commit) the archive is first asked for
/// the invoice's entries in every journal, and a document found there by (kind, SHA-256) is recorded, not stored
/// again. The entries are recorded, and the event written, in one transaction with the state change.
struct ArchiveStep: InvoiceStep {
    var from: InvoiceState { .rendered }

    func run(_ job: Job, context: PipelineContext) async throws {
        guard let archive = context.archive else {
            throw StepFailure(permanent: false, "this process has no archive configured; another node will take it")
        }
        guard let invoiceID = job.invoiceID else { throw StepFailure(permanent: true, "the job names no invoice") }
        let (record, documents, recorded) = try await context.store.read { transaction in
            let record = try await transaction.invoice(invoiceID, tenant: job.tenant)
            let documents = try await transaction.documents(invoice: invoiceID, tenant: job.tenant)
                + transaction.statusDocuments(invoice: invoiceID, tenant: job.tenant)
            let recorded = try await transaction.archived(invoice: invoiceID, tenant: job.tenant)
            return (record, documents, recorded)
        }
        guard let record else { throw StepFailure(permanent: true, "invoice \(invoiceID) does not exist") }
        let notIssued: Set<InvoiceState> = [.received, .checked, .rejected]
        guard !notIssued.contains(record.state) else {
            // Nothing was issued: the documents of an invoice that never got past the checks are not archived.
            try await context.store.transaction { transaction in try await transaction.complete(job, context: context) }
            return
        }
        let known = Set(recorded.map { ArchiveKey(kind: $0.kind, sha256: $0.sha256) })
        let pending = documents.filter { !known.contains(ArchiveKey($0)) }
        let receipts = try await Self.archive(pending, job: job, archive: archive)

        if record.state == from {
            try await advance(
                record, to: .archived, job: job, context: context, eventType: "invoice.archived",
                message: Self.message(receipts), detailJSON: Self.detail(receipts),
                also: { transaction in try await transaction.recordArchived(receipts) }, next: .dispatch)
        } else if receipts.isEmpty {
            try await context.store.transaction { transaction in try await transaction.complete(job, context: context) }
        } else {
            let runKey = Hashing.sha256Hex(Array(receipts.map { "\($0.kind):\($0.sha256)" }.sorted().joined().utf8))
            try await advance(
                record, to: record.state, job: job, context: context, eventType: "invoice.archived",
                dedupKey: "archived:\(runKey.prefix(16))", message: Self.message(receipts),
                detailJSON: Self.detail(receipts),
                also: { transaction in try await transaction.recordArchived(receipts) }, next: nil)
        }
    }

    /// Archives `pending`, re-using entries an earlier attempt wrote; receipts in the order of `pending`.
    static func archive(_ pending: [StoredDocument], job: Job, archive: any ArchivePort) async throws
        -> [ArchiveReceipt]
    {
        guard let first = pending.first else { return [] }
        var earlier: [ArchiveKey: ArchiveReceipt] = [:]
        if job.attempts > 1 {
            for entry in try await archive.entries(invoice: first.invoiceID, tenant: first.tenant) {
                let key = ArchiveKey(kind: entry.kind, sha256: entry.sha256)
                if earlier[key] == nil { earlier[key] = entry }
            }
        }
        let toStore = pending.filter { earlier[ArchiveKey($0)] == nil }
        let stored = try await archive.archive(toStore.map(ArchiveRequest.init))
        guard stored.count == toStore.count else {
            throw StepFailure(
                permanent: false, "the archive returned \(stored.count) entries for \(toStore.count) documents")
        }
        var made: [ArchiveKey: ArchiveReceipt] = earlier
        for (document, receipt) in zip(toStore, stored) { made[ArchiveKey(document)] = receipt }
        return pending.compactMap { made[ArchiveKey($0)] }
    }

    static func message(_ receipts: [ArchiveReceipt]) -> String {
        guard !receipts.isEmpty else { return "Nothing new to archive" }
        let listed = receipts.map { "\($0.kind) (\($0.location))" }.joined(separator: ", ")
        return "Archived \(receipts.count) document(s): \(listed)"
    }

    /// `{"archived":[{"journal":…,"kind":…,"sequence":…,"sha256":…}]}`: what the timeline links to.
    static func detail(_ receipts: [ArchiveReceipt]) -> String? {
        struct Item: Encodable {
            var kind: String
            var sha256: String
            var journal: String
            var sequence: Int
            var entryHash: String
        }
        struct Detail: Encodable { var archived: [Item] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let detail = Detail(archived: receipts.map {
            Item(kind: $0.kind, sha256: $0.sha256, journal: $0.location.journal, sequence: $0.location.sequence,
                 entryHash: $0.entryHash)
        })
        return (try? encoder.encode(detail)).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A document as the archive step recognises it: its kind and its SHA-256.
struct ArchiveKey: Hashable {
    var kind: String
    var sha256: String

    init(kind: String, sha256: String) {
        self.kind = kind
        self.sha256 = sha256
    }

    init(_ document: StoredDocument) {
        self.init(kind: document.kind.rawValue, sha256: document.sha256)
    }
}
