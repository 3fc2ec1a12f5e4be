import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("Tenants, API keys, webhooks and audit")
struct CredentialStoreTests {
    @Test(arguments: TestBackend.all)
    func tenantsAndTheirSettings(backend: TestBackend) async throws {
        try await backend.withStore { store in
            #expect(try await store.transaction { try await $0.tenants() }.isEmpty)
            let a = Fixtures.tenant(Fixtures.tenantA)
            let b = Fixtures.tenant(Fixtures.tenantB, settings: TenantSettings(frenchRules: false, dryRun: true))
            try await store.transaction { transaction in
                try await transaction.insertTenant(b)
                try await transaction.insertTenant(a)
            }
            #expect(try await store.transaction { try await $0.tenants() } == [a, b])
            #expect(try await store.transaction { try await $0.tenant(Fixtures.tenantB) } == b)
            var settings = TenantSettings()
            settings.catalogue.rejectPriceMismatch = false
            let changed = settings
            try await store.transaction { try await $0.updateTenantSettings(Fixtures.tenantA, settings: changed) }
            #expect(try await store.transaction { try await $0.tenant(Fixtures.tenantA) }?.settings == changed)
            await #expect(throws: StoreError.notFound) {
                try await store.transaction { try await $0.updateTenantSettings(TenantID("nobody"), settings: changed) }
            }
            await #expect(throws: StoreError.self) {
                try await store.transaction { try await $0.insertTenant(a) }
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func apiKeysAreFoundByHashAndRevokedPerTenant(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let (key, secret) = APIKeys.make(tenant: Fixtures.tenantA, name: "ERP", scopes: [.invoicesWrite, .admin], now: Fixtures.t0)
            var limited = APIKeys.make(tenant: Fixtures.tenantA, name: "read", scopes: [.invoicesRead], now: Fixtures.t0.addingTimeInterval(1)).record
            limited.rateLimitPerSecond = 50
            let readOnly = limited
            try await store.transaction { transaction in
                try await transaction.insertTenant(Fixtures.tenant(Fixtures.tenantA))
                try await transaction.insertTenant(Fixtures.tenant(Fixtures.tenantB))
                try await transaction.insertAPIKey(key)
                try await transaction.insertAPIKey(readOnly)
            }
            #expect(try await store.transaction { try await $0.apiKey(secretSHA256: APIKeys.lookupHash(of: secret)) } == key)
            #expect(try await store.transaction { try await $0.apiKey(secretSHA256: "0000") } == nil)
            #expect(try await store.transaction { try await $0.apiKeys(tenant: Fixtures.tenantA) } == [key, readOnly])
            #expect(try await store.transaction { try await $0.apiKeys(tenant: Fixtures.tenantB) }.isEmpty)
            #expect(try await store.transaction { try await $0.revokeAPIKey(id: key.id, tenant: Fixtures.tenantB, at: Fixtures.t0) } == false)
            let revokedAt = Fixtures.t0.addingTimeInterval(60)
            #expect(try await store.transaction { try await $0.revokeAPIKey(id: key.id, tenant: Fixtures.tenantA, at: revokedAt) })
            #expect(try await store.transaction { try await $0.revokeAPIKey(id: key.id, tenant: Fixtures.tenantA, at: revokedAt.addingTimeInterval(5)) })
            let revoked = try await store.transaction { try await $0.apiKey(secretSHA256: key.secretSHA256) }
            #expect(revoked?.revokedAt == revokedAt)
            #expect(revoked?.isRevoked == true)
        }
    }

    @Test(arguments: TestBackend.all)
    func webhookSubscriptionsAndDeliveries(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let subscription = WebhookSubscription(
                id: "sub-1", tenant: Fixtures.tenantA, url: "https://erp.example/hook",
                eventTypes: ["invoice.rejected", "invoice.held"], secret: "s3cret", createdAt: Fixtures.t0)
            let delivery = WebhookDelivery(
                id: "d-1", tenant: Fixtures.tenantA, subscriptionID: "sub-1", eventType: "invoice.held",
                body: Array(#"{"a":1}"#.utf8), createdAt: Fixtures.t0, updatedAt: Fixtures.t0)
            let later = WebhookDelivery(
                id: "d-2", tenant: Fixtures.tenantA, subscriptionID: "sub-1", eventType: "invoice.rejected",
                body: [0xFF, 0x00], createdAt: Fixtures.t0.addingTimeInterval(1), updatedAt: Fixtures.t0)
            try await store.transaction { transaction in
                try await transaction.insertSubscription(subscription)
                try await transaction.insertDelivery(delivery)
                try await transaction.insertDelivery(later)
            }
            #expect(try await store.transaction { try await $0.subscriptions(tenant: Fixtures.tenantA) } == [subscription])
            #expect(try await store.transaction { try await $0.delivery(id: "d-1", tenant: Fixtures.tenantA) } == delivery)
            var delivered = delivery
            delivered.state = .delivered
            delivered.attempts = 2
            delivered.lastStatusCode = 204
            delivered.lastError = nil
            delivered.updatedAt = Fixtures.t0.addingTimeInterval(9)
            let update = delivered
            try await store.transaction { try await $0.updateDelivery(update) }
            #expect(try await store.transaction { try await $0.delivery(id: "d-1", tenant: Fixtures.tenantA) } == update)
            #expect(try await store.transaction { try await $0.deliveries(tenant: Fixtures.tenantA, state: nil, limit: 10) }.map(\.id) == ["d-2", "d-1"])
            #expect(try await store.transaction { try await $0.deliveries(tenant: Fixtures.tenantA, state: .pending, limit: 10) } == [later])
            #expect(try await store.transaction { try await $0.deleteSubscription(id: "sub-1", tenant: Fixtures.tenantB) } == false)
            #expect(try await store.transaction { try await $0.deleteSubscription(id: "sub-1", tenant: Fixtures.tenantA) })
            #expect(try await store.transaction { try await $0.subscriptions(tenant: Fixtures.tenantA) }.first?.active == false)
            var foreign = update
            foreign.tenant = Fixtures.tenantB
            let foreignUpdate = foreign
            await #expect(throws: StoreError.notFound) {
                try await store.transaction { try await $0.updateDelivery(foreignUpdate) }
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func auditEntriesReadBackInOrderPerTenant(backend: TestBackend) async throws {
        try await backend.withStore { store in
            @Sendable func entry(_ tenant: TenantID, _ action: String) -> AuditEntry {
                AuditEntry(tenant: tenant, actor: "key_1", action: action, target: "x", requestID: action == "b" ? nil : "req",
                           outcome: "ok", occurredAt: Fixtures.t0)
            }
            try await store.transaction { transaction in
                for (tenant, action) in [(Fixtures.tenantA, "a"), (Fixtures.tenantB, "z"), (Fixtures.tenantA, "b"), (Fixtures.tenantA, "c")] {
                    try await transaction.appendAudit(entry(tenant, action))
                }
            }
            let all = try await store.transaction { try await $0.auditEntries(tenant: Fixtures.tenantA, after: 0, limit: 10) }
            #expect(all.map(\.action) == ["a", "b", "c"])
            #expect(all[1].requestID == nil)
            let sequences = all.compactMap(\.sequence)
            #expect(sequences == sequences.sorted() && sequences.count == 3)
            let rest = try await store.transaction { try await $0.auditEntries(tenant: Fixtures.tenantA, after: sequences[0], limit: 1) }
            #expect(rest.map(\.action) == ["b"])
        }
    }
}
