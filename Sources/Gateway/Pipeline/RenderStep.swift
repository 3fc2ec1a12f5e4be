import EInvoice
import EInvoiceSyntax
import Foundation

/// `checked → rendered`: writes the CII (Factur-X EN 16931 profile) always, and the UBL when the customer prefers
/// UBL, next to the original. Next: the archive step (or dispatch when no archive is wired).
struct RenderStep: InvoiceStep {
    var from: InvoiceState { .checked }

    func run(_ job: Job, context: PipelineContext) async throws {
        guard let record = try await loadInvoice(job, context: context) else { return }
        let (original, customer) = try await context.store.read { transaction in
            let original = try await transaction.document(invoice: record.id, kind: .original, tenant: record.tenant)
            var customer: Customer?
            if let code = record.customerCode,
                let stored = try await transaction.masterRecord(.customer, code: code, tenant: record.tenant)
            {
                customer = try? MasterDataService.decode(stored)
            }
            return (original, customer)
        }
        guard let original else { throw StepFailure(permanent: true, "the original payload is missing") }
        let invoice: Invoice
        do {
            invoice = try InvoicePayload.decode(original.bytes).invoice
        } catch {
            throw StepFailure(permanent: true, "the stored payload cannot be read any more: \(error.message)")
        }
        let now = context.clock.now()
        var documents: [StoredDocument] = []
        let cii = CIIWriter().output(invoice, profile: .en16931).bytes
        documents.append(StoredDocument(
            tenant: record.tenant, invoiceID: record.id, kind: .cii, mediaType: "application/xml", bytes: cii,
            sha256: Hashing.sha256Hex(cii), createdAt: now))
        if customer?.preferredFormat == .ubl || record.sourceFormat == .ubl {
            let ubl = UBLWriter().write(invoice)
            documents.append(StoredDocument(
                tenant: record.tenant, invoiceID: record.id, kind: .ubl, mediaType: "application/xml", bytes: ubl,
                sha256: Hashing.sha256Hex(ubl), createdAt: now))
        }
        let kinds = documents.map(\.kind.rawValue).joined(separator: ", ")
        try await advance(
            record, to: .rendered, job: job, context: context, eventType: "invoice.rendered",
            message: "Documents made: \(kinds)", documents: documents,
            next: context.archive == nil ? .dispatch : .archive)
    }
}
