import Foundation
import Synchronization
import Testing

@testable import Archive

#if canImport(Glibc)
import Glibc
#endif

/// moto's S3 server (`moto_server` from `.venv`, conformance/requirements.txt) on a free loopback port. It runs
/// under a shell that kills it when its standard input closes: when `stop()` is called or the test process ends.
final class MotoS3Server: Sendable {
    let endpoint: String
    private let process: Mutex<Process?>
    private let input: Pipe

    static let credentials = S3Credentials(accessKeyID: "testing", secretAccessKey: "testing")

    init() async throws {
        let binary = StandInTSA.repositoryRoot.appendingPathComponent(".venv/bin/moto_server").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ArchiveError.s3("\(binary) is missing: install conformance/requirements.txt into .venv (scripts/test does)")
        }
        let port = try Self.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(binary)' -H 127.0.0.1 -p \(port) >/dev/null 2>&1 & child=$!; cat >/dev/null; kill -KILL $child; wait $child"]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        self.process = Mutex(process)
        self.input = input
        endpoint = "http://127.0.0.1:\(port)"
        var probe = S3Client(location: try S3Location(url: "\(endpoint)/probe", region: "us-east-1"),
                             credentials: Self.credentials)
        probe.timeout = .seconds(2)
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if (try? await probe.send("GET", key: "")) != nil { return }  // any HTTP answer: it listens
            try await Task.sleep(for: .milliseconds(100))
        }
        stop()
        throw ArchiveError.s3("moto_server did not answer on \(endpoint) within 60 s")
    }

    /// A new bucket with Object Lock enabled (and so versioning), and a storage on it.
    func lockedBucket(prefix: String = "archive") async throws -> S3Location {
        let bucket = "passerelle-\(UUID().uuidString.lowercased().prefix(8))"
        let location = try S3Location(url: "\(endpoint)/\(bucket)/\(prefix)", region: "us-east-1")
        let client = S3Client(location: location, credentials: Self.credentials)
        let created = try await client.send("PUT", key: "", headers: ["x-amz-bucket-object-lock-enabled": "true"])
        try client.expectSuccess(created, "create bucket")
        return location
    }

    func stop() {
        guard let running = process.withLock({ current in defer { current = nil }; return current }) else { return }
        try? input.fileHandleForWriting.close()
        running.waitUntilExit()
    }

    deinit { stop() }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ArchiveError.s3("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw ArchiveError.s3("bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// One moto server shared by the S3 tests of this process (each test uses its own bucket).
actor MotoServers {
    static let shared = MotoServers()
    private var starting: Task<MotoS3Server, any Error>?

    func server() async throws -> MotoS3Server {
        if let starting { return try await starting.value }
        let task = Task { try await MotoS3Server() }  // one start, however many tests wait for it
        starting = task
        return try await task.value
    }
}
