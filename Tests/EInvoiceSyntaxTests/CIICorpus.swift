import EInvoice
import EInvoiceSyntax
import Foundation

/// The shared corpus of real invoices, found from this file's path (`<repo>/../shared/corpus`) or from
/// the `PASSERELLE_CORPUS` environment variable.
enum CIICorpus {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var root: URL? {
        var candidates: [URL] = []
        if let variable = ProcessInfo.processInfo.environment["PASSERELLE_CORPUS"], !variable.isEmpty {
            candidates.append(URL(fileURLWithPath: variable))
        }
        candidates.append(repositoryRoot.appendingPathComponent("../shared/corpus").standardized)
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("en16931/cii").path)
        }
    }

    /// The reference schemas next to the corpus (`<corpus>/../reference/xsd`).
    static var schemas: URL? {
        guard let root else { return nil }
        let url = root.appendingPathComponent("../reference/xsd").standardized
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Every candidate CII file: en16931/cii, zugferd/XML-Rechnung/CII and zugferd/ZUGFeRDv2/correct/**.xml.
    static func candidateFiles() -> [URL] {
        guard let root else { return [] }
        var files: [URL] = []
        for folder in ["en16931/cii", "zugferd/XML-Rechnung/CII"] {
            let url = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            files += names.filter { $0.hasSuffix(".xml") }.sorted().map { url.appendingPathComponent($0) }
        }
        let correct = root.appendingPathComponent("zugferd/ZUGFeRDv2/correct")
        if let walker = FileManager.default.enumerator(atPath: correct.path) {
            var found: [String] = []
            while let path = walker.nextObject() as? String {
                if path.lowercased().hasSuffix(".xml") { found.append(path) }
            }
            files += found.sorted().map { correct.appendingPathComponent($0) }
        }
        return files
    }

    static func file(_ relativePath: String) -> URL? {
        root?.appendingPathComponent(relativePath)
    }

    static func tree(_ url: URL) throws -> XMLTree {
        let data = try Data(contentsOf: url)
        return try SafeXMLParser().parse([UInt8](data))
    }

    static func parsed(_ relativePath: String) throws -> ParsedInvoice {
        guard let url = file(relativePath) else { throw CorpusMissing() }
        return try CIIReader().read(try tree(url))
    }

    static func isCII(_ tree: XMLTree) -> Bool {
        tree.root?.localName == "CrossIndustryInvoice" && tree.root?.namespace == Namespaces.ciiRSM
    }

    struct CorpusMissing: Error, CustomStringConvertible {
        var description: String {
            "the corpus was not found at <repo>/../shared/corpus; set PASSERELLE_CORPUS to its folder"
        }
    }
}
