import Gateway

/// Who is calling: the tenant, the API key or token subject, and what it may do.
public struct Principal: Sendable, Hashable {
    public var tenant: TenantID
    /// The API key id or the token's subject, recorded in the audit log and in events.
    public var actor: String
    public var scopes: Set<Scope>
    /// Requests per second for this caller; nil = the server default.
    public var rateLimitPerSecond: Int?

    public init(tenant: TenantID, actor: String, scopes: Set<Scope>, rateLimitPerSecond: Int? = nil) {
        self.tenant = tenant
        self.actor = actor
        self.scopes = scopes
        self.rateLimitPerSecond = rateLimitPerSecond
    }

    /// `admin` implies every other scope of its tenant.
    public func allows(_ scope: Scope) -> Bool {
        scopes.contains(scope) || scopes.contains(.admin)
    }
}
