import Foundation
import Gateway

/// Forwards every call to the real transaction and notes the ones ``InstrumentedStore`` counts.
struct InstrumentedTransaction: StoreTransaction {
    let base: any StoreTransaction
    let tally: TransactionTally
    let claimedKinds: ClaimedKinds

    // MARK: Invoices

    func insertInvoice(_ invoice: InvoiceRecord) async throws {
        try await base.insertInvoice(invoice)
        tally.note(.received)
    }
    func invoice(_ id: InvoiceID, tenant: TenantID) async throws -> InvoiceRecord? {
        try await base.invoice(id, tenant: tenant)
    }
    func invoice(idempotencyKey: String, tenant: TenantID) async throws -> InvoiceRecord? {
        try await base.invoice(idempotencyKey: idempotencyKey, tenant: tenant)
    }
    func invoice(documentKey: DocumentKey, tenant: TenantID) async throws -> InvoiceRecord? {
        try await base.invoice(documentKey: documentKey, tenant: tenant)
    }
    func updateInvoice(_ invoice: InvoiceRecord, expectedVersion: Int) async throws {
        try await base.updateInvoice(invoice, expectedVersion: expectedVersion)
    }
    func invoices(tenant: TenantID, filter: InvoiceFilter, after cursor: InvoiceCursor?, limit: Int) async throws
        -> [InvoiceRecord]
    {
        try await base.invoices(tenant: tenant, filter: filter, after: cursor, limit: limit)
    }
    func invoiceCountsByState(tenant: TenantID, batchID: String?) async throws -> [InvoiceState: Int] {
        try await base.invoiceCountsByState(tenant: tenant, batchID: batchID)
    }
    @discardableResult
    func appendEvent(_ event: InvoiceEvent) async throws -> InvoiceEvent {
        try await base.appendEvent(event)
    }
    func events(invoice: InvoiceID, tenant: TenantID) async throws -> [InvoiceEvent] {
        try await base.events(invoice: invoice, tenant: tenant)
    }
    func putDocument(_ document: StoredDocument) async throws {
        try await base.putDocument(document)
    }
    func document(invoice: InvoiceID, kind: DocumentKind, tenant: TenantID) async throws -> StoredDocument? {
        try await base.document(invoice: invoice, kind: kind, tenant: tenant)
    }

    // MARK: Master data

    func masterRecord(_ kind: MasterDataKind, code: String, tenant: TenantID) async throws -> MasterRecord? {
        try await base.masterRecord(kind, code: code, tenant: tenant)
    }
    func masterRecords(_ kind: MasterDataKind, codes: [String], tenant: TenantID) async throws -> [MasterRecord] {
        try await base.masterRecords(kind, codes: codes, tenant: tenant)
    }
    func masterRecords(_ kind: MasterDataKind, tenant: TenantID, after code: String?, limit: Int) async throws
        -> [MasterRecord]
    {
        try await base.masterRecords(kind, tenant: tenant, after: code, limit: limit)
    }
    func upsertMasterRecord(_ record: MasterRecord, expectedVersion: Int?) async throws -> MasterRecord {
        try await base.upsertMasterRecord(record, expectedVersion: expectedVersion)
    }

    // MARK: Jobs

    func enqueue(_ job: NewJob) async throws {
        try await base.enqueue(job)
    }
    func claimJobs(owner: String, limit: Int, now: Date, leaseUntil: Date) async throws -> [Job] {
        let jobs = try await base.claimJobs(owner: owner, limit: limit, now: now, leaseUntil: leaseUntil)
        claimedKinds.remember(jobs)
        return jobs
    }
    func completeJob(_ id: JobID, owner: String, now: Date) async throws -> Bool {
        let done = try await base.completeJob(id, owner: owner, now: now)
        if done { tally.note(.completed(id)) }
        return done
    }
    func retryJob(_ id: JobID, owner: String, runAt: Date, error: String, now: Date) async throws -> Bool {
        let retried = try await base.retryJob(id, owner: owner, runAt: runAt, error: error, now: now)
        if retried { tally.note(.failed(id)) }
        return retried
    }
    func parkJob(_ id: JobID, owner: String, reason: String, now: Date) async throws -> Bool {
        let parked = try await base.parkJob(id, owner: owner, reason: reason, now: now)
        if parked { tally.note(.parked(id)) }
        return parked
    }
    func replayJob(_ id: JobID, tenant: TenantID, now: Date) async throws -> Bool {
        try await base.replayJob(id, tenant: tenant, now: now)
    }
    func job(_ id: JobID, tenant: TenantID) async throws -> Job? {
        try await base.job(id, tenant: tenant)
    }
    func jobs(tenant: TenantID, state: JobState?, limit: Int) async throws -> [Job] {
        try await base.jobs(tenant: tenant, state: state, limit: limit)
    }
    func jobs(invoice: InvoiceID, tenant: TenantID) async throws -> [Job] {
        try await base.jobs(invoice: invoice, tenant: tenant)
    }

    // MARK: Change feed

    @discardableResult
    func appendChange(tenant: TenantID, subject: ChangeSubject, key: String, version: Int, change: String,
                      at: Date) async throws -> ChangeEntry
    {
        try await base.appendChange(tenant: tenant, subject: subject, key: key, version: version, change: change, at: at)
    }
    func changes(tenant: TenantID, after: Int64, limit: Int) async throws -> [ChangeEntry] {
        try await base.changes(tenant: tenant, after: after, limit: limit)
    }

    // MARK: Credentials

    func insertTenant(_ tenant: Tenant) async throws {
        try await base.insertTenant(tenant)
    }
    func tenant(_ id: TenantID) async throws -> Tenant? {
        try await base.tenant(id)
    }
    func tenants() async throws -> [Tenant] {
        try await base.tenants()
    }
    func updateTenantSettings(_ id: TenantID, settings: TenantSettings) async throws {
        try await base.updateTenantSettings(id, settings: settings)
    }
    func insertAPIKey(_ key: APIKeyRecord) async throws {
        try await base.insertAPIKey(key)
    }
    func apiKey(secretSHA256: String) async throws -> APIKeyRecord? {
        try await base.apiKey(secretSHA256: secretSHA256)
    }
    func apiKeys(tenant: TenantID) async throws -> [APIKeyRecord] {
        try await base.apiKeys(tenant: tenant)
    }
    func revokeAPIKey(id: String, tenant: TenantID, at: Date) async throws -> Bool {
        try await base.revokeAPIKey(id: id, tenant: tenant, at: at)
    }

    // MARK: Webhooks

    func insertSubscription(_ subscription: WebhookSubscription) async throws {
        try await base.insertSubscription(subscription)
    }
    func subscriptions(tenant: TenantID) async throws -> [WebhookSubscription] {
        try await base.subscriptions(tenant: tenant)
    }
    func deleteSubscription(id: String, tenant: TenantID) async throws -> Bool {
        try await base.deleteSubscription(id: id, tenant: tenant)
    }
    func insertDelivery(_ delivery: WebhookDelivery) async throws {
        try await base.insertDelivery(delivery)
    }
    func delivery(id: String, tenant: TenantID) async throws -> WebhookDelivery? {
        try await base.delivery(id: id, tenant: tenant)
    }
    func updateDelivery(_ delivery: WebhookDelivery) async throws {
        try await base.updateDelivery(delivery)
    }
    func deliveries(tenant: TenantID, state: WebhookDeliveryState?, limit: Int) async throws -> [WebhookDelivery] {
        try await base.deliveries(tenant: tenant, state: state, limit: limit)
    }

    // MARK: Audit

    func appendAudit(_ entry: AuditEntry) async throws {
        try await base.appendAudit(entry)
    }
    func auditEntries(tenant: TenantID, after: Int64, limit: Int) async throws -> [AuditEntry] {
        try await base.auditEntries(tenant: tenant, after: after, limit: limit)
    }
}
