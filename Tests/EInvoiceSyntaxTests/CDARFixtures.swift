import EInvoice
import EInvoiceSyntax

/// Lifecycle messages for the CDAR tests: one per status, shaped as the reform's examples are.
enum CDARFixtures {
    static func dateTime(_ text: String) -> LifecycleDateTime {
        guard let value = LifecycleDateTime(text: text) else {
            preconditionFailure("bad fixture date-time \(text)")
        }
        return value
    }

    static let invoice = CDARInvoiceReference(
        number: "FA-2025-0001", issueDate: CalendarDate(year: 2025, month: 7, day: 1), typeCode: "380",
        sellerSIREN: "100000009")

    /// A message for `status`: platforms for the transmission phase, the buyer or the seller for processing; a
    /// reason where the reform requires one, amounts for 211 and 212.
    static func message(_ status: LifecycleStatus, id: String? = nil) -> CDARMessage {
        let transmission = status.phase == .transmission
        let sender =
            transmission
            ? CDARParty(globalID: "0042", globalIDScheme: "0238", name: "PA Émettrice", role: "WK")
            : status.setBy == .seller
                ? CDARParty.siren("100000009", role: "SE", name: "Vendeur & Fils")
                : CDARParty.siren("200000008", role: "BY", name: "Acheteur <SA>")
        let recipient = CDARParty(
            globalID: "200000008", globalIDScheme: "0002", role: "BY", electronicAddress: "200000008_ACHATS",
            electronicAddressScheme: "0225")
        var reasons: [StatusReason] = []
        switch status {
        case .rejected: reasons = [StatusReason(code: "REJ_SEMAN", text: "BR-FR-12 : adresse électronique invalide")]
        case .refused:
            reasons = [StatusReason(code: "TX_TVA_ERR", text: "Taux de TVA erroné"), StatusReason(code: "CMD_ERR")]
        case .disputed: reasons = [StatusReason(code: "QTE_ERR", text: "Quantité livrée : 8, facturée : 10")]
        case .partiallyApproved: reasons = [StatusReason(code: "PU_ERR", text: "Prix unitaire contesté")]
        case .suspended: reasons = [StatusReason(code: "JUSTIF_ABS", text: "Bon de livraison manquant")]
        default: break
        }
        var amounts: [StatusAmount] = []
        if status == .paymentSent || status == .paymentReceived {
            amounts = [
                StatusAmount(typeCode: "MEN", amount: ExactDecimal(mantissa: 100_000, fractionDigits: 2), currency: "EUR", vatRate: 20),
                StatusAmount(typeCode: "MEN", amount: ExactDecimal(mantissa: 2_055, fractionDigits: 2), currency: "EUR",
                    vatRate: ExactDecimal(mantissa: 55, fractionDigits: 1)),
            ]
        }
        return CDARMessage(
            messageID: id ?? "CDV-\(status.code)-0001", issueDateTime: dateTime("20250702101500"), sender: sender,
            issuer: transmission ? nil : sender, recipients: [recipient], invoice: invoice, status: status,
            statusDateTime: dateTime("20250702101000"), reasons: reasons, amounts: amounts)
    }
}
