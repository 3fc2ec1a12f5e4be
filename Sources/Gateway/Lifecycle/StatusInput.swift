import EInvoice
import EInvoiceSyntax

/// A submitted status once read: the tracker's input, and the CDAR message it came in (bytes and reading).
struct StatusInput: Sendable {
    var status: ReceivedStatus
    var cdar: [UInt8]?
    var message: CDARMessage?

    init(_ content: StatusSubmission.Content) throws {
        switch content {
        case .cdar(let bytes):
            let message: CDARMessage
            do {
                message = try CDARReader().read(bytes)
            } catch {
                throw LifecycleError.unreadableMessage(error)
            }
            self.status = ReceivedStatus(message)
            self.cdar = bytes
            self.message = message
        case .structured(let status):
            guard !status.messageID.isEmpty else {
                throw LifecycleError.invalidStatus("the status has no message id")
            }
            guard !status.status.code.isEmpty else { throw LifecycleError.invalidStatus("the status has no code") }
            self.status = status
        }
    }
}

/// Finds the invoice a status is about.
enum InvoiceMatcher {
    static func find(_ target: StatusSubmission.Target, input: StatusInput, tenant: TenantID,
                     in transaction: any StoreTransaction) async throws -> InvoiceRecord
    {
        switch target {
        case .invoice(let id):
            guard let record = try await transaction.invoice(id, tenant: tenant) else {
                throw LifecycleError.invoiceNotFound("id \(id.rawValue)")
            }
            if let reference = input.message?.invoice { try check(reference, matches: record) }
            return record
        case .platformFlow(let flowID):
            guard let id = try await transaction.invoiceID(platformFlowID: flowID, tenant: tenant),
                let record = try await transaction.invoice(id, tenant: tenant)
            else { throw LifecycleError.invoiceNotFound("platform flow \(flowID)") }
            return record
        case .message:
            guard let reference = input.message?.invoice else {
                throw LifecycleError.invalidStatus("a structured status must name its invoice")
            }
            let key = DocumentKey(seller: reference.sellerSIREN, year: reference.issueDate.year,
                                  number: reference.number)
            guard let record = try await transaction.invoice(documentKey: key, tenant: tenant) else {
                throw LifecycleError.invoiceNotFound(
                    "invoice number \(key.number) of seller \(key.seller) issued in \(key.year) (the CDAR's MDT-87, MDT-129 and MDG-35)")
            }
            return record
        }
    }

    /// A message sent for invoice `record` must reference it: same number (BT-1) and year (BT-2); same seller when
    /// the invoice is keyed by a SIREN.
    static func check(_ reference: CDARInvoiceReference, matches record: InvoiceRecord) throws {
        let key = record.documentKey
        let sellerIsSIREN = key.seller.count == 9 && key.seller.allSatisfy(\.isASCIIDigit)
        guard reference.number == key.number, reference.issueDate.year == key.year,
            !sellerIsSIREN || reference.sellerSIREN == key.seller
        else {
            throw LifecycleError.wrongInvoice(
                "the CDAR message is about invoice \(reference.number) of \(reference.issueDate.year) (seller \(reference.sellerSIREN)), not about invoice \(key.number) of \(key.year) (seller \(key.seller))")
        }
    }
}

/// What the buyer owes: BT-115 (amount due for payment) when the invoice gives it, else BT-112.
enum AmountDue {
    static func of(_ record: InvoiceRecord, in transaction: any StoreTransaction) async throws -> ExactDecimal? {
        guard let original = try await transaction.document(invoice: record.id, kind: .original, tenant: record.tenant),
            let invoice = try? InvoicePayload.decode(original.bytes).invoice
        else { return record.totalWithVAT }
        return invoice.totals.amountDue ?? invoice.totals.taxInclusiveAmount ?? record.totalWithVAT
    }
}
