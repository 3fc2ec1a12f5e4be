import Foundation
import Gateway

/// Delivers a channel's result files exactly once, through the store's outbox (migration 10).
///
/// A file is first queued in the store (for cursor-driven files, together with the cursor's move, so that exactly
/// one node queues each batch). Delivery then takes a lease on it, writes it under a temporary name that is fixed
/// per queued file (`.<channel>-<id>.tmp`), records that the copy is complete, renames it into place (never
/// replacing: a taken name gets a `1-`, `2-` … prefix) and forgets it. Whatever step a crash or a cut connection
/// interrupts, the next attempt knows what is missing:
/// - not yet recorded as written: the temporary copy is written again (a partial copy is replaced);
/// - recorded as written and the temporary copy still there: only the rename is missing;
/// - recorded as written and the temporary copy gone: the rename happened; the file is forgotten, not rewritten.
public struct ResultFileOutbox: Sendable {
    public let channel: String
    public let tenant: TenantID
    let state: any ChannelStateStore
    public let folder: any ChannelFolder
    let clock: any GatewayClock
    /// Who holds a lease: one per outbox object (each channel object is a holder, as each node is), so that a file
    /// is never delivered by two of them at once.
    let holder: String
    /// How long a lease keeps other nodes off a file (a crashed node's files wait this long).
    let lease: Duration

    public init(channel: String, tenant: TenantID, state: any ChannelStateStore, folder: any ChannelFolder,
                clock: any GatewayClock = SystemClock(), holder: String = ResultFileOutbox.newHolder(),
                lease: Duration = .seconds(120)) {
        self.channel = channel
        self.tenant = tenant
        self.state = state
        self.folder = folder
        self.clock = clock
        self.holder = holder
        self.lease = lease
    }

    /// A new lease holder name: the host and a random id.
    public static func newHolder() -> String {
        "\(ProcessInfo.processInfo.hostName)-\(UUID().uuidString.lowercased())"
    }

    /// Queues a file; with `cursor`, only when the channel's cursor is still at `cursor.from` (then it moves to
    /// `cursor.to` in the same transaction). False when another node queued this batch.
    @discardableResult
    public func queue(_ bytes: [UInt8], name: String, cursor: (from: Int64, to: Int64)? = nil) async throws -> Bool {
        try await state.queueResultFile(channel: channel, tenant: tenant, name: name, bytes: bytes, cursor: cursor,
                                        at: clock.now())
    }

    /// Delivers every queued file this node can lease, oldest first; returns the final paths written. The first
    /// failure stops the delivery (the rest waits for the next attempt, in order).
    @discardableResult
    public func deliverQueued() async throws -> [String] {
        var delivered: [String] = []
        while true {
            let files = try await state.queuedResultFiles(channel: channel, tenant: tenant, limit: 100)
            var leasedAny = false
            for file in files {
                let now = clock.now()
                guard try await state.leaseResultFile(file.id, holder: holder, now: now,
                                                      until: now.addingTimeInterval(lease.timeInterval))
                else { continue }
                leasedAny = true
                if let path = try await deliver(file) { delivered.append(path) }
                try await state.removeResultFile(file.id)
            }
            guard leasedAny, files.count == 100 else { return delivered }
        }
    }

    /// The temporary name of a queued file: fixed, so that a retry finds the copy of an earlier attempt.
    func temporaryName(_ file: QueuedResultFile) -> String { ".\(channel)-\(file.id).tmp" }

    /// Writes and renames one file; nil when an earlier attempt had already renamed it.
    private func deliver(_ file: QueuedResultFile) async throws -> String? {
        let temporary = temporaryName(file)
        if file.written {
            let present = try await folder.list("").contains { $0.name == temporary }
            guard present else { return nil }
        } else {
            try await folder.write(temporary, bytes: file.bytes)
            try await state.markResultFileWritten(file.id)
        }
        guard let path = try await ChannelFolders.moveNoReplace(temporary, in: folder, into: "", name: file.name)
        else {
            throw ChannelFolderError(path: temporary, message: "the temporary file vanished before its rename")
        }
        return path
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
