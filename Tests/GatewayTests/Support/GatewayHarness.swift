import EInvoice
import Foundation
import Gateway
import GatewayStorage
import Logging
import Synchronization

/// The gateway's services over one real store, with a test clock and recording doubles.
struct GatewayHarness {
    var store: SQLGatewayStore
    var clock: TestClock
    var dispatcher: RecordingDispatcher
    var webhooks: RecordingWebhookTransport

    init(store: SQLGatewayStore, clock: TestClock = TestClock(), dispatcher: RecordingDispatcher = RecordingDispatcher()) {
        self.store = store
        self.clock = clock
        self.dispatcher = dispatcher
        self.webhooks = RecordingWebhookTransport()
    }

    var intake: IntakeService { IntakeService(store: store, clock: clock) }
    var masterData: MasterDataService { MasterDataService(store: store, clock: clock) }
    var admin: PipelineAdmin { PipelineAdmin(store: store, clock: clock) }

    func worker(id: String = "worker-1", retry: RetryPolicy = RetryPolicy(base: .seconds(1), maximum: .seconds(60), jitter: 0))
        -> PipelineWorker
    {
        var logger = Logger(label: "test.pipeline")
        logger.logLevel = .critical
        return PipelineWorker(context: PipelineContext(
            store: store, clock: clock, dispatcher: dispatcher, webhooks: webhooks,
            configuration: PipelineConfiguration(workerID: id, batchSize: 8, leaseDuration: .seconds(60), retry: retry),
            logger: logger))
    }

    /// A tenant with the catalogue that the sample invoice cites (products and, optionally, a price list).
    func seedTenant(_ tenant: TenantID = Fixtures.tenantA, settings: TenantSettings = TenantSettings(),
                    products: [Product] = Payloads.products(), priceLists: [PriceList] = []) async throws {
        try await store.transaction { transaction in
            try await transaction.insertTenant(Tenant(id: tenant, name: tenant.rawValue, settings: settings, createdAt: Fixtures.t0))
        }
        _ = try await masterData.upsert(products, tenant: tenant)
        _ = try await masterData.upsert([Customer(code: Payloads.customerCode, name: "Compagnie Cliente SA")], tenant: tenant)
        if !priceLists.isEmpty { _ = try await masterData.upsert(priceLists, tenant: tenant) }
    }

    func receive(_ payload: [UInt8], tenant: TenantID = Fixtures.tenantA, key: String? = nil) async throws -> IntakeOutcome {
        try await intake.receive(IntakeRequest(tenant: tenant, payload: payload, idempotencyKey: key, actor: "key_test"))
    }

    func invoice(_ id: InvoiceID, tenant: TenantID = Fixtures.tenantA) async throws -> InvoiceRecord? {
        try await store.transaction { try await $0.invoice(id, tenant: tenant) }
    }

    func events(_ id: InvoiceID, tenant: TenantID = Fixtures.tenantA) async throws -> [InvoiceEvent] {
        try await store.transaction { try await $0.events(invoice: id, tenant: tenant) }
    }

    func jobs(_ id: InvoiceID, tenant: TenantID = Fixtures.tenantA) async throws -> [Job] {
        try await store.transaction { try await $0.jobs(invoice: id, tenant: tenant) }
    }
}

/// A dispatch port that records what it was asked to send and can be told to fail.
final class RecordingDispatcher: DispatchPort {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "the platform is down" }
    }

    private let state = Mutex<(calls: [String], failing: Bool)>(([], false))

    var name: String { "recording" }

    func setFailing(_ failing: Bool) { state.withLock { $0.failing = failing } }
    var submissionKeys: [String] { state.withLock { $0.calls } }

    func dispatch(_ request: DispatchRequest) async throws -> DispatchOutcome {
        let failing = state.withLock { state -> Bool in
            state.calls.append(request.submissionKey)
            return state.failing
        }
        if failing { throw Failure() }
        return .held(reason: "kept for the test")
    }
}

/// A webhook transport that records the posts and answers 200.
final class RecordingWebhookTransport: WebhookTransport {
    struct Post: Sendable {
        var url: String
        var headers: [String: String]
        var body: [UInt8]
    }

    private let posts = Mutex<[Post]>([])

    var recorded: [Post] { posts.withLock { $0 } }

    func post(url: String, headers: [(String, String)], body: [UInt8]) async throws -> Int {
        let post = Post(url: url, headers: Dictionary(headers, uniquingKeysWith: { first, _ in first }), body: body)
        posts.withLock { $0.append(post) }
        return 200
    }
}
