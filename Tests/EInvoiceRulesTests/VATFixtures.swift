import EInvoice
import EInvoiceRules
import EInvoiceSyntax

/// Valid invoices for every VAT category, built in code, and helpers to validate them as CII or UBL sources.
enum VATFixtures {
    /// The rate a category takes in the fixtures; nil for O (not subject to VAT).
    static func rate(for code: String) -> ExactDecimal? {
        switch code {
        case "S": 20
        case "L": 7
        case "M": 4
        case "O": nil
        default: 0
        }
    }

    /// Exemption reason codes for the categories that need one.
    static let exemptionCodes: [String: String] = [
        "E": "VATEX-EU-132", "AE": "VATEX-EU-AE", "K": "VATEX-EU-IC", "G": "VATEX-EU-G", "O": "VATEX-EU-O",
    ]

    /// A valid invoice whose two lines, one allowance and one charge all have VAT category `code`.
    static func invoice(_ code: String) -> Invoice {
        var invoice = Invoice()
        invoice.number = "VAT-\(code)-1"
        invoice.issueDate = CalendarDate(year: 2026, month: 3, day: 2)
        invoice.currencyCode = "EUR"
        invoice.processControl.specificationIdentifier = "urn:cen.eu:en16931:2017"
        invoice.seller.name = "Atelier Durand SARL"
        invoice.seller.postalAddress = PostalAddress(countryCode: "FR")
        invoice.buyer.name = "Kunde GmbH"
        invoice.buyer.postalAddress = PostalAddress(countryCode: "DE")
        if code != "O" {
            invoice.seller.vatIdentifier = "FR32123456789"
            invoice.buyer.vatIdentifier = "DE123456789"
        }
        var delivery = DeliveryInformation()
        delivery.actualDeliveryDate = CalendarDate(year: 2026, month: 2, day: 27)
        delivery.address = PostalAddress(countryCode: "DE")
        invoice.delivery = delivery
        let rate = rate(for: code)
        let vat = LineVATInformation(categoryCode: code, rate: rate)
        invoice.lines = [
            InvoiceLine(
                identifier: "1", quantity: Quantity(2, unitCode: "C62"), netAmount: nil,
                price: PriceDetails(netPrice: ExactDecimal(mantissa: 5000, fractionDigits: 2)), vat: vat,
                item: ItemInformation(name: "Chaise")),
            InvoiceLine(
                identifier: "2", quantity: Quantity(1, unitCode: "C62"), netAmount: nil,
                price: PriceDetails(netPrice: ExactDecimal(mantissa: 3025, fractionDigits: 2)), vat: vat,
                item: ItemInformation(name: "Coussin")),
        ]
        invoice.allowances = [
            AllowanceCharge(
                amount: ExactDecimal(mantissa: 1000, fractionDigits: 2), vatCategoryCode: code, vatRate: rate,
                reason: "Remise fidélité")
        ]
        invoice.charges = [
            AllowanceCharge(
                amount: ExactDecimal(mantissa: 500, fractionDigits: 2), vatCategoryCode: code, vatRate: rate,
                reason: "Emballage")
        ]
        invoice = InvoiceCalculator().complete(invoice)
        if let reason = exemptionCodes[code] {
            for index in invoice.vatBreakdown.indices { invoice.vatBreakdown[index].exemptionReasonCode = reason }
        }
        return invoice
    }

    /// Ids reported by the VAT category rules, read as an invoice of `syntax` (nil: built in memory).
    static func firedIDs(_ invoice: Invoice, _ syntax: InvoiceSyntax?) throws -> Set<String> {
        Set(try findings(invoice, syntax).map(\.ruleID))
    }

    static func findings(_ invoice: Invoice, _ syntax: InvoiceSyntax?) throws -> [Finding] {
        let validator = Validator(groups: [RuleGroups.vatCategories])
        guard let syntax else { return validator.validate(invoice) }
        let tree = try SafeXMLParser().parse("<Invoice/>")
        return validator.validate(
            ParsedInvoice(invoice: invoice, syntax: syntax, tree: tree, sourceMap: [:], notCarried: []))
    }

    static let categoryCodes = ["S", "Z", "E", "AE", "K", "G", "O", "L", "M"]

    static func decimal(_ text: String) -> ExactDecimal {
        (try? ExactDecimal(parsing: text)) ?? .zero
    }
}
