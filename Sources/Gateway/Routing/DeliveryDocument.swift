import EInvoice
import EInvoiceSyntax
import FacturX
import Foundation

/// The document of the routed format: the one the render step stored, or — for UBL and Factur-X when the render
/// step did not make them — made now from the invoice and stored with it (and queued for the legal archive).
enum DeliveryDocument {
    static func make(_ decision: RouteDecision, invoice: Invoice, record: InvoiceRecord, original: StoredDocument,
                     stored: [DocumentKind: StoredDocument], context: PipelineContext) async throws -> StoredDocument
    {
        let kind = decision.format.documentKind
        if let existing = stored[kind] { return existing }
        let bytes: [UInt8]
        switch decision.format {
        case .cii:
            throw StepFailure(permanent: true, "no rendered CII document to send")
        case .ubl:
            bytes = UBLWriter().write(invoice)
        case .facturX:
            if record.sourceFormat == .facturX {
                bytes = original.bytes
            } else {
                do {
                    bytes = try FacturXWriter().create(invoice: invoice, profile: decision.profile.facturXProfile)
                } catch {
                    throw StepFailure(permanent: true, "the Factur-X PDF cannot be made: \(error)")
                }
            }
        }
        let document = StoredDocument(
            tenant: record.tenant, invoiceID: record.id, kind: kind, mediaType: kind.mediaType, bytes: bytes,
            sha256: Hashing.sha256Hex(bytes), createdAt: context.clock.now())
        try await context.store.transaction { transaction in
            try await transaction.putDocument(document)
            // Made after the archive step: an `archive` job adds it to the legal archive, like any later document.
            if context.archive != nil && record.state == .archived {
                try await transaction.enqueue(
                    NewJob(tenant: record.tenant, kind: .archive, invoiceID: record.id, runAt: context.clock.now()))
            }
        }
        return document
    }
}
