import Foundation

/// Paths of the repository, found from this file.
enum RuntimeTestPaths {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A valid French CII invoice kept in the repository.
    static var exampleInvoice: URL { repositoryRoot.appendingPathComponent("conformance/seeds/fr-cii.xml") }

    /// The `passerelle` binary built next to the test bundle.
    static var passerelleBinary: URL? {
        var candidates: [URL] = []
        if let testBinary = CommandLine.arguments.first {
            let folder = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("passerelle"))
            // On macOS the tests run inside PasserellePackageTests.xctest/Contents/MacOS.
            candidates.append(folder.appendingPathComponent("../../../passerelle").standardized)
        }
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/passerelle"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// A folder under the system's temporary folder, removed when the value is released.
final class RuntimeTemporaryFolder: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-runtime-" + UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
