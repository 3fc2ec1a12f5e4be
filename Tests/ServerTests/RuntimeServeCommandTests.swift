import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

@Suite("passerelle serve, the binary", .serialized)
struct RuntimeServeCommandTests {
    static func fetch(_ url: String, method: HTTPMethod = .GET, headers: [(String, String)] = [],
                      body: String? = nil) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(Array(body.utf8)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: bytes))
    }

    @Test("zero configuration: makes ./passerelle-data, prints the URL and the first key once; the key works; SIGTERM stops it cleanly")
    func zeroConfiguration() async throws {
        let folder = RuntimeTemporaryFolder()
        let first = try RuntimeServeProcess(arguments: ["--port", "0"], workingDirectory: folder.url)
        defer { first.terminate() }
        let listening = try await first.line(startingWith: "Passerelle is listening on ")
        let url = String(listening.dropFirst("Passerelle is listening on ".count))
        #expect(url.hasPrefix("http://127.0.0.1:"))
        let secret = try await first.line(startingWith: "psk_")
        #expect(first.standardOutput.contains("first admin API key"))
        // The key is printed before the server binds, the URL after.
        let output = first.standardOutput
        let keyPosition = try #require(output.range(of: secret)?.lowerBound)
        let urlPosition = try #require(output.range(of: "Passerelle is listening on")?.lowerBound)
        #expect(keyPosition < urlPosition)

        let data = folder.url.appendingPathComponent("passerelle-data")
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("passerelle.db").path))
        let keyFile = data.appendingPathComponent("jwt-signing-key").path
        let permissions = try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int
        #expect(permissions == 0o600)

        #expect(try await Self.fetch(url + "/health").status == 200)
        #expect(try await Self.fetch(url + "/ready").status == 200)
        // The OpenAPI document is found from the binary's folder although the working folder is elsewhere.
        let openAPI = try await Self.fetch(url + "/openapi.json")
        #expect(openAPI.status == 200)
        #expect(openAPI.body.contains(#""openapi""#) && openAPI.body.contains("/v1/invoices"))
        // The key authenticates (any route checks a bearer token) and gets an access token.
        #expect(try await Self.fetch(url + "/health", headers: [("Authorization", "Bearer \(secret)")]).status == 200)
        #expect(try await Self.fetch(url + "/health", headers: [("Authorization", "Bearer psk_wrong")]).status == 401)
        let keyID = "key_" + secret.dropFirst(4).prefix(8)
        let form = "grant_type=client_credentials&client_id=\(keyID)&client_secret=\(secret)"
        let token = try await Self.fetch(url + "/oauth/token", method: .POST,
                                         headers: [("Content-Type", "application/x-www-form-urlencoded")], body: form)
        #expect(token.status == 200)
        let tokenAnswer = try JSONSerialization.jsonObject(with: Data(token.body.utf8)) as? [String: Any]
        let accessToken = try #require(tokenAnswer?["access_token"] as? String)

        first.process.terminate()  // SIGTERM
        #expect(try await first.exitStatus() == 0)
        #expect(first.standardError.contains("stopped"))

        // Second start on the same folder: no new key is printed, the signing key persisted.
        let second = try RuntimeServeProcess(arguments: ["--port", "0"], workingDirectory: folder.url)
        defer { second.terminate() }
        let again = try await second.line(startingWith: "Passerelle is listening on ")
        let secondURL = String(again.dropFirst("Passerelle is listening on ".count))
        #expect(!second.standardOutput.contains("psk_"))
        #expect(!second.standardOutput.contains("first admin API key"))
        #expect(try await Self.fetch(secondURL + "/health", headers: [("Authorization", "Bearer \(accessToken)")]).status == 200)
        #expect(try await Self.fetch(secondURL + "/health", headers: [("Authorization", "Bearer \(secret)")]).status == 200)
        second.process.interrupt()  // SIGINT
        #expect(try await second.exitStatus() == 0)
    }

    @Test("a bad setting stops start-up with exit status 2 and a message naming it")
    func badSettings() async throws {
        let folder = RuntimeTemporaryFolder()
        try "server:\n  port: \"80x\"\n".write(to: folder.url.appendingPathComponent("config.yaml"), atomically: true,
                                               encoding: .utf8)
        try "server:\n  port: 8080\nworkers:\n  cuont: 2\n".write(
            to: folder.url.appendingPathComponent("typo.yaml"), atomically: true, encoding: .utf8)
        let cases: [([String], [String: String], String)] = [
            (["--config", "config.yaml"], [:],
             #"passerelle serve: config.yaml: server.port: "80x" is not a port number (1-65535, or 0 for any free port)"#),
            (["--config", "typo.yaml"], [:], "passerelle serve: typo.yaml: workers.cuont: is not a setting; did you mean workers.count?"),
            ([], ["PASSERELLE_WORKERS_COUNT": "lots"], #"passerelle serve: PASSERELLE_WORKERS_COUNT: "lots" is not a number of workers"#),
            (["--port", "0", "--database", "mysql://db/x"], [:], "passerelle serve: --database: \"mysql://db/x\" is not a database"),
            (["--workers", "2", "--no-workers"], [:], "passerelle serve: --workers and --no-workers contradict"),
            ([], ["PASSERELLE_CONFIG": "missing.yaml"], "passerelle serve: missing.yaml: cannot be read"),
        ]
        for (arguments, environment, expected) in cases {
            let process = try RuntimeServeProcess(arguments: arguments, workingDirectory: folder.url,
                                                  environment: environment)
            defer { process.terminate() }
            #expect(try await process.exitStatus() == 2, "\(arguments) \(environment)")
            #expect(process.standardError.hasPrefix(expected), "\(arguments): \(process.standardError)")
            #expect(process.standardOutput.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("passerelle-data").path))
    }

    @Test("the README flow: start, sync the example's products, post the example invoice, watch it reach held")
    func newcomerFlow() async throws {
        let folder = RuntimeTemporaryFolder()
        let serve = try RuntimeServeProcess(arguments: ["--port", "0"], workingDirectory: folder.url)
        defer { serve.terminate() }
        let listening = try await serve.line(startingWith: "Passerelle is listening on ")
        let api = String(listening.dropFirst("Passerelle is listening on ".count))
        let key = try await serve.line(startingWith: "psk_")
        let auth = ("Authorization", "Bearer \(key)")
        let json = ("Content-Type", "application/json")
        // The README's commands: the three products the example sells, then the canonical JSON example.
        for (code, rate) in [("REF-1001", "5.50"), ("REF-1002", "20.00"), ("REF-1003", "5.50")] {
            let body = #"{"name": "\#(code)", "unitCode": "C62", "vatCategory": "S", "vatRate": "\#(rate)"}"#
            let reply = try await Self.fetch(api + "/v1/products/" + code, method: .PUT, headers: [auth, json], body: body)
            #expect(reply.status == 201, "\(code): \(reply.body)")
        }
        let example = try String(
            contentsOf: RuntimeTestPaths.repositoryRoot.appendingPathComponent("openapi/examples/invoice.json"),
            encoding: .utf8)
        let posted = try await Self.fetch(api + "/v1/invoices", method: .POST, headers: [auth, json], body: example)
        #expect(posted.status == 202, "\(posted.body)")
        let invoice = try JSONSerialization.jsonObject(with: Data(posted.body.utf8)) as? [String: Any]
        let id = try #require(invoice?["id"] as? String)
        var types: [String] = []
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline && !types.contains("invoice.held") {
            let events = try await Self.fetch(api + "/v1/invoices/\(id)/events", headers: [auth])
            let items = (try JSONSerialization.jsonObject(with: Data(events.body.utf8)) as? [String: Any])?["items"]
            types = (items as? [[String: Any]])?.compactMap { $0["type"] as? String } ?? []
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(types == ["invoice.received", "invoice.checked", "invoice.rendered", "invoice.archived", "invoice.held"])
        let metrics = try await Self.fetch(api + "/metrics")
        #expect(metrics.body.contains("passerelle_invoices_received_total 1"))
        #expect(metrics.body.contains(#"passerelle_jobs_completed_total{kind="dispatch"} 1"#))
        serve.process.terminate()
        #expect(try await serve.exitStatus() == 0)
        // The graceful stop sealed the journal: the example's two documents are archived, sealed and verify.
        let data = folder.url.appendingPathComponent("passerelle-data")
        let node = try String(contentsOf: data.appendingPathComponent("archive-node"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let journal = data.appendingPathComponent("archive/nodes/\(node)")
        let entries = try String(contentsOf: journal.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        #expect(entries.split(separator: "\n").filter { $0.contains(id) }.count == 2)
        let seals = try String(contentsOf: journal.appendingPathComponent("seals.jsonl"), encoding: .utf8)
        #expect(seals.contains(#""lastSeq":2"#), "\(seals)")
        let keyFile = data.appendingPathComponent("archive-signing-key.pem").path
        #expect(try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int == 0o600)
    }
}
