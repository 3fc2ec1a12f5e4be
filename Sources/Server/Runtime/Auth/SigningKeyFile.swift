import Foundation
import Gateway
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The JWT signing key of a single node: made on first start and kept in `<data_dir>/jwt-signing-key` (mode 0600).
/// Several nodes must share one key through `auth.jwt_signing_key` instead: a token signed by one node is refused
/// by a node with another key.
enum SigningKeyFile {
    static let fileName = "jwt-signing-key"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads the key, or creates it. The new key is written to a temporary file then linked into place, which fails
    /// when another process got there first: two processes starting together agree on one key.
    static func loadOrCreate(in directory: String) throws(Failure) -> String {
        let path = (directory as NSString).appendingPathComponent(fileName)
        if let existing = try read(path) { return existing }
        let key = APIKeys.randomToken(bytes: 48)
        let temporary = path + ".new-" + APIKeys.randomToken(bytes: 6)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw Failure(description: "\(path): cannot be created (\(String(cString: strerror(errno))))")
        }
        let bytes = Array((key + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        defer { unlink(temporary) }
        guard written == bytes.count else { throw Failure(description: "\(path): cannot be written") }
        if link(temporary, path) != 0 {
            let code = errno
            guard code == EEXIST, let existing = try read(path) else {
                throw Failure(description: "\(path): cannot be created (\(String(cString: strerror(code))))")
            }
            return existing
        }
        return key
    }

    /// nil when the file does not exist.
    private static func read(_ path: String) throws(Failure) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines)
        else { throw Failure(description: "\(path): cannot be read") }
        guard text.utf8.count >= 32 else {
            throw Failure(description: "\(path): holds \(text.utf8.count) bytes; a signing key needs at least 32 (delete the file to make a new one)")
        }
        return text
    }
}
