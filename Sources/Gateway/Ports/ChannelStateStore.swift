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

    /// The payments of the tenant (211/212) recorded after `position` (their change-feed position, the
    /// reconciliation feed's cursor), at most `limit`, in feed order, with the invoice facts and its platform.
    func paymentFileRows(tenant: TenantID, after position: Int64, limit: Int) async throws -> [PaymentFileRow]

    /// Queues a result file for delivery (the outbox of migration 10). With `cursor`, the channel's cursor moves
    /// from `cursor.from` to `cursor.to` in the same transaction, and nothing is queued (false) when the cursor was
    /// not at `cursor.from`: of several nodes, exactly one queues each batch.
    func queueResultFile(channel: String, tenant: TenantID, name: String, bytes: [UInt8],
                         cursor: (from: Int64, to: Int64)?, at: Date) async throws -> Bool
    /// The channel's queued result files, oldest first.
    func queuedResultFiles(channel: String, tenant: TenantID, limit: Int) async throws -> [QueuedResultFile]
    /// Takes a queued file for delivery until `until`; false when another holder's lease has not expired.
    func leaseResultFile(_ id: Int64, holder: String, now: Date, until: Date) async throws -> Bool
    /// Records that the file's temporary copy is complete in the outbox folder (only its rename remains).
    func markResultFileWritten(_ id: Int64) async throws
    /// Forgets a delivered file.
    func removeResultFile(_ id: Int64) async throws
}

/// A result file waiting in the store until it is renamed into place in the ERP's folder.
public struct QueuedResultFile: Sendable, Hashable {
    public var id: Int64
    /// The final name in the outbox folder.
    public var name: String
    public var bytes: [UInt8]
    /// Its temporary copy was completely written (the rename may or may not have happened).
    public var written: Bool

    public init(id: Int64, name: String, bytes: [UInt8], written: Bool) {
        self.id = id
        self.name = name
        self.bytes = bytes
        self.written = written
    }
}

/// One row of a payment file: a payment with its invoice facts and the platform the invoice went through.
public struct PaymentFileRow: Sendable, Hashable {
    public var entry: ReconciliationEntry
    /// The accredited platform the invoice was submitted through, when known.
    public var platform: String?

    public init(entry: ReconciliationEntry, platform: String?) {
        self.entry = entry
        self.platform = platform
    }
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
