extension IntakeService {
    /// Stores a group of read invoices in the caller's transaction with a few statements for the whole group:
    /// one lookup of the keys already taken per tenant, then the batch write of the new invoices. Outcomes are
    /// those of taking the invoices one after the other: a later invoice of the group that repeats an earlier
    /// one's idempotency key or document key is answered as that earlier invoice would be.
    ///
    /// An invoice whose `invoice.received` event a webhook subscription wants is written on its own, with its
    /// deliveries (the webhook body needs its stored event).
    func writeGroup(_ items: [PreparedItem], in transaction: any StoreTransaction) async throws
        -> [Result<IntakeOutcome, IntakeError>]
    {
        var outcomes: [Result<IntakeOutcome, IntakeError>?] = Array(repeating: nil, count: items.count)
        var newInvoices: [NewInvoiceWrite] = []
        var tenants: [TenantID] = []
        for item in items where !tenants.contains(item.request.tenant) { tenants.append(item.request.tenant) }
        for tenant in tenants {
            let indices = items.indices.filter { items[$0].request.tenant == tenant }
            let records = indices.map { items[$0].prepared.record }
            var taken = TakenKeys(try await transaction.invoices(
                tenant: tenant, idempotencyKeys: records.compactMap(\.idempotencyKey),
                documentKeys: records.map(\.documentKey)))
            let hasSubscribers = try await transaction.subscriptions(tenant: tenant).contains {
                $0.wants("invoice.received")
            }
            for index in indices {
                let (request, prepared) = (items[index].request, items[index].prepared)
                let record = prepared.record
                do {
                    if let outcome = try existingOutcome(
                        for: record, byIdempotencyKey: record.idempotencyKey.flatMap { taken.byIdempotencyKey[$0] },
                        byDocumentKey: taken.byDocumentKey[record.documentKey])
                    {
                        outcomes[index] = .success(outcome)
                        continue
                    }
                } catch {
                    outcomes[index] = .failure(error)
                    continue
                }
                if hasSubscribers {
                    outcomes[index] = .success(try await write(
                        record, payload: request.payload, references: prepared.references, request: request,
                        in: transaction))
                } else {
                    newInvoices.append(newInvoiceWrite(
                        record, payload: request.payload, references: prepared.references, request: request))
                    outcomes[index] = .success(.created(record))
                }
                taken.add(record)
            }
        }
        try await transaction.insertNewInvoices(newInvoices)
        return outcomes.map { $0 ?? .failure(.unreadable(format: nil, message: "not processed")) }
    }
}

/// The invoices of one tenant that already hold a key, by idempotency key and by document key (non-rejected).
private struct TakenKeys {
    var byIdempotencyKey: [String: InvoiceRecord] = [:]
    var byDocumentKey: [DocumentKey: InvoiceRecord] = [:]

    init(_ stored: [InvoiceRecord]) {
        for invoice in stored { add(invoice) }
    }

    mutating func add(_ invoice: InvoiceRecord) {
        if let key = invoice.idempotencyKey { byIdempotencyKey[key] = invoice }
        if invoice.state != .rejected { byDocumentKey[invoice.documentKey] = invoice }
    }
}
