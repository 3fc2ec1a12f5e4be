import Foundation
import Testing

import EInvoiceSyntax

/// Where the shared corpus and reference files are, and how to reach the XSD validator.
enum UBLTestSupport {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// `PASSERELLE_CORPUS`, else `<repo>/../shared/corpus` found from this file's path.
    static func corpusRoot() throws -> URL {
        guard let corpus = CIICorpus.root else {
            throw Missing(description: "no corpus at ../shared/corpus; set PASSERELLE_CORPUS to the corpus folder")
        }
        return corpus
    }

    static func repositoryRoot(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The UBL folders of the corpus.
    static let ublFolders = ["en16931/ubl", "en16931/ubl-testfiles", "zugferd/XML-Rechnung/UBL"]

    /// Every UBL file of the corpus, sorted, as paths relative to the corpus root.
    static func ublFiles() throws -> [String] {
        let root = try corpusRoot()
        var files: [String] = []
        for folder in ublFolders {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            files += names.filter { $0.lowercased().hasSuffix(".xml") }.map { "\(folder)/\($0)" }
        }
        return files.sorted()
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: try corpusRoot().appendingPathComponent(relativePath)))
    }

    static func parse(_ bytes: [UInt8]) throws -> ParsedInvoice {
        try UBLReader().read(try SafeXMLParser().parse(bytes))
    }

    static func parse(_ text: String) throws -> ParsedInvoice {
        try parse(Array(text.utf8))
    }

    /// The UBL 2.1 maindoc schema folder next to the corpus.
    static func schemaFolder() throws -> URL {
        try corpusRoot().deletingLastPathComponent()
            .appendingPathComponent("reference/xsd/UBL-2.1/1xsd_UBL2.1/maindoc", isDirectory: true)
    }

    /// `<repo>/.venv/bin/python`, else `/tmp/oracle-venv/bin/python`.
    static func python() throws -> String {
        let candidates = [repositoryRoot().appendingPathComponent(".venv/bin/python").path, "/tmp/oracle-venv/bin/python"]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Missing(
                description: "no Python with lxml to validate against the UBL XSD: looked for "
                    + candidates.joined(separator: " and ") + "; create one with `python3 -m venv .venv && "
                    + ".venv/bin/pip install lxml`")
        }
        return found
    }

    /// The official-schematron oracle: `<repo>/conformance/oracle.py`, else `/work/notes/oracle.py`.
    static func oracleScript() throws -> String {
        let candidates = [repositoryRoot().appendingPathComponent("conformance/oracle.py").path, "/work/notes/oracle.py"]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw Missing(description: "no schematron oracle: looked for " + candidates.joined(separator: " and "))
        }
        return found
    }

    /// Runs the official EN 16931 UBL schematron on the files; per file path, the ids of the rules that fired.
    static func firedRules(_ files: [URL]) throws -> [String: Set<String>] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = [try oracleScript(), "--json", "-q"] + files.map(\.path)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let document = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let results = document["results"] as? [String: Any]
        else {
            throw Missing(description: "the schematron oracle failed: " + String(decoding: errorData, as: UTF8.self))
        }
        var fired: [String: Set<String>] = [:]
        for (path, value) in results {
            guard let result = value as? [String: Any] else { continue }
            if let error = result["error"] as? String {
                fired[path] = ["error: \(error)"]
            } else {
                fired[path] = Set((result["fired"] as? [String: Any] ?? [:]).keys)
            }
        }
        return fired
    }

    /// Validates the files against UBL-Invoice-2.1.xsd or UBL-CreditNote-2.1.xsd (by root element) with lxml.
    /// Returns one line per file: `OK path` or `BAD path: first error`.
    static func validateAgainstXSD(_ files: [URL]) throws -> [String] {
        let script = """
            import sys
            from lxml import etree
            folder = sys.argv[1]
            schemas = {}
            for path in sys.argv[2:]:
                doc = etree.parse(path)
                name = etree.QName(doc.getroot()).localname
                if name not in schemas:
                    schemas[name] = etree.XMLSchema(etree.parse(folder + '/UBL-' + name + '-2.1.xsd'))
                schema = schemas[name]
                if schema.validate(doc):
                    print('OK', path)
                else:
                    print('BAD', path + ':', str(schema.error_log.last_error).replace('\\n', ' '))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = ["-c", script, try schemaFolder().path] + files.map(\.path)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Missing(
                description: "XSD validation with \(try python()) failed: " + String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
