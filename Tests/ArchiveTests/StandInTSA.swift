import Foundation
import Synchronization
import Testing

@testable import Archive

/// `scripts/tsa-for-tests`: OpenSSL's RFC 3161 responder (`openssl ts -reply`) behind a Python HTTP server on a
/// free loopback port, with a throwaway CA and TSA certificate. It stops, and deletes its folder, when its
/// standard input closes: when `stop()` is called or this test process ends, even by a crash.
final class StandInTSA: Sendable {
    let url: String
    let caPEMPath: String
    let folder: String
    private let process: Mutex<Process?>
    private let input: Pipe

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    init(keyType: String = "rsa") throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsa-\(UUID().uuidString)").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.repositoryRoot.appendingPathComponent("scripts/tsa-for-tests").path,
                             folder, "--key", keyType, "--remove-on-exit"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(0x0a) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        struct Started: Decodable { let url: String; let ca: String }
        guard let started = try? JSONDecoder().decode(Started.self, from: line) else {
            process.terminate()
            throw TimestampProblem("scripts/tsa-for-tests did not start: \(String(decoding: line, as: UTF8.self))")
        }
        self.url = started.url
        self.caPEMPath = started.ca
        self.folder = folder
        self.input = input
        self.process = Mutex(process)
    }

    func trust() throws -> TimestampTrust { try TimestampTrust.load(path: caPEMPath) }

    func configuration(tolerance: TimeInterval = 300) throws -> TimestampingConfiguration {
        TimestampingConfiguration(authorityURL: url, trust: try trust(), tolerance: tolerance)
    }

    func stop() {
        guard let running = process.withLock({ current in defer { current = nil }; return current }) else { return }
        try? input.fileHandleForWriting.close()
        running.waitUntilExit()
    }

    deinit { stop() }
}

/// One RSA and one ECDSA stand-in TSA shared by the tests of this process (key generation is the slow part).
actor StandInTSAs {
    static let shared = StandInTSAs()
    private var started: [String: StandInTSA] = [:]

    func tsa(_ keyType: String) throws -> StandInTSA {
        if let tsa = started[keyType] { return tsa }
        let tsa = try StandInTSA(keyType: keyType)
        started[keyType] = tsa
        return tsa
    }
}
