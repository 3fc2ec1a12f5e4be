@testable import Channels
import Foundation
import Gateway
import GatewayStorage
import Logging
import Sandbox
import Testing

/// A webhook transport that accepts everything (no subscription exists in these tests).
struct AcceptingWebhooks: WebhookTransport {
    func post(url: String, headers: [(String, String)], body: [UInt8]) async throws -> Int { 200 }
}

/// A gateway on a real SQLite store whose dispatch port is Chorus Pro (the stand-in).
struct ChorusProGateway: Sendable {
    static let tenant = TenantID("ville-de-test")

    let store: SQLGatewayStore
    let client: ChorusProClient

    var dispatcher: ChorusProDispatcher { ChorusProDispatcher(client: client, store: store) }
    var lifecycle: LifecycleService { LifecycleService(store: store) }

    var follower: ChorusProStatusFollower {
        var logger = Logger(label: "test.chorus-pro")
        logger.logLevel = .critical
        return ChorusProStatusFollower(client: client, store: store, lifecycle: lifecycle, tenant: Self.tenant,
                                       logger: logger)
    }

    var worker: PipelineWorker {
        var logger = Logger(label: "test.pipeline")
        logger.logLevel = .critical
        return PipelineWorker(context: PipelineContext(
            store: store, dispatcher: dispatcher, webhooks: AcceptingWebhooks(),
            configuration: PipelineConfiguration(workerID: "chorus-pro-test", batchSize: 8,
                                                 retry: RetryPolicy(base: .seconds(1), maximum: .seconds(2), jitter: 0)),
            logger: logger))
    }

    /// The public buyer's supplier tenant: no catalogue checks (the sample cites no synced catalogue).
    func seedTenant() async throws {
        let policy = CataloguePolicy(rejectUnknownProduct: false, rejectInactiveProduct: false,
                                     rejectVATMismatch: false, rejectPriceMismatch: false)
        try await store.transaction { transaction in
            try await transaction.insertTenant(Tenant(
                id: Self.tenant, name: "Fournisseur de la ville", settings: TenantSettings(catalogue: policy, frenchRules: false),
                createdAt: Date()))
        }
    }

    /// Takes an invoice in as the ERP would.
    func receive(_ payload: [UInt8]) async throws -> InvoiceRecord {
        try await IntakeService(store: store).receive(IntakeRequest(tenant: Self.tenant, payload: payload, actor: "erp"))
            .record
    }

    func invoice(_ id: InvoiceID) async throws -> InvoiceRecord? {
        try await store.read { try await $0.invoice(id, tenant: Self.tenant) }
    }

    func events(_ id: InvoiceID) async throws -> [InvoiceEvent] {
        try await store.read { try await $0.events(invoice: id, tenant: Self.tenant) }
    }

    func statusCodes(_ id: InvoiceID) async throws -> [String] {
        try await lifecycle.statuses(of: id, tenant: Self.tenant)?.map(\.status.code) ?? []
    }

    func summary(_ id: InvoiceID) async throws -> LifecycleSummary? {
        try await store.read { try await $0.lifecycleSummary(invoice: id, tenant: Self.tenant) }
    }

    func payments(_ id: InvoiceID) async throws -> [RecordedPayment] {
        try await store.read { try await $0.payments(invoice: id, tenant: Self.tenant) }
    }

    /// The harness and a migrated SQLite gateway, both stopped afterwards.
    static func with(path: ChorusProPath = .paid,
                     _ body: @Sendable (ChorusProHarness, ChorusProGateway) async throws -> Void) async throws {
        try await ChorusProHarness.with(path: path) { harness in
            try await withSQLiteStore { store in
                let gateway = ChorusProGateway(store: store, client: harness.client())
                try await gateway.seedTenant()
                try await body(harness, gateway)
            }
        }
    }
}
