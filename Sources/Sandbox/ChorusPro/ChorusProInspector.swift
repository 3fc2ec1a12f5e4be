import EInvoice
import EInvoiceRules
import EInvoiceSyntax
import FacturX
import Foundation

/// The flow syntaxes ("syntaxeFlux") of the Chorus Pro EDI/API annex that the stand-in reads: E1 flows are a
/// structured invoice, E2 flows a PDF with its XML (Factur-X) or a minimal XML.
enum ChorusProSyntax: String, Sendable, CaseIterable {
    case ublInvoice = "IN_DP_E1_UBL_INVOICE"
    case cii16B = "IN_DP_E1_CII_16B"
    case ublInvoiceMinimum = "IN_DP_E2_UBL_INVOICE_MIN"
    case ciiMinimum16B = "IN_DP_E2_CII_MIN_16B"
    case facturX = "IN_DP_E2_CII_FACTURX"

    /// Whether the file must be UBL (an invoice or a credit note); otherwise CII (inside the PDF for Factur-X).
    var expectsUBL: Bool {
        switch self {
        case .ublInvoice, .ublInvoiceMinimum: true
        case .cii16B, .ciiMinimum16B, .facturX: false
        }
    }
}

/// What Chorus Pro needs to know of an integrated invoice.
struct ChorusProInvoiceFacts: Sendable, Hashable {
    /// BT-1.
    var number: String
    /// BT-2.
    var issueDate: CalendarDate?
    /// BT-30 (or BT-29, BT-31): the supplier as Chorus Pro identifies it (a SIRET or SIREN).
    var supplier: String
    /// BT-47 (or BT-46): the public buyer.
    var buyer: String
}

/// What processing a deposited flow leads to, decided on deposit and shown once the processing time has passed.
enum ChorusProFlowOutcome: Sendable {
    case integrated(ChorusProInvoiceFacts)
    case rejected([CproInvoiceError])
}

/// Reads a deposited file as Chorus Pro would (syntax, then the EN 16931 rules): fatal findings reject the flow.
struct ChorusProInspector: Sendable {
    var validator = Validator(ruleSet: .en16931)

    func inspect(_ bytes: [UInt8], syntax: ChorusProSyntax, fileName: String) -> ChorusProFlowOutcome {
        var xml = bytes
        if syntax == .facturX {
            guard bytes.prefix(1024).firstRange(of: Array("%PDF-".utf8)) != nil else {
                return .rejected([Self.error("the file of a \(syntax.rawValue) flow is not a PDF", number: fileName)])
            }
            do {
                xml = try FacturXReader.extract(pdf: bytes).xml
            } catch {
                return .rejected([Self.error("no Factur-X XML can be read from the PDF: \(error)", number: fileName)])
            }
        }
        let parsed: ParsedInvoice
        do {
            parsed = try InvoiceDocumentReader().read(bytes: xml)
        } catch {
            return .rejected([Self.error("the file is not a readable invoice: \(error.description)", number: fileName)])
        }
        let facts = Self.facts(parsed.invoice)
        guard parsed.syntax.isUBL == syntax.expectsUBL else {
            return .rejected([Self.error(
                "syntaxeFlux is \(syntax.rawValue) but the file is \(parsed.syntax.isUBL ? "UBL" : "CII")",
                facts: facts)])
        }
        let fatal = validator.validate(parsed).filter { $0.severity == .fatal }
        guard fatal.isEmpty else {
            let text = fatal.prefix(5).map { "\($0.ruleID): \($0.message.french)" }.joined(separator: " | ")
            return .rejected([Self.error(text, facts: facts)])
        }
        return .integrated(facts)
    }

    static func facts(_ invoice: Invoice) -> ChorusProInvoiceFacts {
        let seller = invoice.seller
        let buyer = invoice.buyer
        return ChorusProInvoiceFacts(
            number: invoice.number, issueDate: invoice.issueDate,
            supplier: seller.legalRegistrationIdentifier?.value ?? seller.identifiers.first?.value
                ?? seller.vatIdentifier ?? "",
            buyer: buyer.legalRegistrationIdentifier?.value ?? buyer.identifiers.first?.value ?? "")
    }

    static func error(_ text: String, number: String) -> CproInvoiceError {
        CproInvoiceError(identifiantDestinataire: "", identifiantFournisseur: "", libelleErreurDP: text,
                         numeroDP: number)
    }

    static func error(_ text: String, facts: ChorusProInvoiceFacts) -> CproInvoiceError {
        CproInvoiceError(identifiantDestinataire: facts.buyer, identifiantFournisseur: facts.supplier,
                         libelleErreurDP: text, numeroDP: facts.number)
    }
}
