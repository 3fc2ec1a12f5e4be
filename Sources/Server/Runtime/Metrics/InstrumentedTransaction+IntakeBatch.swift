import Gateway

extension InstrumentedTransaction {
    func invoices(tenant: TenantID, idempotencyKeys: [String], documentKeys: [DocumentKey]) async throws
        -> [InvoiceRecord]
    {
        try await base.invoices(tenant: tenant, idempotencyKeys: idempotencyKeys, documentKeys: documentKeys)
    }
    func insertNewInvoices(_ writes: [NewInvoiceWrite]) async throws {
        try await base.insertNewInvoices(writes)
        for _ in writes { tally.note(.received) }
    }
}
