import Channels
import Foundation
import Gateway
import GatewayStorage

extension ImportBench {
    /// `--bench-pickup`: the whole channel path of `passerelle serve`. A CSV of `invoices` invoices is dropped in
    /// a local pick-up folder; one scan of a ``PickupChannel`` claims it, fingerprints it in a fresh SQLite store,
    /// imports every invoice through intake (each stored with its check job queued), moves the file to `done/` and
    /// writes its acknowledgement. Timed from the scan's start until it returns; the queued jobs are counted after.
    func runPickup() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-pickup-bench-\(UUID().uuidString.lowercased())")
        let inbox = folder.appendingPathComponent("inbox").path
        let outbox = folder.appendingPathComponent("outbox").path
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outbox, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let writeStart = ContinuousClock.now
        let bytes = try generate(path: folder.appendingPathComponent("factures.csv").path)
        // Dropped by a rename, as a sender would: the picker never sees a half-written file.
        try FileManager.default.moveItem(atPath: folder.appendingPathComponent("factures.csv").path,
                                         toPath: (inbox as NSString).appendingPathComponent("factures.csv"))
        print(String(format: "generated %d invoices × %d lines (%.1f MB) in %.1f s", invoices, linesPerInvoice,
                     Double(bytes) / 1e6, ProgressLine.seconds(ContinuousClock.now - writeStart)))
        var mapping = try ERPMapping.load(yaml: Self.mappingYAML)
        mapping.validate = validate
        let store = try await SQLGatewayStore.open(url: "sqlite:" + folder.appendingPathComponent("bench.db").path)
        try await store.migrate()
        var importer = FileImporter(mapping: mapping, actor: "channel:bench", store: store)
        let timings = ImportTimings()
        importer.timings = timings
        let channel = PickupChannel(
            name: "bench", interval: .seconds(1),
            worker: PickupWorker(
                folder: LocalChannelFolder(root: inbox), completion: .stableFor(.zero),
                fingerprints: StoreFingerprintRegistry(store: store, channel: "bench", tenant: TenantID("default")),
                spool: folder.appendingPathComponent("spool").path),
            importer: importer,
            acknowledgements: (folder: LocalChannelFolder(root: outbox) as any ChannelFolder, format: .csv),
            state: store, tenant: TenantID("default"))
        let start = ContinuousClock.now
        let outcomes: [PickupOutcome]
        do {
            outcomes = try await channel.scan()
        } catch {
            try? await store.shutdown()
            throw error
        }
        let seconds = ProgressLine.seconds(ContinuousClock.now - start)
        let queued = try await store.read { transaction in
            try await transaction.invoiceCountsByState(tenant: TenantID("default"), batchID: nil)
        }
        try await store.shutdown()
        let stored = queued.values.reduce(0, +)
        let report = outcomes.first?.result?.report
        print("picked up \(outcomes.map { "\($0.name) (\($0.kind))" }.joined(separator: ", ")): \(stored) invoices "
            + "stored with their check job queued, \(report?.linesRead ?? 0) lines, "
            + "\(report?.rejected.count ?? 0) rejected" + (validate ? " (EN 16931 rules checked)" : ""))
        print(String(format: "pick-up to every invoice queued: %.2f s, %.0f invoices/s, %.0f lines/s", seconds,
                     Double(stored) / seconds, Double(report?.linesRead ?? 0) / seconds))
        print("acknowledgement: \(try FileManager.default.contentsOfDirectory(atPath: outbox).joined(separator: ", "))")
        let (reading, encoding, storing) = (await timings.reading, await timings.encoding, await timings.storing)
        let transactions = await timings.transactions
        print(String(
            format: "phases: reading and building %.1f s (one task); encoding %.1f s and storing %.1f s in %d "
                + "transactions (sums over up to %d batches in flight)",
            ProgressLine.seconds(reading), ProgressLine.seconds(encoding), ProgressLine.seconds(storing),
            transactions, importer.submissionsInFlight))
        print("peak RSS (VmHWM): \(Self.peakResidentMemory() ?? "unknown")")
    }
}
