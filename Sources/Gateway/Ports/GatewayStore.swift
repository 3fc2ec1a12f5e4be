import Foundation

/// The gateway's database, as the Gateway sees it. `GatewayStorage` fills it for SQLite and PostgreSQL with one
/// schema and one query layer.
///
/// Everything goes through ``transaction(_:)``: its body sees one transaction, committed when the body returns and
/// rolled back when it throws. A state change and its event are always written in the same transaction.
public protocol GatewayStore: Sendable {
    /// Runs `body` in one transaction. Retries nothing: a conflict surfaces as ``StoreError``.
    func transaction<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result

    /// Runs `body` in a read-only transaction: one consistent view, and any write in it fails. On SQLite it runs on
    /// a reader connection and does not queue behind writers. Use it for transactions that only read.
    func read<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result

    /// Creates or upgrades the schema (versioned migrations, run at start-up; safe to run from several nodes).
    func migrate() async throws

    /// A short description for logs: `sqlite:/path/passerelle.db` or `postgresql://host:port/db` (no password).
    var displayName: String { get }

    /// Releases connections. The store is unusable afterwards.
    func shutdown() async throws
}

extension GatewayStore {
    /// Stores without a separate read path run reads as ordinary transactions.
    public func read<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await transaction(body)
    }
}

/// Everything a transaction can do.
public protocol StoreTransaction: InvoiceStore, MasterDataStore, JobStore, ChangeFeedStore, CredentialStore,
    WebhookStore, AuditStore, AuditTrailStore, LifecycleStore, IntakeBatchStore {}

/// Why a store operation failed, in terms the Gateway can act on.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A unique constraint refused the write; `constraint` names which (e.g. `invoice-idempotency-key`,
    /// `invoice-document-key`, `event-dedup-key`).
    case duplicate(constraint: String)
    /// The row changed since it was read: the caller's version is not the current one.
    case stale(currentVersion: Int)
    /// The row to change does not exist (in this tenant).
    case notFound
    /// The database could not be reached or failed; the message is for logs, never for API clients.
    case unavailable(String)

    public var description: String {
        switch self {
        case .duplicate(let constraint): "duplicate (\(constraint))"
        case .stale(let version): "stale write (current version \(version))"
        case .notFound: "not found"
        case .unavailable(let message): "database unavailable: \(message)"
        }
    }
}
