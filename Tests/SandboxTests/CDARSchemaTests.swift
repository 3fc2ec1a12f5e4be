import Foundation
import Sandbox
import Testing

/// The CDAR messages the sandbox produces validate against the UN/CEFACT CDAR D22B schema (lxml).
@Suite("Sandbox CDAR output is schema-valid")
struct CDARSchemaTests {
    static let schema = "CDAR-D22B/1xsd-CDAR_D22B_uncoupled/CrossDomainAcknowledgementAndResponse_100pD22B.xsd"
    static let script = """
        import sys
        from lxml import etree
        schema = etree.XMLSchema(etree.parse(sys.argv[1]))
        failures = 0
        for document in sys.argv[2:]:
            if not schema.validate(etree.parse(document)):
                failures += 1
                print('INVALID', document, schema.error_log.last_error)
        print('checked', len(sys.argv) - 2)
        sys.exit(1 if failures else 0)
        """

    static func validate(_ files: [URL]) throws -> (Int32, String) {
        let candidates = [Fixtures.repositoryRoot.appendingPathComponent(".venv/bin/python").path,
                          "/tmp/oracle-venv/bin/python"]
        guard let python = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("no Python with lxml; create <repo>/.venv with lxml")
            return (-1, "")
        }
        let xsd = Fixtures.corpus.appendingPathComponent("../reference/xsd").standardized
            .appendingPathComponent(schema)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, xsd.path] + files.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test("every status the sandbox emits (200–207, 210–213) validates against the CDAR D22B XSD")
    func producedMessagesValidate() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-cdar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try await SandboxHarness.with(try LifecycleTests.configuration(scenario: LifecycleTests.scripted)) {
            sandbox in
            let token = try await sandbox.token()
            _ = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(),
                                         file: try TestInvoices.cii(number: "SBX-XSD-1", buyerSIREN: "732829320"))
            _ = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(),
                                         file: try TestInvoices.cii(number: "SBX-XSD-2", buyerAddress: "1_ACHATS"))
            _ = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(),
                                         file: try TestInvoices.invalidCII(number: "SBX-XSD-3"))
            _ = try await sandbox.advance(token: token, seconds: 30 * 86400)
            var files: [URL] = []
            for (index, item) in try await LifecycleTests.lifecycle(sandbox, token: token).enumerated() {
                let url = folder.appendingPathComponent("\(index)-\(item.message.status.code).xml")
                try Data(item.bytes).write(to: url)
                files.append(url)
            }
            return files
        }
        let codes = Set(files.map { $0.lastPathComponent.split(separator: "-").last.map(String.init) ?? "" })
        #expect(codes.isSuperset(of: ["200.xml", "207.xml", "210.xml", "211.xml", "212.xml", "213.xml"]))
        let (status, output) = try Self.validate(files)
        #expect(status == 0, "\(output)")
        #expect(output.contains("checked \(files.count)"), "\(output)")
    }
}
