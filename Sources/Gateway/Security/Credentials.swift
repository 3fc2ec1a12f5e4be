import Foundation

/// What an API key or token may do.
public enum Scope: String, Sendable, Codable, CaseIterable, Comparable {
    case invoicesWrite = "invoices:write"
    case invoicesRead = "invoices:read"
    case masterDataWrite = "masterdata:write"
    case masterDataRead = "masterdata:read"
    /// Manage keys, webhooks, settings and jobs of the tenant.
    case admin

    public static func < (lhs: Scope, rhs: Scope) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A tenant and its settings.
public struct Tenant: Hashable, Sendable {
    public var id: TenantID
    public var name: String
    public var settings: TenantSettings
    public var createdAt: Date

    public init(id: TenantID, name: String, settings: TenantSettings = TenantSettings(), createdAt: Date) {
        self.id = id
        self.name = name
        self.settings = settings
        self.createdAt = createdAt
    }
}

/// An API key as stored: never the secret itself, only its SHA-256.
public struct APIKeyRecord: Hashable, Sendable {
    /// Public part, shown in lists and logs (e.g. `key_3f9a…`).
    public var id: String
    public var tenant: TenantID
    /// A label chosen by the admin ("SAP production").
    public var name: String
    /// SHA-256 of the secret, lowercase hex. Keys are long random strings, so a fast hash is enough.
    public var secretSHA256: String
    public var scopes: Set<Scope>
    /// Requests per second allowed; nil = the server default.
    public var rateLimitPerSecond: Int?
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: String, tenant: TenantID, name: String, secretSHA256: String, scopes: Set<Scope>,
                rateLimitPerSecond: Int? = nil, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.tenant = tenant
        self.name = name
        self.secretSHA256 = secretSHA256
        self.scopes = scopes
        self.rateLimitPerSecond = rateLimitPerSecond
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }
}

/// One line of the audit log: who did what, on what, when.
public struct AuditEntry: Hashable, Sendable {
    public var sequence: Int64?
    public var tenant: TenantID
    /// The API key id or token subject; `system` for the gateway itself.
    public var actor: String
    /// e.g. `invoice.create`, `customer.upsert`, `apikey.revoke`, `job.replay`.
    public var action: String
    /// What was acted on (an invoice id, a customer code…).
    public var target: String
    /// The HTTP request id, to find the request in the logs.
    public var requestID: String?
    public var outcome: String
    public var occurredAt: Date

    public init(sequence: Int64? = nil, tenant: TenantID, actor: String, action: String, target: String,
                requestID: String?, outcome: String, occurredAt: Date) {
        self.sequence = sequence
        self.tenant = tenant
        self.actor = actor
        self.action = action
        self.target = target
        self.requestID = requestID
        self.outcome = outcome
        self.occurredAt = occurredAt
    }
}
