import Foundation

/// The platform's answer to a submission, kept as the invoice's `platform-receipt` document (issue 7: the legal
/// archive keeps what the platform said it received, and when).
enum PlatformReceipt {
    /// Stores the receipt, in the dispatch step's transaction; when the invoice went through the archive (it is
    /// dispatched from `archived`), queues an `archive` job that adds the receipt to the archive, as
    /// ``LifecycleService`` does for a CDAR message.
    static func store(_ receipt: [UInt8]?, of record: InvoiceRecord, at now: Date,
                      in transaction: any StoreTransaction) async throws
    {
        guard let receipt, !receipt.isEmpty else { return }
        try await transaction.putDocument(StoredDocument(
            tenant: record.tenant, invoiceID: record.id, kind: .platformReceipt,
            mediaType: DocumentKind.platformReceipt.mediaType, bytes: receipt, sha256: Hashing.sha256Hex(receipt),
            createdAt: now))
        if record.state == .archived {
            try await transaction.enqueue(NewJob(tenant: record.tenant, kind: .archive, invoiceID: record.id, runAt: now))
        }
    }
}
