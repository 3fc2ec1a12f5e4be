import Foundation
import Gateway

/// Writes status files to the ERP: every event of the tenant's invoices since the last file, read from the store
/// after the channel's persisted cursor. Each file is queued in the store's outbox together with the cursor's move
/// (one transaction; of several nodes exactly one queues each batch), then delivered under a temporary name and
/// renamed (``ResultFileOutbox``): after a crash or a cut, the next run delivers what is missing, exactly once.
public actor StatusFileChannel {
    public nonisolated let name: String
    public nonisolated let interval: Duration
    let tenant: TenantID
    let state: any ChannelStateStore
    let outbox: ResultFileOutbox
    let format: ResultFileFormat
    let maximumRows: Int
    let clock: any GatewayClock

    public init(name: String, tenant: TenantID, state: any ChannelStateStore, outbox: any ChannelFolder,
                format: ResultFileFormat, interval: Duration, maximumRows: Int = 10_000,
                clock: any GatewayClock = SystemClock(), lease: Duration = .seconds(120)) {
        self.name = name
        self.tenant = tenant
        self.state = state
        self.outbox = ResultFileOutbox(channel: name, tenant: tenant, state: state, folder: outbox, clock: clock,
                                       lease: lease)
        self.format = format
        self.interval = interval
        self.maximumRows = max(1, maximumRows)
        self.clock = clock
    }

    /// Delivers files an earlier run left queued, then writes what happened since the last file: one file, or
    /// several when more than `maximumRows` change-feed entries are waiting. Returns their paths in the outbox.
    @discardableResult
    public func run() async throws -> [String] {
        var written = try await outbox.deliverQueued()
        while true {
            let cursor = try await state.channelCursor(name, tenant: tenant)
            let page = try await state.statusChanges(tenant: tenant, after: cursor, limit: maximumRows)
            guard page.reached > cursor else { break }
            if let fileName = StatusFile.name(for: page.changes, format: format) {
                let bytes = StatusFile.render(page.changes, format: format, at: clock.now())
                // False: another node queued this batch meanwhile; read on from where it left the cursor.
                try await outbox.queue(bytes, name: fileName, cursor: (cursor, page.reached))
            } else {
                try await state.advanceChannelCursor(name, tenant: tenant, to: page.reached, at: clock.now())
            }
            // A full page means more is waiting; otherwise the next run takes what comes meanwhile.
            guard page.reached - cursor >= Int64(maximumRows) else { break }
        }
        written += try await outbox.deliverQueued()
        return written
    }
}
