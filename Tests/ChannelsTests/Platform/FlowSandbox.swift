import AsyncHTTPClient
import Channels
import EInvoice
import EInvoiceSyntax
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import Sandbox

struct FlowTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The in-repo sandbox platform, started on a free loopback port for one test (time stopped, fixed seed), with
/// FlowClients pointed at it and its admin routes (`/sandbox/…`) at hand. Stopped afterwards, also on failure.
struct FlowSandbox: Sendable {
    let url: String
    let admin: HTTPClient
    static let clientID = "passerelle-flow-test"
    static let clientSecret = "flow-client-secret-for-tests"

    struct TLSFiles: Sendable {
        var certificate: String
        var key: String
    }

    static func with<T: Sendable>(tokenLifetime: Int = 3600, tls: TLSFiles? = nil,
                                  _ body: @Sendable (FlowSandbox) async throws -> T) async throws -> T {
        var settings = SandboxConfiguration()
        settings.clients = [ClientCredentials(clientId: clientID, clientSecret: clientSecret)]
        settings.timeScale = 0
        settings.seed = 7
        settings.startDate = Date(timeIntervalSince1970: 1_790_000_000)
        settings.tokenLifetimeSeconds = tokenLifetime
        settings.tlsCertificatePath = tls?.certificate
        settings.tlsPrivateKeyPath = tls?.key
        let configuration = settings
        var adminConfiguration = HTTPClient.Configuration()
        if let tls {
            var settings = TLSConfiguration.makeClientConfiguration()
            settings.trustRoots = .file(tls.certificate)
            adminConfiguration.tlsConfiguration = settings
        }
        let admin = HTTPClient(eventLoopGroupProvider: .singleton, configuration: adminConfiguration)
        let (urls, continuation) = AsyncStream.makeStream(of: String.self)
        let stopper = SandboxServer.Stopper()
        do {
            let result = try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    var logger = Logger(label: "flow-sandbox")
                    logger.logLevel = .critical
                    try await SandboxServer.run(configuration, logger: logger, stopper: stopper) { started in
                        continuation.yield(started.url)
                        continuation.finish()
                    }
                    return nil
                }
                var iterator = urls.makeAsyncIterator()
                guard let url = await iterator.next() else { throw FlowTestFailure("the sandbox did not start") }
                do {
                    let value = try await body(FlowSandbox(url: url, admin: admin))
                    stopper.stop()
                    try await group.waitForAll()
                    return value
                } catch {
                    stopper.stop()
                    try? await group.waitForAll()
                    throw error
                }
            }
            try await admin.shutdown()
            return result
        } catch {
            try? await admin.shutdown()
            throw error
        }
    }

    func configuration(caFile: String? = nil) -> FlowClientConfiguration {
        FlowClientConfiguration(
            flowURL: url + "/flow-service", tokenURL: url + "/auth-service/token", clientID: Self.clientID,
            clientSecret: Self.clientSecret, caFile: caFile, requestTimeout: .seconds(10), connectTimeout: .seconds(5))
    }

    /// A client for the body, shut down afterwards.
    func withClient<T: Sendable>(_ configuration: FlowClientConfiguration? = nil,
                                 now: @escaping @Sendable () -> Date = { Date() },
                                 _ body: (FlowClient) async throws -> T) async throws -> T {
        let client = try FlowClient(configuration: configuration ?? self.configuration(), now: now)
        do {
            let value = try await body(client)
            await client.shutdown()
            return value
        } catch {
            await client.shutdown()
            throw error
        }
    }

    // MARK: Sandbox-only admin routes

    func adminCall(_ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> [UInt8] {
        var tokenRequest = HTTPClientRequest(url: url + "/auth-service/token")
        tokenRequest.method = .POST
        tokenRequest.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        tokenRequest.body = .bytes(ByteBuffer(string:
            "grant_type=client_credentials&client_id=\(Self.clientID)&client_secret=\(Self.clientSecret)"))
        let tokenAnswer = try await admin.execute(tokenRequest, timeout: .seconds(10))
        let tokenBody = try await tokenAnswer.body.collect(upTo: 1 << 20)
        struct Token: Decodable { var access_token: String }
        let token = try JSONDecoder().decode(Token.self, from: Data(tokenBody.readableBytesView)).access_token
        var request = HTTPClientRequest(url: url + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let answer = try await admin.execute(request, timeout: .seconds(10))
        let body = Array(try await answer.body.collect(upTo: 16 << 20).readableBytesView)
        guard answer.status.code < 300 else {
            throw FlowTestFailure("\(method) \(path): \(answer.status.code) \(String(decoding: body, as: UTF8.self))")
        }
        return body
    }

    /// `PUT /sandbox/faults` (the sandbox's fault injection), e.g. `{"errorRate": 1}`; `{}` turns them off.
    func setFaults(_ json: String) async throws {
        _ = try await adminCall(.PUT, "/sandbox/faults", json: json)
    }
}

/// Invoices for the tests: the EN 16931 corpus example 1 with another number.
enum FlowTestInvoices {
    static var corpus: URL {
        if let path = ProcessInfo.processInfo.environment["PASSERELLE_CORPUS"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("../shared/corpus")
            .standardized
    }

    static func cii(number: String) throws -> [UInt8] {
        let path = corpus.appendingPathComponent("en16931/cii/CII_example1.xml").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FlowTestFailure("corpus file \(path) not found; set PASSERELLE_CORPUS")
        }
        var invoice = try InvoiceDocumentReader().read(bytes: Array(data)).invoice
        invoice.number = number
        invoice.seller.legalRegistrationIdentifier = Identifier("552100554", schemeID: "0002")
        return CIIWriter().write(invoice)
    }
}
