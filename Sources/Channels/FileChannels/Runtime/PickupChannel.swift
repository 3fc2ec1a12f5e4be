import Foundation
import Gateway

/// One pick-up channel of `passerelle serve`: a ``PickupWorker`` on its folder, importing each file with its
/// mapping into the gateway's store, then writing the file's acknowledgement to the ERP.
public actor PickupChannel {
    public nonisolated let name: String
    public nonisolated let interval: Duration
    let worker: PickupWorker
    let importer: FileImporter
    let acknowledgements: (folder: any ChannelFolder, format: ResultFileFormat)?
    let recoverAfter: Duration
    /// Acknowledgements not yet delivered (the outbox was unreachable): tried again on each scan.
    private var pendingAcknowledgements: [(name: String, bytes: [UInt8])] = []
    private var recovered = false

    public init(name: String, interval: Duration, worker: PickupWorker, importer: FileImporter,
                acknowledgements: (folder: any ChannelFolder, format: ResultFileFormat)?,
                recoverAfter: Duration = .seconds(3600)) {
        self.name = name
        self.interval = interval
        self.worker = worker
        self.importer = importer
        self.acknowledgements = acknowledgements
        self.recoverAfter = recoverAfter
    }

    /// One scan: puts back files a crashed node left in `processing/` (first scan only), takes every complete file,
    /// imports it, moves it to `done/` or `error/`, and delivers its acknowledgement.
    @discardableResult
    public func scan() async throws -> [PickupOutcome] {
        if !recovered {
            _ = try await worker.recoverAbandoned(olderThan: recoverAfter)
            recovered = true
        }
        try await deliverPending()
        let importer = self.importer
        let outcomes = try await worker.scanOnce { path, _ in
            let report = try await importer.importFile(at: path)
            return PickupResult(rejections: report.rejected, report: report)
        }
        if let acknowledgements {
            for outcome in outcomes {
                pendingAcknowledgements.append((
                    AcknowledgementFile.name(for: outcome.name, format: acknowledgements.format),
                    AcknowledgementFile.render(outcome, format: acknowledgements.format)))
            }
            try await deliverPending()
        }
        return outcomes
    }

    private func deliverPending() async throws {
        guard let acknowledgements else { return }
        while let next = pendingAcknowledgements.first {
            try await ChannelFolders.deliver(next.bytes, to: acknowledgements.folder, folder: "", name: next.name)
            pendingAcknowledgements.removeFirst()
        }
    }
}
