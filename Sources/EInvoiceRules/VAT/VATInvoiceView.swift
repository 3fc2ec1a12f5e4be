import EInvoice
import EInvoiceSyntax

/// The two official readings of the VAT category rules. The CII (Factur-X) and UBL schematrons state the same
/// rules with different arithmetic and edge cases; findings follow the schematron of the source syntax, and the
/// UBL reading for invoices built in memory.
enum VATSchematron: Sendable {
    case cii
    case ubl

    init(_ syntax: InvoiceSyntax?) { self = syntax == .cii ? .cii : .ubl }
}

/// An invoice line, document level allowance or document level charge, as the VAT rules see it.
struct VATItem: Sendable {
    enum Kind: Sendable {
        case line
        case allowance
        case charge
    }

    let kind: Kind
    let index: Int
    /// BT-151, BT-95 or BT-102; nil when absent.
    let category: String?
    /// BT-152, BT-96 or BT-103.
    let rate: ExactDecimal?
    /// BT-131, BT-92 or BT-99.
    let amount: ExactDecimal?
    let identifier: String

    var categoryTerm: String { ["BT-151", "BT-95", "BT-102"][kindIndex] }
    var rateTerm: String { ["BT-152", "BT-96", "BT-103"][kindIndex] }
    var groupPath: String { ["BG-25", "BG-20", "BG-21"][kindIndex] + "[\(index)]" }
    var categoryPath: String { kind == .line ? "\(groupPath)/BG-30/\(categoryTerm)" : "\(groupPath)/\(categoryTerm)" }
    var ratePath: String { kind == .line ? "\(groupPath)/BG-30/\(rateTerm)" : "\(groupPath)/\(rateTerm)" }

    /// "invoice line '3'", "document level allowance 2".
    var english: String {
        switch kind {
        case .line: identifier.isEmpty ? "invoice line \(index + 1)" : "invoice line '\(identifier)'"
        case .allowance: "document level allowance \(index + 1)"
        case .charge: "document level charge \(index + 1)"
        }
    }

    var french: String {
        switch kind {
        case .line: identifier.isEmpty ? "la ligne \(index + 1)" : "la ligne « \(identifier) »"
        case .allowance: "la remise de pied de facture \(index + 1)"
        case .charge: "la charge de pied de facture \(index + 1)"
        }
    }

    private var kindIndex: Int {
        switch kind {
        case .line: 0
        case .allowance: 1
        case .charge: 2
        }
    }
}

/// What the VAT category rules read from an invoice, computed once.
struct VATInvoiceView: Sendable {
    let invoice: Invoice
    let schematron: VATSchematron
    let lines: [VATItem]
    let allowances: [VATItem]
    let charges: [VATItem]
    /// Every VAT category code a line, allowance, charge or breakdown of the invoice uses.
    let mentionedCodes: [String]

    init(_ invoice: Invoice, schematron: VATSchematron) {
        self.invoice = invoice
        self.schematron = schematron
        lines = invoice.lines.enumerated().map { index, line in
            VATItem(
                kind: .line, index: index, category: line.vat.categoryCode.isEmpty ? nil : line.vat.categoryCode,
                rate: line.vat.rate, amount: line.netAmount, identifier: line.identifier)
        }
        allowances = invoice.allowances.enumerated().map { index, allowance in
            VATItem(
                kind: .allowance, index: index, category: allowance.vatCategoryCode, rate: allowance.vatRate,
                amount: allowance.amount, identifier: "")
        }
        charges = invoice.charges.enumerated().map { index, charge in
            VATItem(
                kind: .charge, index: index, category: charge.vatCategoryCode, rate: charge.vatRate,
                amount: charge.amount, identifier: "")
        }
        var codes: [String] = []
        for code in (lines + allowances + charges).compactMap(\.category) + invoice.vatBreakdown.map(\.categoryCode)
        where !codes.contains(code) {
            codes.append(code)
        }
        mentionedCodes = codes
    }

    /// Whether some line, allowance, charge or breakdown uses the category: the rules of a category nothing uses
    /// have nothing to check.
    func mentions(_ code: String) -> Bool { mentionedCodes.contains(code) }

    var allowancesAndCharges: [VATItem] { allowances + charges }

    /// BT-31 Seller VAT identifier.
    var sellerHasVATIdentifier: Bool { invoice.seller.vatIdentifier != nil }
    /// BT-32 Seller tax registration identifier.
    var sellerHasTaxRegistration: Bool { invoice.seller.taxRegistrationIdentifier != nil }
    /// BT-63 Seller tax representative VAT identifier.
    var representativeHasVATIdentifier: Bool { invoice.sellerTaxRepresentative?.vatIdentifier != nil }
    /// BT-48 Buyer VAT identifier.
    var buyerHasVATIdentifier: Bool { invoice.buyer.vatIdentifier != nil }
    /// BT-47 Buyer legal registration identifier.
    var buyerHasLegalRegistration: Bool { invoice.buyer.legalRegistrationIdentifier != nil }

    func items(of kind: VATItem.Kind) -> [VATItem] {
        switch kind {
        case .line: lines
        case .allowance: allowances
        case .charge: charges
        }
    }

    /// The VAT breakdowns of a category with their positions.
    func breakdowns(_ code: String) -> [(index: Int, breakdown: VATBreakdown)] {
        invoice.vatBreakdown.enumerated().filter { $0.element.categoryCode == code }.map { ($0.offset, $0.element) }
    }
}

/// Number formatting for messages.
enum VATText {
    static func amount(_ value: ExactDecimal?) -> String { value.map { $0.description } ?? "missing" }
    static func montant(_ value: ExactDecimal?) -> String { value.map { $0.description } ?? "absent" }

    /// A rate as people write it: 20, 5.5.
    static func rate(_ value: ExactDecimal?) -> String { value.map { $0.normalized().description } ?? "none" }
    static func taux(_ value: ExactDecimal?) -> String { value.map { $0.normalized().description } ?? "aucun" }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// "lines '1', '3'": at most five named, then "and 4 more".
    static func list(_ items: [VATItem], french: Bool = false) -> String {
        let names = items.prefix(5).map { french ? $0.french : $0.english }
        let more = items.count - names.count
        let joined = names.joined(separator: ", ")
        if more == 0 { return joined }
        return french ? "\(joined) et \(more) autre(s)" : "\(joined) and \(more) more"
    }
}
