import Crypto
import Foundation
import SFTP
import Testing
import Synchronization

/// The throwaway OpenSSH server that `scripts/sshd-for-tests start` describes through environment variables.
enum TestServer {
    private static let environment = ProcessInfo.processInfo.environment

    static let isAvailable = environment["PASSERELLE_TEST_SSHD_PORT"] != nil
        && environment["PASSERELLE_TEST_SSHD_DIR"] != nil

    static let skipReason: Comment =
        "no test OpenSSH server: run `eval \"$(scripts/sshd-for-tests start)\"` first (scripts/test does)"

    static var port: Int { Int(environment["PASSERELLE_TEST_SSHD_PORT"] ?? "") ?? 0 }
    static var directory: String { environment["PASSERELLE_TEST_SSHD_DIR"] ?? "" }
    static var user: String { environment["PASSERELLE_TEST_SSHD_USER"] ?? "passerelle-sftp" }
    static var password: String { environment["PASSERELLE_TEST_SSHD_PASSWORD"] ?? "" }
    static var keyPath: String { environment["PASSERELLE_TEST_SSHD_KEY"] ?? "\(directory)/client_ed25519" }
    static var knownHostsPath: String {
        environment["PASSERELLE_TEST_SSHD_KNOWN_HOSTS"] ?? "\(directory)/known_hosts"
    }
    static var root: String { environment["PASSERELLE_TEST_SSHD_ROOT"] ?? "\(directory)/data" }

    static func settings(
        _ authentication: SFTPAuthentication? = nil, hostKeyPolicy: HostKeyPolicy? = nil
    ) -> SFTPConnectionSettings {
        SFTPConnectionSettings(
            host: "127.0.0.1", port: port, username: user, authentication: authentication ?? .password(password),
            hostKeyPolicy: hostKeyPolicy ?? .knownHosts(path: knownHostsPath), connectTimeout: .seconds(10),
            requestTimeout: .seconds(30))
    }

    static func connect(_ authentication: SFTPAuthentication? = nil) async throws -> SFTPClient {
        try await SFTPClient.connect(settings(authentication))
    }

    /// A fresh folder on the server for one test.
    static func freshDirectory(_ client: SFTPClient, _ name: String) async throws -> String {
        let path = "\(root)/\(name)-\(UUID().uuidString.prefix(8))"
        try await client.mkdir(path)
        return path
    }

    /// Runs `scripts/sshd-for-tests ARGUMENT DIR` (kill, restart).
    static func script(_ argument: String) throws {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/sshd-for-tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, argument, directory]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure("sshd-for-tests \(argument) exited with \(process.terminationStatus)")
        }
    }

    /// The fingerprint of the server's host key, computed from its .pub file (independently of the client code).
    static func hostKeyFingerprint() throws -> String {
        let line = try String(contentsOfFile: "\(directory)/ssh_host_ed25519_key.pub", encoding: .utf8)
        let fields = line.split(separator: " ")
        guard fields.count >= 2, let blob = Data(base64Encoded: String(fields[1])) else {
            throw TestFailure("unreadable host key")
        }
        return "SHA256:" + Data(SHA256.hash(data: blob)).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Random bytes that do not compress or repeat, and their digest.
func randomBytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    var bytes = [UInt8](repeating: 0, count: count)
    var index = 0
    while index < count {
        let word = generator.next() as UInt64
        for shift in stride(from: 0, to: 64, by: 8) where index < count {
            bytes[index] = UInt8(truncatingIfNeeded: word >> UInt64(shift))
            index += 1
        }
    }
    return bytes
}

func sha256Hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    SHA256.hash(data: Array(bytes)).map { String(format: "%02x", $0) }.joined()
}

/// A flag the @Sendable progress callbacks flip once.
final class OnceFlag: Sendable {
    private let state = Mutex(false)
    /// True the first time only.
    func claim() -> Bool {
        state.withLock { done in
            defer { done = true }
            return !done
        }
    }
    var isSet: Bool { state.withLock { $0 } }
}

/// Chunks of a byte array, for streaming uploads.
struct ChunkedBytes: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let bytes: [UInt8]
    let chunkSize: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        let bytes: [UInt8]
        let chunkSize: Int
        var offset = 0
        mutating func next() async -> [UInt8]? {
            guard offset < bytes.count else { return nil }
            let end = Swift.min(offset + chunkSize, bytes.count)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(bytes: bytes, chunkSize: chunkSize) }
}
