import EInvoice
import EInvoiceSyntax
import Foundation
import Testing

/// Every written status message validates against the UN/CEFACT CDAR D22B schema, with lxml.
@Suite("CDAR writer output is schema-valid")
struct CDARSchemaValidationTests {
    static let schemaPath = "CDAR-D22B/1xsd-CDAR_D22B_uncoupled/CrossDomainAcknowledgementAndResponse_100pD22B.xsd"

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

    /// Runs the validation script; returns its exit status and output.
    static func validate(_ documents: [URL]) throws -> (Int32, String) {
        guard let python = CIISchemaValidationTests.pythonCandidates.first(where: {
            FileManager.default.isExecutableFile(atPath: $0)
        }) else {
            Issue.record("no Python with lxml; create <repo>/.venv with lxml")
            return (-1, "")
        }
        let xsd = try #require(CIICorpus.schemas, "the reference schemas were not found next to the corpus")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, xsd.appendingPathComponent(schemaPath).path] + documents.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test("a message for every status 200…213 validates against the CDAR D22B XSD")
    func everyStatusValidates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cdar-xsd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [URL] = []
        for code in 200...213 {
            let url = folder.appendingPathComponent("\(code).xml")
            try Data(CDARWriter().write(CDARFixtures.message(LifecycleStatus(code: String(code))))).write(to: url)
            files.append(url)
        }
        let (status, output) = try Self.validate(files)
        #expect(status == 0, "\(output)")
        #expect(output.contains("checked 14"), "\(output)")
    }

    @Test("the validation can fail: a message without its acknowledgement is invalid")
    func validatorRejects() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cdar-xsd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let xml = String(decoding: CDARWriter().write(CDARFixtures.message(.approved)), as: UTF8.self)
        let broken = xml.replacingOccurrences(
            of: #"<rsm:AcknowledgementDocument>.*</rsm:AcknowledgementDocument>"#, with: "", options: .regularExpression)
        #expect(broken != xml)
        let url = folder.appendingPathComponent("broken.xml")
        try Data(broken.utf8).write(to: url)
        let (status, output) = try Self.validate([url])
        #expect(status == 1, "\(output)")
        #expect(output.contains("INVALID"))
    }
}
