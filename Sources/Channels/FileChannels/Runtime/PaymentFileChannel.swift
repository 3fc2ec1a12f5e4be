import Foundation
import Gateway

/// Writes payment files to the ERP for lettering, at the channel's cadence: every payment (211/212) of the tenant
/// recorded since the last file, read from the payments table after the channel's persisted cursor (the
/// reconciliation feed's positions). Each file is queued in the store's outbox together with the cursor's move,
/// then delivered under a temporary name and renamed (``ResultFileOutbox``): each payment is written exactly once,
/// across restarts and nodes.
public actor PaymentFileChannel {
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

    /// Delivers files an earlier run left queued, then the payments recorded since: one file per `maximumRows`
    /// payments. Returns the paths written in the outbox.
    @discardableResult
    public func run() async throws -> [String] {
        var written = try await outbox.deliverQueued()
        while true {
            let cursor = try await state.channelCursor(name, tenant: tenant)
            let rows = try await state.paymentFileRows(tenant: tenant, after: cursor, limit: maximumRows)
            guard let fileName = PaymentFile.name(for: rows, format: format),
                  let reached = rows.last?.entry.payment.feedSequence
            else { break }
            let bytes = PaymentFile.render(rows, format: format, at: clock.now())
            // False: another node queued this batch meanwhile; read on from where it left the cursor.
            try await outbox.queue(bytes, name: fileName, cursor: (cursor, reached))
            guard rows.count >= maximumRows else { break }
        }
        written += try await outbox.deliverQueued()
        return written
    }
}
