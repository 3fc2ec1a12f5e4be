import AsyncHTTPClient
import Foundation
import Gateway
import GatewayStorage
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import Server
import ServiceLifecycle

struct InboundTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A real gateway for the inbound tests: SQLite in a temporary folder, the server on a free loopback port with the
/// platform webhook routes, its pipeline workers, and whatever services the test adds (the polling fallback).
struct InboundGateway: Sendable {
    struct Reply: Sendable {
        var status: Int
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }

        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw InboundTestFailure("not a JSON object: \(text)")
            }
            return object
        }
    }

    /// What the test wires into the gateway once its store is open.
    struct Wiring: Sendable {
        var dispatcher: any DispatchPort = HoldDispatcher()
        var platforms: [any PlatformInboundPort] = []
        var endpoints: [PlatformWebhookEndpoint] = []
        /// Services beside the server (they get the components and the SQL store, for channel cursors).
        var services: @Sendable (ServerComponents, SQLGatewayStore) -> [any Service] = { _, _ in [] }
    }

    static let tenant = TenantID("default")

    let url: String
    let adminSecret: String
    let components: ServerComponents
    let services: GatewayServices
    let sqlStore: SQLGatewayStore
    let client: HTTPClient
    var store: any GatewayStore { components.store }

    static func with<Value: Sendable>(
        workers: Int = 2, wiring: @Sendable (SQLGatewayStore) async throws -> Wiring,
        _ body: @Sendable (InboundGateway) async throws -> Value
    ) async throws -> Value {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inbound-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = ServerConfiguration()
        configuration.server.port = 0
        configuration.dataDirectory = folder.appendingPathComponent("data").path
        configuration.workers.count = workers
        configuration.workers.idleDelay = .milliseconds(10)
        configuration.workers.retryBase = .milliseconds(50)
        configuration.workers.retryMaximum = .milliseconds(500)
        configuration.limits.ratePerSecond = 0
        var logger = Logger(label: "passerelle.inbound-test")
        logger.logLevel = ProcessInfo.processInfo.environment["PASSERELLE_TEST_LOG"] == nil ? .error : .info
        let store = try await SQLGatewayStore.open(
            url: "sqlite:" + folder.appendingPathComponent("passerelle.db").path, logger: logger)
        do {
            let wired = try await wiring(store)
            var components = try await ServerComponents.make(
                configuration: configuration, store: store, dispatcher: wired.dispatcher, logger: logger)
            components.platforms = Dictionary(wired.platforms.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            let services = GatewayServices(store: components.store, clock: components.clock)
            let routes = PlatformWebhookRoutes(
                endpoints: wired.endpoints, inbox: PlatformStatusInbox(store: components.store, clock: components.clock))
            let (startedStream, startedContinuation) = AsyncStream.makeStream(of: PasserelleApplication.Started.self)
            let group = try PasserelleServer.serviceGroup(
                components: components, services: services, gracefulShutdownSignals: [],
                additionalRoutes: { router in routes.register(on: router) },
                onStarted: { started in
                    startedContinuation.yield(started)
                    startedContinuation.finish()
                },
                additionalServices: wired.services(components, store))
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let outcome: Result<Value, any Error> = await withTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    do { try await group.run() } catch { startedContinuation.finish() }
                }
                var iterator = startedStream.makeAsyncIterator()
                guard let started = await iterator.next() else {
                    return .failure(InboundTestFailure("the gateway did not start"))
                }
                let gateway = InboundGateway(
                    url: started.url, adminSecret: started.firstAdminSecret ?? "", components: components,
                    services: services, sqlStore: store, client: client)
                let result: Result<Value, any Error>
                do {
                    result = .success(try await body(gateway))
                } catch {
                    result = .failure(error)
                }
                await group.triggerGracefulShutdown()
                await tasks.waitForAll()
                return result
            }
            try await client.shutdown()
            await components.shutdown()
            try await store.shutdown()
            return try outcome.get()
        } catch {
            try? await store.shutdown()
            throw error
        }
    }

    func request(_ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
                 authorized: Bool = true) async throws -> Reply {
        var request = HTTPClientRequest(url: url + path)
        request.method = method
        if authorized { request.headers.add(name: "Authorization", value: "Bearer \(adminSecret)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return Reply(status: Int(response.status.code), body: Array(buffer: bytes))
    }

    /// Turns the catalogue checks off (the test invoices cite no synced products).
    func withoutCatalogue(frenchRules: Bool = false) async throws {
        let settings = TenantSettings(catalogue: CataloguePolicy(
            rejectUnknownProduct: false, rejectInactiveProduct: false, rejectVATMismatch: false,
            rejectPriceMismatch: false), frenchRules: frenchRules)
        try await store.transaction { transaction in
            try await transaction.updateTenantSettings(Self.tenant, settings: settings)
        }
    }

    /// Subscribes `url` to every event of the default tenant.
    func subscribe(url: String, secret: String = "erp-secret") async throws {
        let subscription = WebhookSubscription(
            id: "sub-" + UUID().uuidString.lowercased(), tenant: Self.tenant, url: url,
            eventTypes: ["*"], secret: secret, createdAt: Date())
        try await store.transaction { transaction in try await transaction.insertSubscription(subscription) }
    }

    /// Jobs of a kind in a state.
    func jobs(_ kind: JobKind, state: JobState? = nil) async throws -> [Job] {
        try await store.read { transaction in
            try await transaction.jobs(tenant: Self.tenant, state: state, limit: 100_000).filter { $0.kind == kind }
        }
    }
}

/// Waits until `condition` holds, polling every 50 ms; fails after `timeout`.
func eventually(timeout: Duration = .seconds(60), _ what: String,
                _ condition: @Sendable () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw InboundTestFailure("timed out waiting for \(what)")
}
