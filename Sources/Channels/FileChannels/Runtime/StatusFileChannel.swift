import Foundation
import Gateway

/// Writes status files to the ERP: every event of the tenant's invoices since the last file, read from the store
/// after the channel's persisted cursor. A file is delivered under a temporary name and renamed; the cursor moves
/// only after the rename. Two nodes running the same channel make the same file name for the same changes: the
/// second finds it taken and only moves the cursor. After a crash between the rename and the cursor, the next file
/// repeats those changes (at least once); each row's `event` sequence lets the ERP skip what it has.
public actor StatusFileChannel {
    public nonisolated let name: String
    public nonisolated let interval: Duration
    let tenant: TenantID
    let state: any ChannelStateStore
    let outbox: any ChannelFolder
    let format: ResultFileFormat
    let maximumRows: Int
    let clock: any GatewayClock

    public init(name: String, tenant: TenantID, state: any ChannelStateStore, outbox: any ChannelFolder,
                format: ResultFileFormat, interval: Duration, maximumRows: Int = 10_000,
                clock: any GatewayClock = SystemClock()) {
        self.name = name
        self.tenant = tenant
        self.state = state
        self.outbox = outbox
        self.format = format
        self.interval = interval
        self.maximumRows = max(1, maximumRows)
        self.clock = clock
    }

    /// Writes what happened since the last file: one file, or several when more than `maximumRows` change-feed
    /// entries are waiting. Returns their paths in the outbox.
    @discardableResult
    public func run() async throws -> [String] {
        var written: [String] = []
        while true {
            let cursor = try await state.channelCursor(name, tenant: tenant)
            let page = try await state.statusChanges(tenant: tenant, after: cursor, limit: maximumRows)
            guard page.reached > cursor else { break }
            if let fileName = StatusFile.name(for: page.changes, format: format) {
                let bytes = StatusFile.render(page.changes, format: format, at: clock.now())
                if let path = try await deliverOnce(bytes, name: fileName) { written.append(path) }
            }
            try await state.advanceChannelCursor(name, tenant: tenant, to: page.reached, at: clock.now())
            // A full page means more is waiting; otherwise the next run takes what comes meanwhile.
            guard page.reached - cursor >= Int64(maximumRows) else { break }
        }
        return written
    }

    /// Temporary name, then rename to exactly `name`; nil when another node delivered it already.
    private func deliverOnce(_ bytes: [UInt8], name: String) async throws -> String? {
        let temporary = ".\(UUID().uuidString.lowercased()).tmp"
        try await outbox.write(temporary, bytes: bytes)
        switch try await outbox.move(temporary, to: name) {
        case .moved:
            return name
        case .targetExists:
            try await outbox.remove(temporary)
            return nil
        case .sourceMissing:
            throw ChannelFolderError(path: temporary, message: "the temporary file vanished before its rename")
        }
    }
}
