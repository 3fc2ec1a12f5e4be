import Foundation
import Testing

/// `passerelle sandbox` started as a child process (the platform), its output captured.
final class SandboxProcess: Sendable {
    let process: Process
    private let output = RuntimeServeProcess.CapturedOutput()

    init(arguments: [String]) throws {
        guard let binary = RuntimeTestPaths.passerelleBinary else {
            throw RuntimeTestFailure("the passerelle binary is not built next to the tests (swift build first)")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["sandbox"] + arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        self.process = process
        stdout.fileHandleForReading.readabilityHandler = { [output] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            output.text.withLock { $0.stdout += text }
        }
        try process.run()
    }

    /// The URL it prints once it listens.
    func url() async throws -> String {
        let prefix = "Passerelle sandbox PA listening on "
        try await eventually(timeout: .seconds(60), "the sandbox to listen") {
            output.text.withLock { text in
                text.stdout.range(of: prefix).map { text.stdout[$0.upperBound...].contains("\n") } ?? false
            }
        }
        let text = output.text.withLock { $0.stdout }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else {
            throw RuntimeTestFailure("the sandbox printed no URL: \(text)")
        }
        return String(line.dropFirst(prefix.count))
    }

    func terminate() {
        if process.isRunning { process.terminate() }
    }
}

/// `passerelle serve` with a `platform:` section, against `passerelle sandbox`: both binaries, real HTTP.
@Suite("FlowDispatcher in passerelle serve, the binaries", .serialized)
struct RuntimePlatformServeTests {
    @Test("with a platform section an invoice goes to the platform: submitted, its receipt stored and archived")
    func invoiceReachesThePlatform() async throws {
        let folder = RuntimeTemporaryFolder()
        let sandbox = try SandboxProcess(arguments: ["--port", "0", "--time-scale", "0", "--client-id", "passerelle",
                                                     "--client-secret", "s3cret-platform"])
        defer { sandbox.terminate() }
        let platform = try await sandbox.url()
        try "s3cret-platform\n".write(toFile: folder.path("secret"), atomically: true, encoding: .utf8)
        try """
            platform:
              name: sandbox
              flow_url: \(platform)/flow-service
              token_url: \(platform)/auth-service/token
              client_id: passerelle
              client_secret_file: \(folder.path("secret"))
            """.write(toFile: folder.path("passerelle.yaml"), atomically: true, encoding: .utf8)
        let serve = try RuntimeServeProcess(arguments: ["--port", "0", "--config", folder.path("passerelle.yaml")],
                                            workingDirectory: folder.url)
        defer { serve.terminate() }
        let listening = try await serve.line(startingWith: "Passerelle is listening on ")
        let api = String(listening.dropFirst("Passerelle is listening on ".count))
        let key = try await serve.line(startingWith: "psk_")
        let auth = ("Authorization", "Bearer \(key)")
        let json = ("Content-Type", "application/json")
        for (code, rate) in [("REF-1001", "5.50"), ("REF-1002", "20.00"), ("REF-1003", "5.50")] {
            let body = #"{"name": "\#(code)", "unitCode": "C62", "vatCategory": "S", "vatRate": "\#(rate)"}"#
            let reply = try await RuntimeServeCommandTests.fetch(api + "/v1/products/" + code, method: .PUT,
                                                                 headers: [auth, json], body: body)
            #expect(reply.status == 201, "\(code): \(reply.body)")
        }
        let example = try String(
            contentsOf: RuntimeTestPaths.repositoryRoot.appendingPathComponent("openapi/examples/invoice.json"),
            encoding: .utf8)
        let posted = try await RuntimeServeCommandTests.fetch(api + "/v1/invoices", method: .POST,
                                                              headers: [auth, json], body: example)
        #expect(posted.status == 202, "\(posted.body)")
        let invoice = try JSONSerialization.jsonObject(with: Data(posted.body.utf8)) as? [String: Any]
        let id = try #require(invoice?["id"] as? String)
        try await eventually(timeout: .seconds(60), "the invoice to be submitted and its receipt archived") {
            let events = try await RuntimeServeCommandTests.fetch(api + "/v1/invoices/\(id)/events", headers: [auth])
            return events.body.contains("invoice.submitted") && events.body.contains("platform-receipt")
        }
        let receipt = try await RuntimeServeCommandTests.fetch(api + "/v1/invoices/\(id)/documents/platform-receipt",
                                                               headers: [auth])
        #expect(receipt.status == 200)
        let answer = try JSONSerialization.jsonObject(with: Data(receipt.body.utf8)) as? [String: Any]
        let flowId = try #require(answer?["flowId"] as? String)
        #expect(answer?["trackingId"] as? String == "invoice:\(id)")
        let events = try await RuntimeServeCommandTests.fetch(api + "/v1/invoices/\(id)/events", headers: [auth])
        #expect(events.body.contains("Submitted to sandbox as \(flowId)"))
        serve.process.terminate()
        #expect(try await serve.exitStatus() == 0)
    }

    @Test("a platform section missing its token URL stops serve with status 2, naming the setting")
    func incompleteSection() async throws {
        let folder = RuntimeTemporaryFolder()
        try """
            platform:
              flow_url: http://127.0.0.1:9/flow-service
              client_id: passerelle
              client_secret_file: /nonexistent
            """.write(toFile: folder.path("passerelle.yaml"), atomically: true, encoding: .utf8)
        let serve = try RuntimeServeProcess(arguments: ["--port", "0", "--config", folder.path("passerelle.yaml")],
                                            workingDirectory: folder.url)
        defer { serve.terminate() }
        #expect(try await serve.exitStatus() == 2)
        #expect(serve.standardError.contains("platform.token_url: is missing"))
    }
}
