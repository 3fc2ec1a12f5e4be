import Foundation

/// The shared corpus (`<repo>/../shared/corpus`, or `PASSERELLE_CORPUS`), as the syntax tests find it.
enum PDFCorpus {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var root: URL? {
        var candidates: [URL] = []
        if let variable = ProcessInfo.processInfo.environment["PASSERELLE_CORPUS"], !variable.isEmpty {
            candidates.append(URL(fileURLWithPath: variable))
        }
        candidates.append(repositoryRoot.appendingPathComponent("../shared/corpus").standardized)
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("zugferd/ZUGFeRDv2").path) }
    }

    /// Every PDF under `folder` of the corpus, recursively, sorted by path.
    static func pdfs(under folder: String) throws -> [URL] {
        guard let root else { throw CorpusMissing() }
        let base = root.appendingPathComponent(folder)
        var found: [String] = []
        if let walker = FileManager.default.enumerator(atPath: base.path) {
            while let path = walker.nextObject() as? String {
                if path.lowercased().hasSuffix(".pdf") { found.append(path) }
            }
        }
        return found.sorted().map { base.appendingPathComponent($0) }
    }

    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    struct CorpusMissing: Error, CustomStringConvertible {
        var description: String { "the corpus was not found at <repo>/../shared/corpus; set PASSERELLE_CORPUS to its folder" }
    }
}
