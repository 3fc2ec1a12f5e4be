import Foundation

/// Invoices, their events and documents. Every call is scoped by tenant.
public protocol InvoiceStore: Sendable {
    /// Throws ``StoreError/duplicate(constraint:)`` with `invoice-idempotency-key` when the tenant already has an
    /// invoice with this idempotency key, or `invoice-document-key` when it has a non-rejected invoice with this
    /// ``DocumentKey`` (a rejected invoice frees its number so the corrected one can be sent).
    func insertInvoice(_ invoice: InvoiceRecord) async throws
    func invoice(_ id: InvoiceID, tenant: TenantID) async throws -> InvoiceRecord?
    func invoice(idempotencyKey: String, tenant: TenantID) async throws -> InvoiceRecord?
    /// The non-rejected invoice with this key, if any.
    func invoice(documentKey: DocumentKey, tenant: TenantID) async throws -> InvoiceRecord?
    /// Replaces the record when its stored version is `expectedVersion`, storing `invoice.version` (the caller
    /// increments it); else throws ``StoreError/stale(currentVersion:)`` (or `.notFound`).
    func updateInvoice(_ invoice: InvoiceRecord, expectedVersion: Int) async throws
    /// Invoices matching `filter`, ordered by (createdAt, id), strictly after `cursor`, at most `limit`.
    func invoices(tenant: TenantID, filter: InvoiceFilter, after cursor: InvoiceCursor?, limit: Int) async throws
        -> [InvoiceRecord]
    /// How many invoices of the tenant are in each state (for progress and metrics); optionally for one batch.
    func invoiceCountsByState(tenant: TenantID, batchID: String?) async throws -> [InvoiceState: Int]

    /// Appends an event and returns it with its sequence. Throws ``StoreError/duplicate(constraint:)``
    /// (`event-dedup-key`) when the invoice already has an event with this dedup key.
    @discardableResult
    func appendEvent(_ event: InvoiceEvent) async throws -> InvoiceEvent
    /// The invoice's events in order.
    func events(invoice: InvoiceID, tenant: TenantID) async throws -> [InvoiceEvent]

    /// Stores a document, replacing the invoice's previous document of the same kind.
    func putDocument(_ document: StoredDocument) async throws
    func document(invoice: InvoiceID, kind: DocumentKind, tenant: TenantID) async throws -> StoredDocument?
}

/// Master data, stored generically by kind and code, versioned.
public protocol MasterDataStore: Sendable {
    func masterRecord(_ kind: MasterDataKind, code: String, tenant: TenantID) async throws -> MasterRecord?
    /// The records with these codes that exist (any order).
    func masterRecords(_ kind: MasterDataKind, codes: [String], tenant: TenantID) async throws -> [MasterRecord]
    /// All records of a kind, ordered by code, strictly after `code`, at most `limit`.
    func masterRecords(_ kind: MasterDataKind, tenant: TenantID, after code: String?, limit: Int) async throws
        -> [MasterRecord]
    /// Inserts or replaces. With `expectedVersion`, the write happens only when the stored version equals it
    /// (`0` = must not exist yet), else ``StoreError/stale(currentVersion:)``. The stored version becomes the old
    /// one + 1 (1 for a new record); the record as stored is returned.
    func upsertMasterRecord(_ record: MasterRecord, expectedVersion: Int?) async throws -> MasterRecord
}

/// The durable job queue of the pipeline.
public protocol JobStore: Sendable {
    func enqueue(_ job: NewJob) async throws
    /// Claims up to `limit` jobs that are pending and due (`runAt <= now`), or running with an expired lease,
    /// oldest `runAt` first: sets them running, leased to `owner` until `leaseUntil`, attempts + 1.
    /// On PostgreSQL several nodes claim concurrently without waiting on each other (`FOR UPDATE SKIP LOCKED`).
    func claimJobs(owner: String, limit: Int, now: Date, leaseUntil: Date) async throws -> [Job]
    /// Marks the job done if `owner` still holds its lease; false when the lease was lost (the caller must then
    /// roll back its transaction: another worker owns the job).
    func completeJob(_ id: JobID, owner: String, now: Date) async throws -> Bool
    /// Puts the job back to pending for `runAt`, recording the error; false when the lease was lost.
    func retryJob(_ id: JobID, owner: String, runAt: Date, error: String, now: Date) async throws -> Bool
    /// Parks the job with its reason; false when the lease was lost.
    func parkJob(_ id: JobID, owner: String, reason: String, now: Date) async throws -> Bool
    /// Sets a parked job pending again with its attempts reset; false when it is not parked (or not the tenant's).
    func replayJob(_ id: JobID, tenant: TenantID, now: Date) async throws -> Bool
    func job(_ id: JobID, tenant: TenantID) async throws -> Job?
    /// The tenant's jobs in a state (nil = any), newest first.
    func jobs(tenant: TenantID, state: JobState?, limit: Int) async throws -> [Job]
    /// The jobs of an invoice, oldest first.
    func jobs(invoice: InvoiceID, tenant: TenantID) async throws -> [Job]
}

/// The change feed the ERP pulls.
public protocol ChangeFeedStore: Sendable {
    /// Appends an entry; the store assigns the sequence. A reader that has seen sequence N never misses an entry
    /// that commits later with a sequence below N (the store serialises appends per tenant).
    @discardableResult
    func appendChange(tenant: TenantID, subject: ChangeSubject, key: String, version: Int, change: String,
                      at: Date) async throws -> ChangeEntry
    /// Entries with a sequence greater than `after`, in order, at most `limit`.
    func changes(tenant: TenantID, after: Int64, limit: Int) async throws -> [ChangeEntry]
}

/// Tenants and API keys.
public protocol CredentialStore: Sendable {
    func insertTenant(_ tenant: Tenant) async throws
    func tenant(_ id: TenantID) async throws -> Tenant?
    func tenants() async throws -> [Tenant]
    func updateTenantSettings(_ id: TenantID, settings: TenantSettings) async throws
    func insertAPIKey(_ key: APIKeyRecord) async throws
    /// Looks a key up by the SHA-256 of its secret, across tenants (authentication happens before the tenant is
    /// known).
    func apiKey(secretSHA256: String) async throws -> APIKeyRecord?
    func apiKeys(tenant: TenantID) async throws -> [APIKeyRecord]
    /// Sets `revokedAt`; false when the key is not the tenant's.
    func revokeAPIKey(id: String, tenant: TenantID, at: Date) async throws -> Bool
}

/// Webhook subscriptions and deliveries.
public protocol WebhookStore: Sendable {
    func insertSubscription(_ subscription: WebhookSubscription) async throws
    func subscriptions(tenant: TenantID) async throws -> [WebhookSubscription]
    /// Deactivates; false when not the tenant's.
    func deleteSubscription(id: String, tenant: TenantID) async throws -> Bool
    func insertDelivery(_ delivery: WebhookDelivery) async throws
    func delivery(id: String, tenant: TenantID) async throws -> WebhookDelivery?
    func updateDelivery(_ delivery: WebhookDelivery) async throws
    /// The tenant's deliveries in a state (nil = any), newest first.
    func deliveries(tenant: TenantID, state: WebhookDeliveryState?, limit: Int) async throws -> [WebhookDelivery]
}

/// The audit log of API actions.
public protocol AuditStore: Sendable {
    func appendAudit(_ entry: AuditEntry) async throws
    /// Entries with a sequence greater than `after`, in order.
    func auditEntries(tenant: TenantID, after: Int64, limit: Int) async throws -> [AuditEntry]
}
