import Gateway

/// Short-lived memory of API key lookups, so that authenticating does not hit the database on every request.
///
/// A key revoked through any node is refused by every node at most ``lifetime`` later (5 s by default,
/// `auth.key_cache`). Unknown secrets are not remembered: a key created a moment ago works at once.
actor CredentialCache {
    private struct Entry<Value> {
        var value: Value
        var fetchedAt: ContinuousClock.Instant
    }

    let store: any GatewayStore
    let lifetime: Duration
    private let clock = ContinuousClock()
    private var bySecret: [String: Entry<APIKeyRecord>] = [:]
    private var byTenant: [TenantID: Entry<[APIKeyRecord]>] = [:]
    private let capacity = 10_000

    init(store: any GatewayStore, lifetime: Duration) {
        self.store = store
        self.lifetime = lifetime
    }

    /// The key whose secret has this SHA-256, revoked or not; nil when unknown.
    func key(secretSHA256 hash: String) async throws -> APIKeyRecord? {
        let now = clock.now
        if let entry = bySecret[hash], now - entry.fetchedAt < lifetime { return entry.value }
        let record = try await store.transaction { transaction in
            try await transaction.apiKey(secretSHA256: hash)
        }
        guard let record else {
            bySecret[hash] = nil
            return nil
        }
        if bySecret.count >= capacity { bySecret.removeAll(keepingCapacity: true) }
        if lifetime > .zero { bySecret[hash] = Entry(value: record, fetchedAt: now) }
        return record
    }

    /// The key with this id in the tenant (for access tokens, which name the key they were issued to).
    func key(id: String, tenant: TenantID) async throws -> APIKeyRecord? {
        let now = clock.now
        if let entry = byTenant[tenant], now - entry.fetchedAt < lifetime {
            return entry.value.first { $0.id == id }
        }
        let records = try await store.transaction { transaction in
            try await transaction.apiKeys(tenant: tenant)
        }
        if byTenant.count >= capacity { byTenant.removeAll(keepingCapacity: true) }
        if lifetime > .zero { byTenant[tenant] = Entry(value: records, fetchedAt: now) }
        return records.first { $0.id == id }
    }
}
