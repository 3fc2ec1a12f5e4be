import AsyncHTTPClient
import Foundation
import Gateway
import GatewayStorage
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import ServiceLifecycle

@testable import Server

/// A real Passerelle server on SQLite in a temporary folder, listening on a free port, with an HTTP client.
struct RuntimeTestServer: Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: String

        func json() throws -> [String: any Sendable] {
            let object = try JSONSerialization.jsonObject(with: Data(body.utf8))
            return (object as? [String: Any])?.mapValues { "\($0)" as any Sendable } ?? [:]
        }
    }

    let started: PasserelleApplication.Started
    let components: ServerComponents
    let services: GatewayServices
    let client: HTTPClient
    let folder: RuntimeTemporaryFolder

    var url: String { started.url }
    var store: any GatewayStore { components.store }
    var adminSecret: String { started.firstAdminSecret ?? "" }
    static let tenant = TenantID("default")

    /// Starts a server, runs `body`, then shuts everything down gracefully.
    /// `folder`: where the data goes; pass one to look at the SQLite database after the server stopped.
    /// `backend`: SQLite in `folder`, or a fresh schema of the test PostgreSQL (``TestBackend``).
    static func with<Value: Sendable>(
        backend: TestBackend = .sqlite,
        folder: RuntimeTemporaryFolder = RuntimeTemporaryFolder(),
        configure: (inout ServerConfiguration) -> Void = { _ in },
        clientTLS: TLSConfiguration? = nil,
        additionalRoutes: @escaping @Sendable (Router<PasserelleRequestContext>) -> Void = RuntimeTestRoutes.register,
        _ body: @Sendable (RuntimeTestServer) async throws -> Value
    ) async throws -> Value {
        var configuration = ServerConfiguration()
        configuration.server.port = 0
        configuration.dataDirectory = folder.path("data")
        configuration.workers.idleDelay = .milliseconds(10)
        configure(&configuration)
        var logger = Logger(label: "passerelle.test")
        logger.logLevel = .warning
        let store: SQLGatewayStore
        var dropSchema: (@Sendable () async -> Void)?
        switch backend {
        case .sqlite:
            store = try await SQLGatewayStore.open(url: "sqlite:" + folder.path("data/passerelle.db"), logger: logger)
        case .postgres:
            let made = try await backend.makeStore()
            store = made.store
            dropSchema = made.cleanup
        }
        let components = try await ServerComponents.make(configuration: configuration, store: store, logger: logger)
        let services = GatewayServices(store: components.store, clock: components.clock)
        let (startedStream, startedContinuation) = AsyncStream.makeStream(of: PasserelleApplication.Started.self)
        let group = try PasserelleServer.serviceGroup(
            components: components, services: services, gracefulShutdownSignals: [],
            additionalRoutes: additionalRoutes
        ) { started in
            startedContinuation.yield(started)
            startedContinuation.finish()
        }
        var clientConfiguration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        clientConfiguration.tlsConfiguration = clientTLS
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let outcome: Result<Value, any Error> = await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                do { try await group.run() } catch { startedContinuation.finish() }
            }
            var iterator = startedStream.makeAsyncIterator()
            guard let started = await iterator.next() else {
                return .failure(RuntimeTestFailure("the server did not start"))
            }
            let server = RuntimeTestServer(started: started, components: components, services: services,
                                           client: client, folder: folder)
            let result: Result<Value, any Error>
            do {
                result = .success(try await body(server))
            } catch {
                result = .failure(error)
            }
            await group.triggerGracefulShutdown()
            await tasks.waitForAll()
            return result
        }
        try await client.shutdown()
        await components.shutdown()
        if let dropSchema {
            await dropSchema()
        } else {
            try await store.shutdown()
        }
        return try outcome.get()
    }

    /// Sends a request; `length: false` streams the body without a Content-Length (chunked).
    func request(_ method: HTTPMethod = .GET, _ path: String, headers: [(String, String)] = [],
                 body: [UInt8]? = nil, length: Bool = true) async throws -> Reply {
        var request = HTTPClientRequest(url: url + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            if length {
                request.body = .bytes(body)
            } else {
                let chunks = stride(from: 0, to: body.count, by: 512).map { ByteBuffer(bytes: body[$0..<min($0 + 512, body.count)]) }
                request.body = .stream(chunks.async, length: .unknown)
            }
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 4 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }

    func get(_ path: String, bearer: String? = nil, headers: [(String, String)] = []) async throws -> Reply {
        try await request(.GET, path, headers: headers + (bearer.map { [("Authorization", "Bearer \($0)")] } ?? []))
    }

    /// `POST /oauth/token` with form fields.
    func token(_ fields: [(String, String)], headers: [(String, String)] = []) async throws -> Reply {
        let form = fields.map { "\(Self.formEncode($0.0))=\(Self.formEncode($0.1))" }.joined(separator: "&")
        return try await request(
            .POST, "/oauth/token", headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers,
            body: Array(form.utf8))
    }

    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// A new API key of the default tenant.
    func makeKey(scopes: Set<Scope>, rateLimit: Int? = nil) async throws -> (record: APIKeyRecord, secret: String) {
        var (record, secret) = APIKeys.make(tenant: Self.tenant, name: "test", scopes: scopes, now: Date())
        record.rateLimitPerSecond = rateLimit
        let stored = record
        try await store.transaction { transaction in try await transaction.insertAPIKey(stored) }
        return (record, secret)
    }

    func revoke(_ record: APIKeyRecord) async throws {
        _ = try await store.transaction { transaction in
            try await transaction.revokeAPIKey(id: record.id, tenant: Self.tenant, at: Date())
        }
    }

    func audit() async throws -> [AuditEntry] {
        try await store.transaction { transaction in
            try await transaction.auditEntries(tenant: Self.tenant, after: 0, limit: 1_000)
        }
    }
}

struct RuntimeTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Array where Element: Sendable {
    /// The elements as an async sequence (for streamed request bodies).
    var async: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }
}

/// Waits until `condition` holds, polling; fails after `timeout`.
func eventually(timeout: Duration = .seconds(20), _ what: String,
                _ condition: @Sendable () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(25))
    }
    throw RuntimeTestFailure("timed out waiting for \(what)")
}
