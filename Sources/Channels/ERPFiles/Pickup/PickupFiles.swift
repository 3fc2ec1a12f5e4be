import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// File-system steps of the pick-up, each atomic where it matters.
enum PickupFiles {
    /// A name a picked-up file may have: no path separator, no NUL, no `..`, not hidden, not empty.
    static func isSafeName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 255 else { return false }
        if name.contains("/") || name.contains("\\") || name.contains("\u{0}") { return false }
        if name == "." || name == ".." { return false }
        return !name.hasPrefix(".")
    }

    /// Renames atomically; false when the source is gone (another picker took it).
    static func claim(_ source: String, to destination: String) -> Bool {
        rename(source, destination) == 0
    }

    /// Moves `source` into `folder` under its name, never replacing a file there: a taken name gets a numbered
    /// prefix. Returns the final path.
    static func moveNoReplace(_ source: String, into folder: String, name: String) throws -> String {
        for attempt in 0..<1000 {
            let candidate = attempt == 0 ? name : "\(attempt)-\(name)"
            let destination = (folder as NSString).appendingPathComponent(candidate)
            if link(source, destination) == 0 {
                unlink(source)
                return destination
            }
            let code = errno
            if code == EEXIST { continue }
            throw PickupError.fileSystem("cannot move \(source) to \(destination): \(String(cString: strerror(code)))")
        }
        throw PickupError.fileSystem("no free name for \(name) in \(folder)")
    }

    /// Creates `path` only when it does not exist; false when it does.
    static func createExclusive(_ path: String, contents: String) throws -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw PickupError.fileSystem("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = Array(contents.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        return true
    }

    /// SHA-256 of a file's content, read in chunks, as lowercase hex.
    static func sha256(path: String) throws -> String {
        let source = try ByteSource(path: path, chunkSize: 1 << 20)
        var hasher = SHA256()
        while true {
            let chunk = try source.read()
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return hex(hasher.finalize())
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    static func writeText(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

/// A pick-up step that failed on the file system.
public enum PickupError: Error, Sendable, Hashable, CustomStringConvertible {
    case fileSystem(String)
    public var description: String {
        switch self {
        case .fileSystem(let message): message
        }
    }
}

/// Remembers the files already imported, by SHA-256 of their content and their name. Claiming is atomic across
/// processes: one marker file per fingerprint, created with `O_EXCL`.
public struct FingerprintStore: Sendable {
    public let folder: String

    public init(folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// `<sha256 of content>-<sha256 of name, 16 digits>`.
    public static func fingerprint(contentSHA256: String, name: String) -> String {
        contentSHA256 + "-" + String(PickupFiles.hex(SHA256.hash(data: Array(name.utf8))).prefix(16))
    }

    /// True when this fingerprint was new and is now recorded; false when it was already there.
    public func claim(_ fingerprint: String, note: String) throws -> Bool {
        try PickupFiles.createExclusive((folder as NSString).appendingPathComponent(fingerprint), contents: note)
    }

    /// Forgets a fingerprint (the file failed as a whole: a new drop of it must be tried again).
    public func release(_ fingerprint: String) {
        unlink((folder as NSString).appendingPathComponent(fingerprint))
    }

    public func contains(_ fingerprint: String) -> Bool {
        FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(fingerprint))
    }
}
