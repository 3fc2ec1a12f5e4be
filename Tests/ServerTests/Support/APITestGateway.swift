import Foundation
import Gateway
import GatewayStorage
import Hummingbird
import HummingbirdTesting
import Logging
@testable import Server
import Synchronization

/// A real store, the gateway's services, and the v1 API on a real HTTP server, for one test.
struct APITestGateway: Sendable {
    var backend: TestBackend
    var store: SQLGatewayStore
    var services: GatewayServices
    var webhooks: RecordingWebhookTransport

    /// Runs `body` with a fresh store, released afterwards (also when `body` throws).
    static func with<Result: Sendable>(_ backend: TestBackend, _ body: (APITestGateway) async throws -> Result)
        async throws -> Result
    {
        let (store, cleanup) = try await backend.makeStore()
        let gateway = APITestGateway(backend: backend, store: store, services: GatewayServices(store: store),
                                     webhooks: RecordingWebhookTransport())
        do {
            let result = try await body(gateway)
            await cleanup()
            return result
        } catch {
            await cleanup()
            throw error
        }
    }

    /// The application the tests call: the runtime's router (request id, body limits, authentication, rate
    /// limits, error mapping) with the v1 API, and no background worker (tests drain the pipeline themselves).
    func application() async throws -> some ApplicationProtocol {
        var configuration = ServerConfiguration()
        configuration.server.port = 0
        configuration.workers.count = 0
        configuration.auth.jwtSigningKey = "api-tests-signing-key-of-at-least-32-bytes"
        configuration.auth.keyCacheLifetime = .zero
        configuration.limits.ratePerSecond = 1_000_000
        var logger = Logger(label: "test.api")
        logger.logLevel = .critical
        let components = try await ServerComponents.make(
            configuration: configuration, store: store, webhooks: webhooks, logger: logger)
        let router = PasserelleApplication.router(components: components, services: services, additionalRoutes: { _ in })
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                           logger: logger)
    }

    /// Runs `body` against the API served over HTTP (`.live`: one pipelined connection; ``ParallelClient`` when
    /// requests must really run at once).
    func serve<Result: Sendable>(_ setup: TestingSetup = .live, _ body: @Sendable (APIClient) async throws -> Result)
        async throws -> Result
    {
        try await application().test(setup) { client in try await body(APIClient(client: client)) }
    }

    /// A tenant with an admin key (all scopes).
    func makeTenant(_ name: String, settings: TenantSettings = TenantSettings()) async throws -> TestTenant {
        let id = TenantID(name)
        let (record, secret) = APIKeys.make(tenant: id, name: "admin", scopes: Set(Scope.allCases), now: Date())
        try await store.transaction { transaction in
            try await transaction.insertTenant(Tenant(id: id, name: name, settings: settings, createdAt: Date()))
            try await transaction.insertAPIKey(record)
        }
        return TestTenant(id: id, admin: secret, adminKeyID: record.id)
    }

    /// Another key of a tenant, with these scopes.
    func makeKey(_ tenant: TestTenant, scopes: Set<Scope>) async throws -> String {
        let (record, secret) = APIKeys.make(tenant: tenant.id, name: "test", scopes: scopes, now: Date())
        try await store.transaction { transaction in try await transaction.insertAPIKey(record) }
        return secret
    }

    /// Runs the pipeline until no job is due.
    @discardableResult
    func drain() async throws -> Int {
        var logger = Logger(label: "test.pipeline")
        logger.logLevel = .critical
        let worker = PipelineWorker(context: PipelineContext(
            store: store, webhooks: webhooks,
            configuration: PipelineConfiguration(workerID: "test-worker", retry: RetryPolicy(base: .zero, jitter: 0)),
            logger: logger))
        return try await worker.drain()
    }
}

/// A tenant of a test and its admin key.
struct TestTenant: Sendable {
    var id: TenantID
    var admin: String
    var adminKeyID: String
}

/// Records webhook posts and answers the status it is told to.
final class RecordingWebhookTransport: WebhookTransport {
    struct Post: Sendable {
        var url: String
        var headers: [String: String]
        var body: [UInt8]
    }

    private let state = Mutex<(posts: [Post], status: Int)>(([], 200))

    var posts: [Post] { state.withLock { $0.posts } }

    func answer(_ status: Int) { state.withLock { $0.status = status } }

    func post(url: String, headers: [(String, String)], body: [UInt8]) async throws -> Int {
        state.withLock { state in
            state.posts.append(Post(url: url, headers: Dictionary(headers, uniquingKeysWith: { $1 }), body: body))
            return state.status
        }
    }
}
