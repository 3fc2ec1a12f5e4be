import Foundation
import Gateway

/// A pipeline job.
struct JobDTO: Encodable, Sendable {
    var id: String
    /// `check`, `render`, `dispatch` or `webhook`.
    var kind: String
    var invoiceID: String?
    /// `pending`, `running`, `done` or `parked`.
    var state: String
    var attempts: Int
    var maxAttempts: Int
    var runAt: Date
    /// The last failure, or why it was parked.
    var lastError: String?
    var createdAt: Date
    var updatedAt: Date

    init(_ job: Job) {
        id = job.id.rawValue
        kind = job.kind.rawValue
        invoiceID = job.invoiceID?.rawValue
        state = job.state.rawValue
        attempts = job.attempts
        maxAttempts = job.maxAttempts
        runAt = job.runAt
        lastError = job.lastError
        createdAt = job.createdAt
        updatedAt = job.updatedAt
    }
}

/// One line of the audit log.
struct AuditEntryDTO: Encodable, Sendable {
    var sequence: Int64?
    /// The API key id or token subject; `system` for the gateway itself.
    var actor: String
    /// e.g. `invoice.create`, `customer.upsert`, `apikey.revoke`.
    var action: String
    var target: String
    var requestID: String?
    var outcome: String
    var occurredAt: Date

    init(_ entry: AuditEntry) {
        sequence = entry.sequence
        actor = entry.actor
        action = entry.action
        target = entry.target
        requestID = entry.requestID
        outcome = entry.outcome
        occurredAt = entry.occurredAt
    }
}

/// An API key; `secret` only in the answer that creates it.
struct APIKeyDTO: Encodable, Sendable {
    var id: String
    var name: String
    var scopes: [String]
    var rateLimitPerSecond: Int?
    var createdAt: Date
    var revokedAt: Date?
    /// The key to send as `Authorization: Bearer …`. Shown once: only its hash is kept.
    var secret: String?

    init(_ record: APIKeyRecord, secret: String? = nil) {
        id = record.id
        name = record.name
        scopes = record.scopes.map(\.rawValue).sorted()
        rateLimitPerSecond = record.rateLimitPerSecond
        createdAt = record.createdAt
        revokedAt = record.revokedAt
        self.secret = secret
    }
}

/// `POST /v1/api-keys`
struct APIKeyCreateRequest: StrictJSON {
    static let shape = JSONShape.leaves("name", "scopes", "rateLimitPerSecond")
    var name: String
    var scopes: [String]
    var rateLimitPerSecond: Int?
}
