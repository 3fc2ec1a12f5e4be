import Foundation
import Gateway

/// One pick-up channel of `passerelle serve`: a ``PickupWorker`` on its folder, importing each file with its
/// mapping into the gateway's store, then writing the file's acknowledgement to the ERP.
///
/// With a ``ChannelStateStore``, acknowledgements go through the store's outbox (``ResultFileOutbox``): an imported
/// file's acknowledgement is queued as soon as its import ends, before the file moves to `done/` or `error/`, and is
/// delivered exactly once, even after a crash, a restart or a cut SFTP connection. Without one (tests, `import
/// --watch`), they wait in memory.
public actor PickupChannel {
    public nonisolated let name: String
    public nonisolated let interval: Duration
    let worker: PickupWorker
    let importer: FileImporter
    let acknowledgements: (folder: any ChannelFolder, format: ResultFileFormat)?
    let outbox: ResultFileOutbox?
    let recoverAfter: Duration
    /// Acknowledgements not yet delivered when there is no outbox: tried again on each scan.
    private var pendingAcknowledgements: [(name: String, bytes: [UInt8])] = []
    private var recovered = false

    public init(name: String, interval: Duration, worker: PickupWorker, importer: FileImporter,
                acknowledgements: (folder: any ChannelFolder, format: ResultFileFormat)?,
                state: (any ChannelStateStore)? = nil, tenant: TenantID = TenantID("default"),
                clock: any GatewayClock = SystemClock(), lease: Duration = .seconds(120),
                recoverAfter: Duration = .seconds(3600)) {
        self.name = name
        self.interval = interval
        self.worker = worker
        self.importer = importer
        self.acknowledgements = acknowledgements
        self.outbox = acknowledgements.flatMap { acknowledgements in
            state.map {
                ResultFileOutbox(channel: name, tenant: tenant, state: $0, folder: acknowledgements.folder,
                                 clock: clock, lease: lease)
            }
        }
        self.recoverAfter = recoverAfter
    }

    /// One scan: puts back files a crashed node left in `processing/` (first scan only), delivers acknowledgements
    /// left over, takes every complete file, imports it, moves it to `done/` or `error/`, and delivers its
    /// acknowledgement.
    @discardableResult
    public func scan() async throws -> [PickupOutcome] {
        if !recovered {
            _ = try await worker.recoverAbandoned(olderThan: recoverAfter)
            recovered = true
        }
        try await deliverPending()
        let importer = self.importer
        let outbox = self.outbox
        let format = acknowledgements?.format ?? .csv
        let outcomes = try await worker.scanOnce { path, name in
            let report = try await importer.importFile(at: path)
            let result = PickupResult(rejections: report.rejected, report: report)
            if let outbox {
                // Queued before the file leaves processing/: a crash from here on still acknowledges it.
                let outcome = PickupOutcome(kind: result.rejections.isEmpty ? .done : .failed, name: name,
                                            result: result)
                try await outbox.queue(AcknowledgementFile.render(outcome, format: format),
                                       name: AcknowledgementFile.name(for: name, format: format))
            }
            return result
        }
        if let acknowledgements {
            // Imported files were queued by the handler; the others (duplicates, refused names, files that failed
            // as a whole) are acknowledged here.
            for outcome in outcomes where outbox == nil || outcome.result == nil || outcome.failure != nil {
                let name = AcknowledgementFile.name(for: outcome.name, format: acknowledgements.format)
                let bytes = AcknowledgementFile.render(outcome, format: acknowledgements.format)
                if let outbox {
                    try await outbox.queue(bytes, name: name)
                } else {
                    pendingAcknowledgements.append((name, bytes))
                }
            }
            try await deliverPending()
        }
        return outcomes
    }

    private func deliverPending() async throws {
        if let outbox {
            try await outbox.deliverQueued()
            return
        }
        guard let acknowledgements else { return }
        while let next = pendingAcknowledgements.first {
            try await ChannelFolders.deliver(next.bytes, to: acknowledgements.folder, folder: "", name: next.name)
            pendingAcknowledgements.removeFirst()
        }
    }
}
