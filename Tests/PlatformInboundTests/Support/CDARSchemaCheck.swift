import Foundation

/// Validates CDAR messages against the UN/CEFACT CDAR D22B XSD with lxml, the check `SandboxTests`'
/// `CDARSchemaTests` makes on what the sandbox writes. Test targets cannot import one another, so the schema path
/// and the lxml call are written here once more (a dozen lines).
enum CDARSchemaCheck {
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

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The exit status and output of the check of `messages` (written to a temporary folder).
    static func validate(_ messages: [[UInt8]]) throws -> (Int32, String) {
        let candidates = [repositoryRoot.appendingPathComponent(".venv/bin/python").path, "/tmp/oracle-venv/bin/python"]
        guard let python = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw InboundTestFailure("no Python with lxml: create <repo>/.venv with lxml")
        }
        let xsd = [repositoryRoot.appendingPathComponent("../shared/reference/xsd"),
                   URL(fileURLWithPath: "/work/shared/reference/xsd")]
            .map { $0.appendingPathComponent(schema).standardized }
            .first { FileManager.default.fileExists(atPath: $0.path) }
        guard let xsd else { throw InboundTestFailure("the CDAR D22B XSD is not in ../shared/reference/xsd") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inbound-cdar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for (index, bytes) in messages.enumerated() {
            let file = folder.appendingPathComponent("\(index).xml")
            try Data(bytes).write(to: file)
            files.append(file.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, xsd.path] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
