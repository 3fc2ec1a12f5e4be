import Foundation
import Gateway
import SQLKit

extension SQLStoreTransaction {
    static let subscriptionColumns = "tenant_id, subscription_id, url, event_types_json, secret, active, created_at"
    static let deliveryColumns = """
        tenant_id, delivery_id, subscription_id, event_type, body, state, attempts, last_status_code, last_error, \
        created_at, updated_at
        """

    func insertSubscription(_ subscription: WebhookSubscription) async throws {
        try await run("""
            INSERT INTO webhook_subscriptions (\(unsafeRaw: Self.subscriptionColumns)) VALUES (\
            \(bind: subscription.tenant.rawValue), \(bind: subscription.id), \(bind: subscription.url), \
            \(bind: try StoredValues.json(subscription.eventTypes.sorted())), \(bind: subscription.secret), \
            \(bind: subscription.active), \(bind: StoredValues.milliseconds(subscription.createdAt)))
            """, "insert webhook subscription")
    }

    func subscriptions(tenant: TenantID) async throws -> [WebhookSubscription] {
        try await rows("""
            SELECT \(unsafeRaw: Self.subscriptionColumns) FROM webhook_subscriptions
            WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY created_at, subscription_id
            """, "list webhook subscriptions").map { row in
            let reader = RowReader(row, "webhook_subscriptions")
            return WebhookSubscription(
                id: try reader.string("subscription_id"), tenant: TenantID(try reader.string("tenant_id")),
                url: try reader.string("url"),
                eventTypes: Set(try StoredValues.decodeJSON(
                    [String].self, from: try reader.string("event_types_json"), what: "webhook event types")),
                secret: try reader.string("secret"), active: try reader.bool("active"),
                createdAt: try reader.date("created_at"))
        }
    }

    func deleteSubscription(id: String, tenant: TenantID) async throws -> Bool {
        try await !rows("""
            UPDATE webhook_subscriptions SET active = \(bind: false)
            WHERE tenant_id = \(bind: tenant.rawValue) AND subscription_id = \(bind: id) RETURNING subscription_id
            """, "deactivate webhook subscription").isEmpty
    }

    func insertDelivery(_ delivery: WebhookDelivery) async throws {
        try await run("""
            INSERT INTO webhook_deliveries (\(unsafeRaw: Self.deliveryColumns)) VALUES (\
            \(bind: delivery.tenant.rawValue), \(bind: delivery.id), \(bind: delivery.subscriptionID), \
            \(bind: delivery.eventType), \(bind: Data(delivery.body)), \(bind: delivery.state.rawValue), \
            \(bind: delivery.attempts), \(bind: delivery.lastStatusCode), \(bind: delivery.lastError), \
            \(bind: StoredValues.milliseconds(delivery.createdAt)), \(bind: StoredValues.milliseconds(delivery.updatedAt)))
            """, "insert webhook delivery")
    }

    func delivery(id: String, tenant: TenantID) async throws -> WebhookDelivery? {
        try await rows("""
            SELECT \(unsafeRaw: Self.deliveryColumns) FROM webhook_deliveries
            WHERE tenant_id = \(bind: tenant.rawValue) AND delivery_id = \(bind: id)
            """, "read webhook delivery").first.map(Self.delivery)
    }

    /// Replaces the delivery's state, attempts and last result; throws ``StoreError/notFound`` when the tenant has
    /// no such delivery.
    func updateDelivery(_ delivery: WebhookDelivery) async throws {
        let updated = try await rows("""
            UPDATE webhook_deliveries SET state = \(bind: delivery.state.rawValue), \
            attempts = \(bind: delivery.attempts), last_status_code = \(bind: delivery.lastStatusCode), \
            last_error = \(bind: delivery.lastError), updated_at = \(bind: StoredValues.milliseconds(delivery.updatedAt))
            WHERE tenant_id = \(bind: delivery.tenant.rawValue) AND delivery_id = \(bind: delivery.id)
            RETURNING delivery_id
            """, "update webhook delivery")
        if updated.isEmpty { throw StoreError.notFound }
    }

    func deliveries(tenant: TenantID, state: WebhookDeliveryState?, limit: Int) async throws -> [WebhookDelivery] {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.deliveryColumns) FROM webhook_deliveries WHERE tenant_id = \(bind: tenant.rawValue)
            """
        if let state { query += " AND state = \(bind: state.rawValue)" }
        query += " ORDER BY created_at DESC, delivery_id DESC LIMIT \(bind: max(0, limit))"
        return try await rows(query, "list webhook deliveries").map(Self.delivery)
    }

    static func delivery(_ row: any SQLRow) throws -> WebhookDelivery {
        let reader = RowReader(row, "webhook_deliveries")
        return WebhookDelivery(
            id: try reader.string("delivery_id"), tenant: TenantID(try reader.string("tenant_id")),
            subscriptionID: try reader.string("subscription_id"), eventType: try reader.string("event_type"),
            body: try reader.bytes("body"), state: try reader.enumeration("state"),
            attempts: try reader.int("attempts"), lastStatusCode: try reader.optionalInt("last_status_code"),
            lastError: try reader.optionalString("last_error"), createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at"))
    }
}
