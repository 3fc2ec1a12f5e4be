import Foundation
import Gateway
import GatewayStorage
import Testing

/// Tenant B tries every member of the store on tenant A's rows: it sees nothing and changes nothing.
@Suite("Tenant isolation in the store")
struct TenantIsolationTests {
    struct SeededA {
        var invoice: InvoiceRecord
        var job: NewJob
        var key: APIKeyRecord
        var subscription: WebhookSubscription
        var delivery: WebhookDelivery
    }

    static func seedTenantA(_ store: SQLGatewayStore) async throws -> SeededA {
        let a = Fixtures.tenantA
        let invoice = Fixtures.invoice(idempotencyKey: "idem", batchID: "batch")
        let job = JobStoreTests.newJob(invoice: invoice.id)
        let key = APIKeys.make(tenant: a, name: "A", scopes: [.admin], now: Fixtures.t0).record
        let subscription = WebhookSubscription(id: "sub", tenant: a, url: "https://a.example", eventTypes: ["*"],
                                               secret: "k", createdAt: Fixtures.t0)
        let delivery = WebhookDelivery(id: "del", tenant: a, subscriptionID: "sub", eventType: "invoice.held",
                                       body: [1], createdAt: Fixtures.t0, updatedAt: Fixtures.t0)
        try await store.transaction { transaction in
            try await transaction.insertTenant(Fixtures.tenant(a))
            try await transaction.insertTenant(Fixtures.tenant(Fixtures.tenantB))
            try await transaction.insertInvoice(invoice)
            try await transaction.appendEvent(Fixtures.event(invoice))
            try await transaction.putDocument(Fixtures.document(invoice))
            _ = try await transaction.upsertMasterRecord(MasterDataStoreTests.record("P1"), expectedVersion: nil)
            try await transaction.enqueue(job)
            try await transaction.appendChange(tenant: a, subject: .product, key: "P1", version: 1, change: "upserted", at: Fixtures.t0)
            try await transaction.insertAPIKey(key)
            try await transaction.insertSubscription(subscription)
            try await transaction.insertDelivery(delivery)
            try await transaction.appendAudit(AuditEntry(tenant: a, actor: "k", action: "x", target: "y", requestID: nil,
                                                         outcome: "ok", occurredAt: Fixtures.t0))
        }
        return SeededA(invoice: invoice, job: job, key: key, subscription: subscription, delivery: delivery)
    }

    @Test(arguments: TestBackend.all)
    func tenantBSeesNothingOfTenantA(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let seeded = try await Self.seedTenantA(store)
            let b = Fixtures.tenantB
            let invoice = seeded.invoice
            try await store.transaction { t async throws in
                #expect(try await t.invoice(invoice.id, tenant: b) == nil)
                #expect(try await t.invoice(idempotencyKey: "idem", tenant: b) == nil)
                #expect(try await t.invoice(documentKey: invoice.documentKey, tenant: b) == nil)
                #expect(try await t.invoices(tenant: b, filter: InvoiceFilter(), after: nil, limit: 10).isEmpty)
                #expect(try await t.invoices(tenant: b, filter: InvoiceFilter(batchID: "batch"), after: nil, limit: 10).isEmpty)
                #expect(try await t.invoiceCountsByState(tenant: b, batchID: nil).isEmpty)
                #expect(try await t.events(invoice: invoice.id, tenant: b).isEmpty)
                #expect(try await t.document(invoice: invoice.id, kind: .original, tenant: b) == nil)
                #expect(try await t.masterRecord(.product, code: "P1", tenant: b) == nil)
                #expect(try await t.masterRecords(.product, codes: ["P1"], tenant: b).isEmpty)
                #expect(try await t.masterRecords(.product, tenant: b, after: nil, limit: 10).isEmpty)
                #expect(try await t.job(seeded.job.id, tenant: b) == nil)
                #expect(try await t.jobs(tenant: b, state: nil, limit: 10).isEmpty)
                #expect(try await t.jobs(invoice: invoice.id, tenant: b).isEmpty)
                #expect(try await t.changes(tenant: b, after: 0, limit: 10).isEmpty)
                #expect(try await t.apiKeys(tenant: b).isEmpty)
                #expect(try await t.subscriptions(tenant: b).isEmpty)
                #expect(try await t.delivery(id: seeded.delivery.id, tenant: b) == nil)
                #expect(try await t.deliveries(tenant: b, state: nil, limit: 10).isEmpty)
                #expect(try await t.auditEntries(tenant: b, after: 0, limit: 10).isEmpty)
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func tenantBChangesNothingOfTenantA(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let seeded = try await Self.seedTenantA(store)
            let b = Fixtures.tenantB
            var hijacked = seeded.invoice
            hijacked.tenant = b
            hijacked.state = .rejected
            hijacked.version = 2
            let foreignInvoice = hijacked
            await #expect(throws: StoreError.notFound) {
                try await store.transaction { try await $0.updateInvoice(foreignInvoice, expectedVersion: 1) }
            }
            var foreignEvent = Fixtures.event(seeded.invoice, dedupKey: "b-event")
            foreignEvent.tenant = b
            let event = foreignEvent
            await #expect(throws: StoreError.notFound) {
                try await store.transaction { try await $0.appendEvent(event) }
            }
            var foreignDocument = Fixtures.document(seeded.invoice, kind: .original, bytes: [9, 9])
            foreignDocument.tenant = b
            let document = foreignDocument
            await #expect(throws: StoreError.notFound) {
                try await store.transaction { try await $0.putDocument(document) }
            }
            await #expect(throws: StoreError.stale(currentVersion: 0)) {
                try await store.transaction {
                    try await $0.upsertMasterRecord(MasterDataStoreTests.record("P1", payload: "{}", tenant: b), expectedVersion: 1)
                }
            }
            // B's own upsert of the same code makes B's own record.
            let own = try await store.transaction {
                try await $0.upsertMasterRecord(MasterDataStoreTests.record("P1", payload: "{}", tenant: b), expectedVersion: nil)
            }
            #expect(own.version == 1)
            try await store.transaction { t async throws in
                #expect(try await t.replayJob(seeded.job.id, tenant: b, now: Fixtures.t0) == false)
                #expect(try await t.revokeAPIKey(id: seeded.key.id, tenant: b, at: Fixtures.t0) == false)
                #expect(try await t.deleteSubscription(id: seeded.subscription.id, tenant: b) == false)
                try await t.updateTenantSettings(b, settings: TenantSettings(frenchRules: false))
            }
            var foreignDelivery = seeded.delivery
            foreignDelivery.tenant = b
            foreignDelivery.state = .deadLettered
            let delivery = foreignDelivery
            await #expect(throws: StoreError.notFound) {
                try await store.transaction { try await $0.updateDelivery(delivery) }
            }
            // Tenant A's rows are as they were.
            let a = Fixtures.tenantA
            try await store.transaction { t async throws in
                #expect(try await t.invoice(seeded.invoice.id, tenant: a) == seeded.invoice)
                #expect(try await t.events(invoice: seeded.invoice.id, tenant: a).count == 1)
                #expect(try await t.document(invoice: seeded.invoice.id, kind: .original, tenant: a)?.bytes == [0, 1, 2, 255])
                #expect(try await t.masterRecord(.product, code: "P1", tenant: a)?.payload == Array(#"{"x":1}"#.utf8))
                #expect(try await t.masterRecord(.product, code: "P1", tenant: a)?.version == 1)
                #expect(try await t.job(seeded.job.id, tenant: a)?.state == .pending)
                #expect(try await t.apiKeys(tenant: a).first?.revokedAt == nil)
                #expect(try await t.subscriptions(tenant: a).first?.active == true)
                #expect(try await t.delivery(id: seeded.delivery.id, tenant: a)?.state == .pending)
                #expect(try await t.tenant(a)?.settings == TenantSettings())
                #expect(try await t.changes(tenant: a, after: 0, limit: 10).count == 1)
            }
        }
    }
}
