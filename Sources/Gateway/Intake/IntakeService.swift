import EInvoice
import Foundation

/// One invoice sent by the ERP.
public struct IntakeRequest: Sendable {
    public var tenant: TenantID
    public var payload: [UInt8]
    /// The ERP's `Idempotency-Key`: the same key with the same payload is the same request.
    public var idempotencyKey: String?
    /// Who sends it (an API key id, a file channel name).
    public var actor: String
    public var batchID: String?
    /// When set, a new invoice's audit entry (this action, e.g. `invoice.create`) is written in the intake's own
    /// transaction — for callers such as the API that must audit every write without a second transaction.
    public var auditAction: String?
    /// The HTTP request id, for the audit entry.
    public var requestID: String?
    /// The ERP's own reference of the invoice for lettering (its accounting entry or document number), shown in the
    /// reconciliation feed; optional (`Passerelle-ERP-Reference` on `POST /v1/invoices`).
    public var erpReference: String?

    public init(tenant: TenantID, payload: [UInt8], idempotencyKey: String? = nil, actor: String,
                batchID: String? = nil, auditAction: String? = nil, requestID: String? = nil,
                erpReference: String? = nil) {
        self.tenant = tenant
        self.payload = payload
        self.idempotencyKey = idempotencyKey
        self.actor = actor
        self.batchID = batchID
        self.auditAction = auditAction
        self.requestID = requestID
        self.erpReference = erpReference
    }
}

/// What intake did with a request.
public enum IntakeOutcome: Sendable, Equatable {
    /// A new invoice; its check job is queued.
    case created(InvoiceRecord)
    /// The same request (idempotency key or document key, same payload) was already taken: nothing new was made.
    case existing(InvoiceRecord)

    public var record: InvoiceRecord {
        switch self {
        case .created(let record), .existing(let record): record
        }
    }
}

/// Why intake refused a request.
public enum IntakeError: Error, Sendable, Equatable {
    /// The payload could not be read; the message says where and why.
    case unreadable(format: SourceFormat?, message: String)
    /// BT-1 or BT-2 is missing: without them the invoice has no identity.
    case missingIdentity(String)
    /// The idempotency key or the invoice number was used with another payload.
    case conflict(existing: InvoiceID, reason: String)
}

/// Takes invoices from the ERP: reads them, stores them with their original payload and queues their check, in one
/// transaction. A retried request never makes a second invoice.
public struct IntakeService: Sendable {
    public var store: any GatewayStore
    public var clock: any GatewayClock
    public var events: EventRecorder

    public init(store: any GatewayStore, clock: any GatewayClock = SystemClock()) {
        self.store = store
        self.clock = clock
        self.events = EventRecorder(clock: clock)
    }

    public func receive(_ request: IntakeRequest) async throws -> IntakeOutcome {
        try await receive(prepared: PreparedItem(request: request, prepared: try prepare(request, invoice: nil)))
    }

    /// Stores one read invoice in its own transaction.
    func receive(prepared item: PreparedItem) async throws -> IntakeOutcome {
        let (request, prepared) = (item.request, item.prepared)
        do {
            return try await insert(prepared.record, payload: request.payload, references: prepared.references,
                                    request: request)
        } catch StoreError.duplicate {
            // Lost a race with the same request: the winner's record is the answer.
            return try await store.transaction { transaction in
                try await existingOutcome(for: prepared.record, in: transaction) ?? .existing(prepared.record)
            }
        }
    }

    /// A request read into the invoice record intake stores.
    struct Prepared: Sendable {
        var record: InvoiceRecord
        var references: [InvoiceReference]
    }

    /// Reads the payload (unless the caller holds the invoice it encodes: then `invoice`, taken as JSON) and makes
    /// the record.
    func prepare(_ request: IntakeRequest, invoice given: Invoice?) throws(IntakeError) -> Prepared {
        let invoice: Invoice
        let format: SourceFormat
        if let given {
            (invoice, format) = (given, .json)
        } else {
            do {
                let decoded = try InvoicePayload.decode(request.payload)
                (invoice, format) = (decoded.invoice, decoded.format)
            } catch {
                throw IntakeError.unreadable(format: error.format, message: error.message)
            }
        }
        guard let documentKey = DocumentKey(invoice: invoice) else {
            throw IntakeError.missingIdentity(
                "the invoice needs a number (BT-1) and an issue date (BT-2) to be identified")
        }
        let now = clock.now()
        let record = InvoiceRecord(
            id: .make(), tenant: request.tenant, state: .received, documentKey: documentKey,
            idempotencyKey: request.idempotencyKey, payloadSHA256: Hashing.sha256Hex(request.payload),
            sourceFormat: format, issueDate: invoice.issueDate, buyerName: invoice.buyer.name,
            customerCode: invoice.buyer.identifiers.first?.value, currencyCode: invoice.currencyCode,
            totalWithVAT: invoice.totals.taxInclusiveAmount, batchID: request.batchID, createdAt: now, updatedAt: now)
        let references = InvoiceReference.extract(from: invoice, tenant: record.tenant, invoiceID: record.id)
        return Prepared(record: record, references: references)
    }

    private func insert(_ record: InvoiceRecord, payload: [UInt8], references: [InvoiceReference],
                        request: IntakeRequest) async throws
        -> IntakeOutcome
    {
        try await store.transaction { transaction in
            if let existing = try await existingOutcome(for: record, in: transaction) { return existing }
            return try await write(record, payload: payload, references: references, request: request,
                                   in: transaction)
        }
    }

    /// Writes a new invoice: its record, original payload, references, event, change-feed entry and check job, and
    /// the webhook deliveries its event makes.
    func write(_ record: InvoiceRecord, payload: [UInt8], references: [InvoiceReference], request: IntakeRequest,
               in transaction: any StoreTransaction) async throws -> IntakeOutcome
    {
        let write = newInvoiceWrite(record, payload: payload, references: references, request: request)
        try await transaction.insertInvoice(record)
        try await transaction.putDocument(write.original)
        try await transaction.insertReferences(references)
        if let reference = write.erpReference {
            try await transaction.putERPReference(invoice: record.id, tenant: record.tenant, reference: reference)
        }
        try await events.record(write.event, record: record, in: transaction)
        try await transaction.enqueue(write.checkJob)
        if let audit = write.audit { try await transaction.appendAudit(audit) }
        return .created(record)
    }

    /// What intake writes for a new invoice.
    func newInvoiceWrite(_ record: InvoiceRecord, payload: [UInt8], references: [InvoiceReference],
                         request: IntakeRequest) -> NewInvoiceWrite
    {
        NewInvoiceWrite(
            record: record,
            original: StoredDocument(
                tenant: record.tenant, invoiceID: record.id, kind: .original,
                mediaType: record.sourceFormat.mediaType, bytes: payload, sha256: record.payloadSHA256,
                createdAt: record.createdAt),
            references: references, erpReference: request.erpReference,
            event: InvoiceEvent(
                tenant: record.tenant, invoiceID: record.id, type: "invoice.received", state: .received,
                dedupKey: "received", actor: request.actor,
                message: "Invoice \(record.documentKey.number) received as \(record.sourceFormat.rawValue)",
                occurredAt: record.createdAt),
            checkJob: NewJob(tenant: record.tenant, kind: .check, invoiceID: record.id, runAt: record.createdAt),
            audit: request.auditAction.map { action in
                AuditEntry(
                    tenant: record.tenant, actor: request.actor, action: action, target: record.id.rawValue,
                    requestID: request.requestID, outcome: "created", occurredAt: record.createdAt)
            })
    }

    /// The answer when this request was already taken, or a conflict when its keys were used by another payload.
    func existingOutcome(for record: InvoiceRecord, in transaction: any StoreTransaction) async throws
        -> IntakeOutcome?
    {
        if let key = record.idempotencyKey,
            let existing = try await transaction.invoice(idempotencyKey: key, tenant: record.tenant)
        {
            return try existingOutcome(for: record, byIdempotencyKey: existing, byDocumentKey: nil)
        }
        let byDocumentKey = try await transaction.invoice(documentKey: record.documentKey, tenant: record.tenant)
        return try existingOutcome(for: record, byIdempotencyKey: nil, byDocumentKey: byDocumentKey)
    }

    /// The answer given the stored invoice holding the request's idempotency key and the one holding its document
    /// key (non-rejected), each when there is one: the idempotency key decides first.
    func existingOutcome(for record: InvoiceRecord, byIdempotencyKey: InvoiceRecord?,
                         byDocumentKey: InvoiceRecord?) throws(IntakeError) -> IntakeOutcome?
    {
        if let key = record.idempotencyKey, let existing = byIdempotencyKey {
            guard existing.payloadSHA256 == record.payloadSHA256 else {
                throw IntakeError.conflict(
                    existing: existing.id,
                    reason: "the Idempotency-Key \"\(key)\" was already used for another payload (invoice \(existing.id))")
            }
            return .existing(existing)
        }
        if let existing = byDocumentKey {
            guard existing.payloadSHA256 == record.payloadSHA256 else {
                let key = record.documentKey
                throw IntakeError.conflict(
                    existing: existing.id,
                    reason: "invoice number \(key.number) of seller \(key.seller) for \(key.year) already exists (invoice \(existing.id)) with other content; an issued invoice is corrected by a credit note or a corrective invoice, not by sending it again")
            }
            return .existing(existing)
        }
        return nil
    }
}

extension SourceFormat {
    var mediaType: String {
        switch self {
        case .json: "application/json"
        case .cii, .ubl: "application/xml"
        case .facturX: "application/pdf"
        }
    }
}
