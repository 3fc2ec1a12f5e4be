import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization
import Testing

/// `passerelle sandbox` end to end: the built binary started with the example files, used, then stopped by SIGTERM.
@Suite("passerelle sandbox command")
struct SandboxCommandTests {
    static var binary: URL? {
        var candidates: [URL] = []
        if let testBinary = CommandLine.arguments.first {
            let folder = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("passerelle"))
            candidates.append(folder.appendingPathComponent("../../../passerelle").standardized)
        }
        candidates.append(Fixtures.repositoryRoot.appendingPathComponent(".build/debug/passerelle"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func example(_ name: String) -> String {
        Fixtures.repositoryRoot.appendingPathComponent("examples/sandbox/\(name)").path
    }

    @Test("it prints its URL and clients, serves the example directory, and exits 0 on SIGTERM")
    func startUseStop() async throws {
        let binary = try #require(Self.binary, "build the passerelle executable first (swift build --build-tests)")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["sandbox", "--port", "0", "--time-scale", "0", "--seed", "3",
                             "--scenario", Self.example("scenario.yaml"), "--directory", Self.example("directory.yaml"),
                             "--clients", Self.example("clients.yaml")]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let banner = Mutex("")
        let reader = Task.detached {
            while true {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { return }
                banner.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
            }
        }
        var text = ""
        for _ in 0..<600 where !text.contains("second-tenant") {
            try await Task.sleep(for: .milliseconds(100))
            text = banner.withLock { $0 }
        }
        let url = try #require(text.split(separator: "\n").first { $0.contains("listening on") }?
            .split(separator: " ").last.map(String.init), "\(text)")
        #expect(text.contains("id erp-acceptance  secret change-me-acceptance"))
        #expect(text.contains("\(url)/flow-service/v1"))

        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var tokenRequest = HTTPClientRequest(url: url + "/auth-service/token")
        tokenRequest.method = .POST
        tokenRequest.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        tokenRequest.body = .bytes(ByteBuffer(string:
            "grant_type=client_credentials&client_id=erp-acceptance&client_secret=change-me-acceptance"))
        let tokenBody = try await client.execute(tokenRequest, timeout: .seconds(10)).body.collect(upTo: 1 << 16)
        let token = try #require((try JSONSerialization.jsonObject(with: Data(tokenBody.readableBytesView))
            as? [String: Any])?["access_token"] as? String)
        var lookup = HTTPClientRequest(url: url + "/directory-service/v1/directory-line/code:315143296_ACHATS")
        lookup.headers.add(name: "Authorization", value: "Bearer \(token)")
        let response = try await client.execute(lookup, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 16)
        #expect(response.status.code == 200)
        #expect(String(buffer: body).contains("\"routingIdentifier\":\"ACHATS\""))
        try await client.shutdown()

        process.terminate()
        for _ in 0..<300 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        reader.cancel()
    }

    @Test("a bad scenario file stops it with exit status 2 and the file, line and field")
    func badScenario() async throws {
        let binary = try #require(Self.binary, "build the passerelle executable first (swift build --build-tests)")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["sandbox", "--port", "0", "--scenario", Self.example("faults.yaml")]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("faults.yaml:3:"), "\(message)")
        #expect(message.contains("latencyRate: unknown key"), "\(message)")
    }
}
