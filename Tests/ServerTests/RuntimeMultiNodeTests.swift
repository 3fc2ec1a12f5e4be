import AsyncHTTPClient
import Foundation
import Gateway
import NIOCore
import NIOHTTP1
import Testing

@testable import GatewayStorage

/// Several `passerelle serve` processes on one PostgreSQL: one first tenant, shared access tokens through the
/// configured signing key, one job queue.
@Suite("passerelle serve, several nodes on PostgreSQL", .serialized)
struct RuntimeMultiNodeTests {
    static let signingKey = "runtime-tests-shared-signing-key-0123456789"

    /// A fresh schema of the test PostgreSQL, dropped after `body`.
    static func withSchema(_ body: (_ url: String, _ schema: String) async throws -> Void) async throws {
        guard ProcessInfo.processInfo.environment[TestBackend.skipPostgresVariable] != "1" else { return }
        guard let url = ProcessInfo.processInfo.environment[TestBackend.postgresURLVariable], !url.isEmpty else {
            throw TestBackend.PostgresMissing()
        }
        let schema = "rt_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        do {
            try await body(url, schema)
        } catch {
            try await drop(schema, url: url)
            throw error
        }
        try await drop(schema, url: url)
    }

    static func drop(_ schema: String, url: String) async throws {
        let store = try await SQLGatewayStore.open(url: url, options: StoreOptions(postgresSchema: schema))
        try? await store.withSession { session in
            try await session.run("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE", "drop test schema")
        }
        try await store.shutdown()
    }

    static func start(_ folder: RuntimeTemporaryFolder, name: String, url: String, schema: String,
                      signingKey: String? = RuntimeMultiNodeTests.signingKey) throws -> RuntimeServeProcess {
        let directory = folder.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var environment = ["PASSERELLE_DATABASE_SCHEMA": schema, "PASSERELLE_WORKERS_IDLE_DELAY": "20ms"]
        environment["PASSERELLE_AUTH_JWT_SIGNING_KEY"] = signingKey
        return try RuntimeServeProcess(arguments: ["--port", "0", "--database", url], workingDirectory: directory,
                                       environment: environment)
    }

    static func url(of node: RuntimeServeProcess) async throws -> String {
        String(try await node.line(startingWith: "Passerelle is listening on ").dropFirst("Passerelle is listening on ".count))
    }

    @Test("two nodes start together: one first key; a token from one works on the other; both share the pipeline")
    func twoNodes() async throws {
        try await Self.withSchema { url, schema in
            let folder = RuntimeTemporaryFolder()
            let first = try Self.start(folder, name: "a", url: url, schema: schema)
            let second = try Self.start(folder, name: "b", url: url, schema: schema)
            defer { first.terminate(); second.terminate() }
            let urlA = try await Self.url(of: first)
            let urlB = try await Self.url(of: second)
            let printed = [first, second].filter { $0.standardOutput.contains("first admin API key") }
            #expect(printed.count == 1)
            let keyNode = try #require(printed.first)
            let key = try await keyNode.line(startingWith: "psk_")
            #expect(first.standardOutput.contains("database: postgresql://postgres@"))
            #expect(first.standardOutput.contains("(schema \(schema))"))

            let keyID = "key_" + key.dropFirst(4).prefix(8)
            let form = "grant_type=client_credentials&client_id=\(keyID)&client_secret=\(key)"
            let token = try await RuntimeServeCommandTests.fetch(
                urlA + "/oauth/token", method: .POST,
                headers: [("Content-Type", "application/x-www-form-urlencoded")], body: form)
            #expect(token.status == 200)
            let answer = try JSONSerialization.jsonObject(with: Data(token.body.utf8)) as? [String: Any]
            let accessToken = try #require(answer?["access_token"] as? String)
            let onB = try await RuntimeServeCommandTests.fetch(
                urlB + "/v1/invoices", headers: [("Authorization", "Bearer \(accessToken)")])
            #expect(onB.status == 200, "\(onB.body)")

            // An invoice posted to A is visible on B and goes through the shared pipeline.
            let auth = ("Authorization", "Bearer \(key)")
            for (code, name) in [("PAP-A4", "Ramette"), ("INST-01", "Installation")] {
                let body = #"{"name":"\#(name)","unitCode":"C62","vatCategory":"S","vatRate":"20.00"}"#
                let put = try await RuntimeServeCommandTests.fetch(
                    urlB + "/v1/products/" + code, method: .PUT, headers: [auth, ("Content-Type", "application/json")],
                    body: body)
                #expect(put.status == 201, "\(put.body)")
            }
            let example = try String(contentsOf: RuntimeTestPaths.exampleInvoice, encoding: .utf8)
            let posted = try await RuntimeServeCommandTests.fetch(
                urlA + "/v1/invoices", method: .POST, headers: [auth, ("Content-Type", "application/xml")], body: example)
            #expect(posted.status == 202, "\(posted.body)")
            let id = try #require((try JSONSerialization.jsonObject(with: Data(posted.body.utf8)) as? [String: Any])?["id"] as? String)
            var state = ""
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline && state != "held" && state != "rejected" {
                let read = try await RuntimeServeCommandTests.fetch(urlB + "/v1/invoices/\(id)", headers: [auth])
                state = (try JSONSerialization.jsonObject(with: Data(read.body.utf8)) as? [String: Any])?["state"] as? String ?? ""
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(state == "held")

            // A node with its own signing key refuses the tokens of the others (hence the shared key).
            let loner = try Self.start(folder, name: "c", url: url, schema: schema, signingKey: nil)
            defer { loner.terminate() }
            let urlC = try await Self.url(of: loner)
            let onC = try await RuntimeServeCommandTests.fetch(
                urlC + "/v1/invoices", headers: [("Authorization", "Bearer \(accessToken)")])
            #expect(onC.status == 401)
            #expect(loner.standardError.contains("auth.jwt_signing_key is not set"))
            #expect(try await RuntimeServeCommandTests.fetch(urlC + "/v1/invoices", headers: [auth]).status == 200)

            for node in [first, second, loner] { node.process.terminate() }
            for node in [first, second, loner] { #expect(try await node.exitStatus() == 0) }
        }
    }
}
