import Foundation
import EInvoice

/// What the file channels (ERP pick-up folders, result files) keep in the gateway's store, so that several
/// `passerelle serve` nodes on one database share it. Each call is its own transaction.
public protocol ChannelStateStore: Sendable {
    /// Records that `fingerprint` (SHA-256 of a file's content and its name) was taken by `channel`. True when it
    /// was new; false when the channel had already taken that file (a second drop). Atomic across nodes.
    func claimFileFingerprint(_ fingerprint: String, channel: String, tenant: TenantID, fileName: String,
                              claimID: String, at: Date) async throws -> Bool
    /// Forgets a fingerprint: the file failed as a whole, and dropping it again must retry it.
    func releaseFileFingerprint(_ fingerprint: String, channel: String, tenant: TenantID) async throws
    /// Whether the channel has taken a file with this fingerprint.
    func hasFileFingerprint(_ fingerprint: String, channel: String, tenant: TenantID) async throws -> Bool

    /// The position a result-file channel has reached (0 before its first file).
    func channelCursor(_ channel: String, tenant: TenantID) async throws -> Int64
    /// Moves the position forward; a position lower than the stored one is ignored (two nodes racing).
    func advanceChannelCursor(_ channel: String, tenant: TenantID, to position: Int64, at: Date) async throws

    /// The invoice events of the tenant recorded after `position`, from at most `limit` change-feed entries, in the
    /// order the change feed serialised them (a reader never misses an event that commits later with a lower
    /// position).
    func statusChanges(tenant: TenantID, after position: Int64, limit: Int) async throws -> StatusChangePage
}

/// A page of status changes and the position it reaches (also past entries that are not invoice events).
public struct StatusChangePage: Sendable, Hashable {
    public var changes: [InvoiceStatusChange]
    /// The cursor to store once the page is delivered; equal to the one asked for when nothing new was there.
    public var reached: Int64

    public init(changes: [InvoiceStatusChange], reached: Int64) {
        self.changes = changes
        self.reached = reached
    }
}

/// One event of one invoice, as a status file reports it.
public struct InvoiceStatusChange: Sendable, Hashable {
    /// The change-feed sequence: the cursor of status files.
    public var position: Int64
    /// The event's own sequence (unique).
    public var eventSequence: Int64
    public var invoiceID: InvoiceID
    /// BT-1.
    public var invoiceNumber: String
    /// BT-2, when known.
    public var issueDate: CalendarDate?
    public var type: String
    public var state: InvoiceState
    public var message: String
    public var occurredAt: Date

    public init(position: Int64, eventSequence: Int64, invoiceID: InvoiceID, invoiceNumber: String,
                issueDate: CalendarDate?, type: String, state: InvoiceState, message: String, occurredAt: Date) {
        self.position = position
        self.eventSequence = eventSequence
        self.invoiceID = invoiceID
        self.invoiceNumber = invoiceNumber
        self.issueDate = issueDate
        self.type = type
        self.state = state
        self.message = message
        self.occurredAt = occurredAt
    }
}
