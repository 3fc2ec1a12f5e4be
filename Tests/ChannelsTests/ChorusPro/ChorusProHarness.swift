import AsyncHTTPClient
@testable import Channels
import EInvoice
import EInvoiceSyntax
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Sandbox
import Testing

struct ChorusProTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The sandbox with its Chorus Pro stand-in on a free loopback port (time stopped: only `advance` moves it), an HTTP
/// client, and a ``ChorusProClient`` configured for it; all stopped afterwards.
struct ChorusProHarness: Sendable {
    let url: String
    let http: HTTPClient

    static let clientID = "piste-app"
    static let clientSecret = "piste-secret-for-tests"
    static let login = "TECH_1_fournisseur@cpro.fr"
    static let password = "mot-de-passe-technique"

    struct Answer: Sendable {
        var status: Int
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }

        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw ChorusProTestFailure("not a JSON object: \(text)")
            }
            return object
        }
    }

    static func settings(path: ChorusProPath = .paid) -> ChorusProSettings {
        var settings = ChorusProSettings()
        settings.accounts = [ChorusProTechnicalAccount(login: login, password: password),
                             ChorusProTechnicalAccount(login: "TECH_2_autre@cpro.fr", password: "autre")]
        settings.path = path
        return settings
    }

    static func with<T: Sendable>(path: ChorusProPath = .paid, _ body: @Sendable (ChorusProHarness) async throws -> T)
        async throws -> T
    {
        var configuration = SandboxConfiguration()
        configuration.clients = [ClientCredentials(clientId: clientID, clientSecret: clientSecret)]
        configuration.timeScale = 0
        configuration.startDate = Date(timeIntervalSince1970: 1_790_000_000)
        configuration.chorusPro = settings(path: path)
        let started = configuration
        let (urls, continuation) = AsyncStream.makeStream(of: String.self)
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let stopper = SandboxServer.Stopper()
        do {
            let result = try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    var logger = Logger(label: "chorus-pro-test")
                    logger.logLevel = .warning
                    try await SandboxServer.run(started, logger: logger, stopper: stopper) { server in
                        continuation.yield(server.url)
                        continuation.finish()
                    }
                    return nil
                }
                var iterator = urls.makeAsyncIterator()
                guard let url = await iterator.next() else { throw ChorusProTestFailure("the sandbox did not start") }
                do {
                    let value = try await body(ChorusProHarness(url: url, http: http))
                    stopper.stop()
                    try await group.waitForAll()
                    return value
                } catch {
                    stopper.stop()
                    try? await group.waitForAll()
                    throw error
                }
            }
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    func configuration(login: String = ChorusProHarness.login, password: String = ChorusProHarness.password,
                       secret: String = ChorusProHarness.clientSecret) -> ChorusProConfiguration {
        ChorusProConfiguration(tokenURL: url + "/api/oauth/token", apiBase: url, clientID: Self.clientID,
                               clientSecret: secret, login: login, password: password, pollInterval: .seconds(1))
    }

    func client(login: String = ChorusProHarness.login, password: String = ChorusProHarness.password,
                secret: String = ChorusProHarness.clientSecret) -> ChorusProClient {
        ChorusProClient(configuration: configuration(login: login, password: password, secret: secret), http: http)
    }

    func request(_ path: String, token: String?, account: String?, json: Any) async throws -> Answer {
        var request = HTTPClientRequest(url: url + path)
        request.method = .POST
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let account { request.headers.add(name: "cpro-account", value: account) }
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)))
        let response = try await http.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return Answer(status: Int(response.status.code), body: Array(buffer.readableBytesView))
    }

    /// A PISTE token, asked the way PISTE's examples do (form fields).
    func token() async throws -> String {
        var request = HTTPClientRequest(url: url + "/api/oauth/token")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        let form = "grant_type=client_credentials&client_id=\(Self.clientID)&client_secret=\(Self.clientSecret)&scope=openid"
        request.body = .bytes(ByteBuffer(string: form))
        let response = try await http.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 1 << 20)
        let answer = Answer(status: Int(response.status.code), body: Array(buffer.readableBytesView))
        guard answer.status == 200, let token = try answer.json()["access_token"] as? String else {
            throw ChorusProTestFailure("no token: \(answer.status) \(answer.text)")
        }
        return token
    }

    static var account: String { Data("\(login):\(password)".utf8).base64EncodedString() }

    /// Replaces the sandbox's injected faults (`PUT /sandbox/faults`), e.g. `["errorRate": 1]`.
    func faults(_ settings: [String: Any]) async throws {
        var request = HTTPClientRequest(url: url + "/sandbox/faults")
        request.method = .PUT
        request.headers.add(name: "Authorization", value: "Bearer \(try await token())")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: settings)))
        let response = try await http.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else { throw ChorusProTestFailure("faults: HTTP \(response.status.code)") }
    }

    /// Moves the sandbox's clock (and so the stand-in's flows and invoices) forward.
    func advance(seconds: Double) async throws {
        var request = HTTPClientRequest(url: url + "/sandbox/advance")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(try await token())")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: "{\"seconds\": \(seconds)}"))
        let response = try await http.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else { throw ChorusProTestFailure("advance: HTTP \(response.status.code)") }
    }
}

/// Invoices for the Chorus Pro tests: the EInvoice sample (valid EN 16931) as CII, or broken.
enum ChorusProSamples {
    static func invoice(number: String, change: (inout Invoice) -> Void = { _ in }) -> Invoice {
        var invoice = SampleInvoice.make(lineCount: 2, number: number)
        change(&invoice)
        return invoice
    }

    static func cii(number: String, change: (inout Invoice) -> Void = { _ in }) -> [UInt8] {
        CIIWriter().output(invoice(number: number, change: change), profile: .en16931).bytes
    }

    /// The sample with a wrong grand total (BR-CO-15 fails).
    static func brokenCII(number: String) -> [UInt8] {
        cii(number: number) { invoice in
            invoice.totals.taxInclusiveAmount = (invoice.totals.taxInclusiveAmount ?? .zero) + ExactDecimal(100)
        }
    }
}
