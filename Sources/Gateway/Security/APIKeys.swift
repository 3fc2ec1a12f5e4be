import Crypto
import Foundation

/// Makes API keys: a random secret shown once, stored only as its SHA-256.
public enum APIKeys {
    /// A new key: the record to store and the secret to show once. Secrets look like `psk_<id>_<43 chars>`.
    public static func make(tenant: TenantID, name: String, scopes: Set<Scope>, now: Date)
        -> (record: APIKeyRecord, secret: String)
    {
        let id = "key_" + randomToken(bytes: 6)
        let secret = "psk_\(id.dropFirst(4))_" + randomToken(bytes: 32)
        let record = APIKeyRecord(
            id: id, tenant: tenant, name: name, secretSHA256: Hashing.sha256Hex(Array(secret.utf8)), scopes: scopes,
            createdAt: now)
        return (record, secret)
    }

    /// The SHA-256 a presented secret is looked up by.
    public static func lookupHash(of secret: String) -> String {
        Hashing.sha256Hex(Array(secret.utf8))
    }

    /// URL-safe base64 without padding of random bytes from the system's CSPRNG.
    public static func randomToken(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// First start: makes the default tenant and its first admin key when the database has no tenant.
public struct Bootstrap: Sendable {
    public var store: any GatewayStore
    public var clock: any GatewayClock

    public init(store: any GatewayStore, clock: any GatewayClock = SystemClock()) {
        self.store = store
        self.clock = clock
    }

    /// The admin secret when a first tenant was just made (to print once), nil when tenants already existed.
    public func ensureFirstTenant(id: TenantID = TenantID("default"), name: String = "Default")
        async throws -> String?
    {
        let now = clock.now()
        return try await store.transaction { transaction in
            guard try await transaction.tenants().isEmpty else { return nil }
            try await transaction.insertTenant(Tenant(id: id, name: name, createdAt: now))
            let (record, secret) = APIKeys.make(tenant: id, name: "first admin key", scopes: Set(Scope.allCases),
                                                now: now)
            try await transaction.insertAPIKey(record)
            try await transaction.appendAudit(AuditEntry(
                tenant: id, actor: "system", action: "apikey.create", target: record.id, requestID: nil,
                outcome: "first start", occurredAt: now))
            return secret
        }
    }
}
