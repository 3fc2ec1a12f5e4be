import EInvoice
import Foundation
import Gateway
import GatewayArchive
import GatewayStorage
import Logging
import Testing

/// `passerelle audit timeline` and `passerelle audit find`: the real binary against a real SQLite store and archive
/// laid out as `passerelle serve` lays them (`<data>/passerelle.db`, `<data>/archive`).
@Suite("CLI: passerelle audit")
struct AuditCommandTests {
    @Test func timelineAndFindReadTheStoreServeWrites() async throws {
        let data = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-audit-cli-\(UUID().uuidString.lowercased())")
        defer { try? FileManager.default.removeItem(at: data) }
        let id = try await Self.prepare(data: data)

        let table = try Self.run(["audit", "timeline", id, "--data", data.path, "--tenant", "acme"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("number CLI-1, state held"))
        #expect(table.stdout.contains("BT-16 delivery BL-CLI-7"))
        for text in ["invoice.received", "invoice.archived", "invoice.held", "original entry cli-node#1",
                     "cii entry cli-node#2", "sealed (seal 1"] {
            #expect(table.stdout.contains(text), "\(text) missing in \(table.stdout)")
        }

        let json = try Self.run(["audit", "timeline", id, "--data", data.path, "--tenant", "acme", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(object["invoice"] as? String == id)
        #expect(items.filter { $0["kind"] as? String == "archive" }.count == 2)

        let found = try Self.run(["audit", "find", "--delivery", "BL-CLI-7", "--data", data.path, "--tenant", "acme"])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains(id))
        #expect(found.stdout.contains("CLI-1"))
        let nothing = try Self.run(["audit", "find", "--order", "BL-CLI-7", "--data", data.path, "--tenant", "acme"])
        #expect(nothing.stdout.contains("no invoice"))
        #expect(!nothing.stdout.contains(id))

        let missing = try Self.run(["audit", "timeline", "no-such-invoice", "--data", data.path, "--tenant", "acme"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no invoice no-such-invoice"))
        let noOption = try Self.run(["audit", "find", "--data", data.path])
        #expect(noOption.status != 0)
        #expect(noOption.stderr.contains("--contract, --order, --delivery"))
    }

    /// A tenant `acme` with one invoice run through the pipeline and archived, the journal sealed.
    static func prepare(data: URL) async throws -> String {
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let store = try await SQLGatewayStore.open(url: "sqlite:" + data.appendingPathComponent("passerelle.db").path)
        try await store.migrate()
        let archive = try await NodeArchive.open(NodeArchive.Settings(
            root: data.appendingPathComponent("archive"), node: "cli-node",
            signingKeyPath: data.appendingPathComponent("archive-signing-key.pem").path))
        let tenant = TenantID("acme")
        try await store.transaction { transaction in
            try await transaction.insertTenant(Tenant(id: tenant, name: "acme", settings: TenantSettings(), createdAt: Date()))
        }
        let products = SampleInvoice.make(lineCount: 2).lines.map { line in
            Product(code: line.item.sellerIdentifier ?? "", name: line.item.name,
                    unitCode: line.quantity?.unitCode ?? "C62", vatCategory: line.vat.categoryCode,
                    vatRate: line.vat.rate)
        }
        _ = try await MasterDataService(store: store).upsert(products, tenant: tenant)
        let payload = Payloads.cii(number: "CLI-1") { $0.despatchAdviceReference = "BL-CLI-7" }
        let id = try await IntakeService(store: store).receive(
            IntakeRequest(tenant: tenant, payload: payload, actor: "test")).record.id
        var logger = Logger(label: "test.pipeline")
        logger.logLevel = .critical
        try await PipelineWorker(context: PipelineContext(
            store: store, webhooks: RecordingWebhookTransport(), archive: archive,
            configuration: PipelineConfiguration(workerID: "cli-test"), logger: logger)).drain()
        _ = try await archive.seal()
        await archive.close()
        try await store.shutdown()
        return id.rawValue
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Output {
        guard let binary = RuntimeTestPaths.passerelleBinary else {
            throw RuntimeTestFailure("the passerelle binary is not built next to the tests (swift build first)")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PASSERELLE_") }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}
