import Foundation

/// Adds lines to timelines from another store (the hook for payments and lifecycle statuses kept elsewhere):
/// give the service a contributor and its items are merged by time.
public protocol TimelineContributor: Sendable {
    func items(invoice: InvoiceID, tenant: TenantID, in transaction: any StoreTransaction) async throws
        -> [TimelineItem]
}

/// The auditor's questions: "what happened to this invoice, and where is the proof" (``timeline(invoice:tenant:)``)
/// and "which invoices bill this contract, order or delivery" (``find(_:tenant:limit:)``).
public struct AuditTrailService: Sendable {
    public var store: any GatewayStore
    /// Seal information; nil: archive entries are shown without their seal.
    public var seals: (any ArchiveSealLookup)?
    public var contributors: [any TimelineContributor]

    public init(store: any GatewayStore, seals: (any ArchiveSealLookup)? = nil,
                contributors: [any TimelineContributor] = []) {
        self.store = store
        self.seals = seals
        self.contributors = contributors
    }

    /// The invoice's timeline; nil when the tenant has no such invoice.
    public func timeline(invoice id: InvoiceID, tenant: TenantID) async throws -> InvoiceTimeline? {
        let contributors = self.contributors
        let loaded = try await store.read { transaction -> Loaded? in
            guard let record = try await transaction.invoice(id, tenant: tenant) else { return nil }
            var contributed: [TimelineItem] = []
            for contributor in contributors {
                contributed += try await contributor.items(invoice: id, tenant: tenant, in: transaction)
            }
            return Loaded(
                record: record, references: try await transaction.references(invoice: id, tenant: tenant),
                events: try await transaction.events(invoice: id, tenant: tenant),
                documents: try await transaction.documents(invoice: id, tenant: tenant),
                archived: try await transaction.archived(invoice: id, tenant: tenant), contributed: contributed)
        }
        guard let loaded else { return nil }
        var covering: [ArchiveLocation: ArchiveSealInfo] = [:]
        if let seals, !loaded.archived.isEmpty {
            covering = try await seals.seals(covering: loaded.archived.map(\.location))
        }
        return InvoiceTimeline.merge(
            invoice: loaded.record, references: loaded.references, events: loaded.events,
            documents: loaded.documents, archived: loaded.archived, seals: covering, contributed: loaded.contributed)
    }

    /// The invoices citing all the given references (exact match), oldest first, at most `limit`.
    public func find(_ filter: InvoiceFilter, tenant: TenantID, limit: Int = 100) async throws -> [InvoiceRecord] {
        try await store.read { transaction in
            try await transaction.invoices(tenant: tenant, filter: filter, after: nil, limit: limit)
        }
    }

    private struct Loaded: Sendable {
        var record: InvoiceRecord
        var references: [InvoiceReference]
        var events: [InvoiceEvent]
        var documents: [StoredDocument]
        var archived: [ArchiveReceipt]
        var contributed: [TimelineItem]
    }
}
