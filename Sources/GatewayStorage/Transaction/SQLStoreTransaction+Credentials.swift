import Foundation
import Gateway
import SQLKit

/// Tenants and API keys. `tenants()` and `apiKey(secretSHA256:)` are the two cross-tenant reads: start-up and
/// authentication happen before a tenant is known.
extension SQLStoreTransaction {
    static let apiKeyColumns = """
        tenant_id, key_id, name, secret_sha256, scopes, rate_limit_per_second, created_at, revoked_at
        """

    func insertTenant(_ tenant: Tenant) async throws {
        try await run("""
            INSERT INTO tenants (tenant_id, name, settings_json, created_at) VALUES (\(bind: tenant.id.rawValue), \
            \(bind: tenant.name), \(bind: try StoredValues.json(tenant.settings)), \
            \(bind: StoredValues.milliseconds(tenant.createdAt)))
            """, "insert tenant")
    }

    func tenant(_ id: TenantID) async throws -> Tenant? {
        try await rows("""
            SELECT tenant_id, name, settings_json, created_at FROM tenants WHERE tenant_id = \(bind: id.rawValue)
            """, "read tenant").first.map(Self.tenant)
    }

    func tenants() async throws -> [Tenant] {
        try await rows("SELECT tenant_id, name, settings_json, created_at FROM tenants ORDER BY tenant_id",
                       "list tenants").map(Self.tenant)
    }

    func updateTenantSettings(_ id: TenantID, settings: TenantSettings) async throws {
        let updated = try await rows("""
            UPDATE tenants SET settings_json = \(bind: try StoredValues.json(settings))
            WHERE tenant_id = \(bind: id.rawValue) RETURNING tenant_id
            """, "update tenant settings")
        if updated.isEmpty { throw StoreError.notFound }
    }

    func insertAPIKey(_ key: APIKeyRecord) async throws {
        try await run("""
            INSERT INTO api_keys (\(unsafeRaw: Self.apiKeyColumns)) VALUES (\(bind: key.tenant.rawValue), \
            \(bind: key.id), \(bind: key.name), \(bind: key.secretSHA256), \
            \(bind: StoredValues.scopesText(key.scopes)), \(bind: key.rateLimitPerSecond), \
            \(bind: StoredValues.milliseconds(key.createdAt)), \(bind: key.revokedAt.map(StoredValues.milliseconds)))
            """, "insert API key")
    }

    func apiKey(secretSHA256: String) async throws -> APIKeyRecord? {
        try await rows("""
            SELECT \(unsafeRaw: Self.apiKeyColumns) FROM api_keys WHERE secret_sha256 = \(bind: secretSHA256)
            """, "read API key").first.map(Self.apiKey)
    }

    func apiKeys(tenant: TenantID) async throws -> [APIKeyRecord] {
        try await rows("""
            SELECT \(unsafeRaw: Self.apiKeyColumns) FROM api_keys WHERE tenant_id = \(bind: tenant.rawValue)
            ORDER BY created_at, key_id
            """, "list API keys").map(Self.apiKey)
    }

    /// Keeps the first revocation time when the key was already revoked.
    func revokeAPIKey(id: String, tenant: TenantID, at: Date) async throws -> Bool {
        try await !rows("""
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, \(bind: StoredValues.milliseconds(at)))
            WHERE tenant_id = \(bind: tenant.rawValue) AND key_id = \(bind: id) RETURNING key_id
            """, "revoke API key").isEmpty
    }

    static func tenant(_ row: any SQLRow) throws -> Tenant {
        let reader = RowReader(row, "tenants")
        return Tenant(
            id: TenantID(try reader.string("tenant_id")), name: try reader.string("name"),
            settings: try StoredValues.decodeJSON(
                TenantSettings.self, from: try reader.string("settings_json"), what: "tenant settings"),
            createdAt: try reader.date("created_at"))
    }

    static func apiKey(_ row: any SQLRow) throws -> APIKeyRecord {
        let reader = RowReader(row, "api_keys")
        return APIKeyRecord(
            id: try reader.string("key_id"), tenant: TenantID(try reader.string("tenant_id")),
            name: try reader.string("name"), secretSHA256: try reader.string("secret_sha256"),
            scopes: StoredValues.scopes(try reader.string("scopes")),
            rateLimitPerSecond: try reader.optionalInt("rate_limit_per_second"),
            createdAt: try reader.date("created_at"), revokedAt: try reader.optionalDate("revoked_at"))
    }
}
