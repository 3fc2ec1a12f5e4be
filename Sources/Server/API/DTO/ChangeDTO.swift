import Foundation
import Gateway

/// One entry of the change feed.
struct ChangeDTO: Encodable, Sendable {
    /// Increasing per tenant.
    var sequence: Int64
    /// `customer`, `product`, `price-list`, `invoice` or `payment`.
    var subject: String
    /// The master-data code, or the invoice id.
    var key: String
    var version: Int
    /// e.g. `upserted`, `deactivated`, `state:checked`.
    var change: String
    var occurredAt: Date

    init(_ entry: ChangeEntry) {
        sequence = entry.sequence
        subject = entry.subject.rawValue
        key = entry.key
        version = entry.version
        change = entry.change
        occurredAt = entry.occurredAt
    }
}

/// A page of the change feed. `next` is always given: pass it as `since` to read what comes after, now or later.
struct ChangePageDTO: Encodable, Sendable {
    var items: [ChangeDTO]
    var next: String
    /// Whether more entries are already waiting after this page.
    var hasMore: Bool
}
