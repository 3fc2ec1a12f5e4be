import Foundation

/// The steps of the pipeline. Each one is a job in the database.
public enum JobKind: String, Sendable, Codable, CaseIterable {
    /// Catalogue checks and EN 16931 / BR-FR rules.
    case check
    /// Make the documents to send (CII, UBL, Factur-X) and store them.
    case render
    /// Put the invoice's stored documents that are not archived yet into the legal archive (after render; may be
    /// queued again later for documents added afterwards).
    case archive
    /// Hand the invoice to the dispatch port (a platform, or hold).
    case dispatch
    /// Deliver one webhook to the ERP.
    case webhook
    /// Fetch a lifecycle flow a platform announced and take its status in (``PlatformStatusInbox``).
    case platformStatus

    /// Attempts before a job of this kind is parked, unless its creator says otherwise. Steps that wait on a
    /// platform are store-and-forward: with the backoff capped at 5 min, 48 attempts keep retrying a dispatch
    /// through a platform outage of about 3.5 hours before an operator is needed.
    public var defaultMaxAttempts: Int {
        switch self {
        case .dispatch: 48
        case .platformStatus: 24
        case .check, .render, .archive, .webhook: 8
        }
    }
}

/// Where a job is.
public enum JobState: String, Sendable, Codable, CaseIterable {
    /// Waiting for its `runAt` time.
    case pending
    /// Claimed by a worker whose lease has not expired.
    case running
    case done
    /// Failed too often; kept with its reason until replayed.
    case parked
}

/// A job to create.
public struct NewJob: Hashable, Sendable {
    public var id: JobID
    public var tenant: TenantID
    public var kind: JobKind
    /// The invoice the job works on, when it is an invoice step.
    public var invoiceID: InvoiceID?
    /// Kind-specific input as JSON (e.g. the webhook delivery id).
    public var payloadJSON: String?
    public var runAt: Date
    /// At most this many attempts before the job is parked.
    public var maxAttempts: Int

    public init(id: JobID = .make(), tenant: TenantID, kind: JobKind, invoiceID: InvoiceID? = nil,
                payloadJSON: String? = nil, runAt: Date, maxAttempts: Int? = nil) {
        self.id = id
        self.tenant = tenant
        self.kind = kind
        self.invoiceID = invoiceID
        self.payloadJSON = payloadJSON
        self.runAt = runAt
        self.maxAttempts = maxAttempts ?? kind.defaultMaxAttempts
    }
}

/// A job as stored.
public struct Job: Hashable, Sendable {
    public var id: JobID
    public var tenant: TenantID
    public var kind: JobKind
    public var invoiceID: InvoiceID?
    public var payloadJSON: String?
    public var state: JobState
    /// Attempts started so far (a claim counts as an attempt).
    public var attempts: Int
    public var maxAttempts: Int
    public var runAt: Date
    /// The worker that holds the lease while `running`.
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
    /// The last failure, or the reason it was parked.
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: JobID, tenant: TenantID, kind: JobKind, invoiceID: InvoiceID?, payloadJSON: String?,
                state: JobState, attempts: Int, maxAttempts: Int, runAt: Date, leaseOwner: String?,
                leaseExpiresAt: Date?, lastError: String?, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.tenant = tenant
        self.kind = kind
        self.invoiceID = invoiceID
        self.payloadJSON = payloadJSON
        self.state = state
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.runAt = runAt
        self.leaseOwner = leaseOwner
        self.leaseExpiresAt = leaseExpiresAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
