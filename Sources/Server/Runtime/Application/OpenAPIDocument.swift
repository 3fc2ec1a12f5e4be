import Foundation

/// Finds `openapi/passerelle-v1.json` at start-up: the configured file, else in the working directory or a parent of
/// the binary's folder (a source checkout running `.build/debug/passerelle`, or an install that puts `openapi/` next
/// to `bin/`). Read once; served as is.
enum OpenAPIDocument {
    static let relativePath = "openapi/passerelle-v1.json"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The document's bytes and where they came from; nil when it is not found (and not configured).
    static func load(configured: String?, workingDirectory: String = FileManager.default.currentDirectoryPath,
                     executable: String? = CommandLine.arguments.first) throws(Failure) -> (bytes: [UInt8], path: String)?
    {
        if let configured {
            guard let data = FileManager.default.contents(atPath: configured) else {
                throw Failure(description: "server.openapi_file: \(configured) cannot be read")
            }
            return (Array(data), configured)
        }
        for path in candidates(workingDirectory: workingDirectory, executable: executable) {
            if let data = FileManager.default.contents(atPath: path) { return (Array(data), path) }
        }
        return nil
    }

    static func candidates(workingDirectory: String, executable: String?) -> [String] {
        var paths = [(workingDirectory as NSString).appendingPathComponent(relativePath)]
        if let executable {
            var folder = URL(fileURLWithPath: executable, relativeTo: URL(fileURLWithPath: workingDirectory))
                .resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<6 {
                paths.append(folder.appendingPathComponent(relativePath).path)
                paths.append(folder.appendingPathComponent("share/passerelle/" + relativePath).path)
                folder = folder.deletingLastPathComponent()
            }
        }
        return paths
    }
}
