import Archive
import Foundation
import Gateway
import GatewayArchive
import Logging
import Synchronization

/// A temporary archive root and the node archives opened on it, removed afterwards.
final class ArchiveFolder: Sendable {
    let root: URL

    init() {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-archive-\(UUID().uuidString.lowercased())")
    }

    func open(node: String, clock: TestClock) async throws -> NodeArchive {
        try await NodeArchive.open(NodeArchive.Settings(
            root: root, node: node, signingKeyPath: root.appendingPathComponent("keys/\(node).pem").path,
            clock: { clock.now() }))
    }

    /// The entries with a document in one node's journal, read back from its files.
    func journal(_ node: String) async throws -> [ArchiveEntry] {
        let reader = try await LegalArchive.open(
            directory: ArchiveRoot.folder(of: node, in: root), configuration: ArchiveConfiguration(), writer: false)
        return await reader.allEntries().filter(\.hasDocument)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Runs `body` with a fresh archive folder, removed afterwards (also when `body` throws).
func withArchiveFolder<Result>(_ body: (ArchiveFolder) async throws -> Result) async throws -> Result {
    let folder = ArchiveFolder()
    do {
        let result = try await body(folder)
        folder.remove()
        return result
    } catch {
        folder.remove()
        throw error
    }
}

/// The real archive, but the process "dies" right after the archive's write: the step's commit never happens, as
/// with a kill -9 between archiving and committing.
final class CrashAfterArchiving: ArchivePort {
    struct Killed: Error, CustomStringConvertible {
        var description: String { "killed after archiving, before the commit" }
    }

    let base: NodeArchive
    private let crashes = Mutex(1)

    init(_ base: NodeArchive) { self.base = base }

    var journal: String { base.journal }

    func archive(_ documents: [ArchiveRequest]) async throws -> [ArchiveReceipt] {
        let receipts = try await base.archive(documents)
        let crash = crashes.withLock { remaining -> Bool in
            defer { remaining = max(0, remaining - 1) }
            return remaining > 0
        }
        if crash { throw Killed() }
        return receipts
    }

    func entries(invoice: InvoiceID, tenant: TenantID) async throws -> [ArchiveReceipt] {
        try await base.entries(invoice: invoice, tenant: tenant)
    }

    func seal() async throws -> ArchiveSealInfo? { try await base.seal() }

    func seals(covering locations: [ArchiveLocation]) async throws -> [ArchiveLocation: ArchiveSealInfo] {
        try await base.seals(covering: locations)
    }
}

extension GatewayHarness {
    /// A worker whose pipeline archives into `archive` (and dispatches to `dispatcher`, by default the harness's).
    func worker(id: String = "worker-1", archive: any ArchivePort, dispatcher: (any DispatchPort)? = nil)
        -> PipelineWorker
    {
        var logger = Logger(label: "test.pipeline")
        logger.logLevel = .critical
        return PipelineWorker(context: PipelineContext(
            store: store, clock: clock, dispatcher: dispatcher ?? self.dispatcher, webhooks: webhooks, archive: archive,
            configuration: PipelineConfiguration(
                workerID: id, batchSize: 8, leaseDuration: .seconds(60),
                retry: RetryPolicy(base: .seconds(1), maximum: .seconds(60), jitter: 0)),
            logger: logger))
    }
}
