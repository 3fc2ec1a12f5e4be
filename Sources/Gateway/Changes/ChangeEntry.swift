import Foundation

/// What a change-feed entry is about.
public enum ChangeSubject: String, Sendable, Codable, CaseIterable {
    case customer
    case product
    case priceList = "price-list"
    /// An invoice's state or lifecycle status changed.
    case invoice
    /// A payment was reported for an invoice.
    case payment
}

/// One entry of the change feed (`GET /v1/changes?since=cursor`): the ERP pulls what changed on the gateway's side.
public struct ChangeEntry: Hashable, Sendable {
    /// Increasing per tenant; the cursor is the last sequence the reader has seen.
    public var sequence: Int64
    public var tenant: TenantID
    public var subject: ChangeSubject
    /// The code of the master-data item, or the invoice id.
    public var key: String
    /// The item's version after the change (invoices: their record version).
    public var version: Int
    /// e.g. `upserted`, `deactivated`, `state:checked`, `directory-updated`.
    public var change: String
    public var occurredAt: Date

    public init(sequence: Int64, tenant: TenantID, subject: ChangeSubject, key: String, version: Int, change: String,
                occurredAt: Date) {
        self.sequence = sequence
        self.tenant = tenant
        self.subject = subject
        self.key = key
        self.version = version
        self.change = change
        self.occurredAt = occurredAt
    }
}
