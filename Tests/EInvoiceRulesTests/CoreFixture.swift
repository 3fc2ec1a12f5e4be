import EInvoice
import EInvoiceSyntax
import Testing

@testable import EInvoiceRules

/// A complete, valid invoice built in code, and helpers to run the core rule groups on it.
///
/// Two lines (one with a line allowance and a line charge), one document allowance and one document
/// charge, all at standard rate 20 %:
/// line 1: 10 × 12.50 = 125.00 − 5.00 + 2.00 = 122.00; line 2: 2 × 60.00 = 120.00;
/// BT-106 242.00 − BT-107 10.00 + BT-108 8.00 = BT-109 240.00; VAT 48.00; BT-112 288.00;
/// paid 50.00, so BT-115 238.00.
enum CoreFixture {
    /// An exact decimal from its text; records a test issue on a typo.
    static func d(_ text: String) -> ExactDecimal {
        do {
            return try ExactDecimal(parsing: text)
        } catch {
            Issue.record("not a decimal: \(text)")
            return .zero
        }
    }

    static func date(_ text: String) -> CalendarDate? {
        let value = CalendarDate(text: text)
        if value == nil { Issue.record("not a date: \(text)") }
        return value
    }

    static func address(_ country: String) -> PostalAddress {
        var address = PostalAddress(countryCode: country)
        address.line1 = "12 rue des Lilas"
        address.city = "Lyon"
        address.postCode = "69001"
        return address
    }

    static func invoice() -> Invoice {
        var invoice = Invoice()
        invoice.processControl = ProcessControl(specificationIdentifier: "urn:cen.eu:en16931:2017")
        invoice.number = "F-2024-0042"
        invoice.issueDate = date("2024-03-31")
        invoice.typeCode = "380"
        invoice.currencyCode = "EUR"
        invoice.dueDate = date("2024-04-30")
        invoice.buyerReference = "PO-778"
        invoice.invoicingPeriod = Period(startDate: date("2024-03-01"), endDate: date("2024-03-31"))
        invoice.seller = seller()
        invoice.buyer = buyer()
        invoice.payee = Payee(name: "Affacturage Lyonnais SA", identifier: Identifier("FACT-9"))
        var delivery = DeliveryInformation()
        delivery.partyName = "Boulangerie Martin, atelier"
        delivery.address = address("FR")
        invoice.delivery = delivery
        var payment = PaymentInstructions(meansTypeCode: "58")
        payment.remittanceInformation = "F-2024-0042"
        payment.creditTransfers = [CreditTransfer(accountIdentifier: "FR7630006000011234567890189")]
        invoice.paymentInstructions = payment
        invoice.supportingDocuments = [SupportingDocument(reference: "TS-2024-03", description: "Timesheet")]
        invoice.lines = [firstLine(), secondLine()]
        invoice.allowances = [
            AllowanceCharge(
                amount: d("10.00"), baseAmount: d("242.00"), vatCategoryCode: "S", vatRate: d("20"),
                reason: "Loyalty discount", reasonCode: "95")
        ]
        invoice.charges = [
            AllowanceCharge(
                amount: d("8.00"), vatCategoryCode: "S", vatRate: d("20"), reason: "Delivery",
                reasonCode: "DL")
        ]
        invoice.vatBreakdown = [
            VATBreakdown(taxableAmount: d("240.00"), taxAmount: d("48.00"), categoryCode: "S", rate: d("20.00"))
        ]
        var totals = DocumentTotals()
        totals.lineNetTotal = d("242.00")
        totals.allowanceTotal = d("10.00")
        totals.chargeTotal = d("8.00")
        totals.taxExclusiveAmount = d("240.00")
        totals.vatTotal = d("48.00")
        totals.taxInclusiveAmount = d("288.00")
        totals.paidAmount = d("50.00")
        totals.amountDue = d("238.00")
        invoice.totals = totals
        return invoice
    }

    static func seller() -> Party {
        var seller = Party()
        seller.name = "Atelier Durand SARL"
        seller.tradingName = "Atelier Durand"
        seller.legalRegistrationIdentifier = Identifier("123456789", schemeID: "0002")
        seller.vatIdentifier = "FR32123456789"
        seller.electronicAddress = Identifier("123456789", schemeID: "0225")
        seller.postalAddress = address("FR")
        return seller
    }

    static func buyer() -> Party {
        var buyer = Party()
        buyer.name = "Boulangerie Martin"
        buyer.identifiers = [Identifier("C-1001")]
        buyer.vatIdentifier = "FR84987654321"
        buyer.electronicAddress = Identifier("987654321", schemeID: "0225")
        buyer.postalAddress = address("FR")
        return buyer
    }

    static func firstLine() -> InvoiceLine {
        var item = ItemInformation(name: "Oak shelf")
        item.standardIdentifier = Identifier("03012345678901", schemeID: "0160")
        item.classifications = [ItemClassification(code: "4412", listID: "HS")]
        item.attributes = [ItemAttribute(name: "Colour", value: "Natural")]
        item.countryOfOrigin = "FR"
        var line = InvoiceLine(
            identifier: "1", quantity: Quantity(d("10"), unitCode: "C62"), netAmount: d("122.00"),
            price: PriceDetails(netPrice: d("12.50"), grossPrice: d("13.00")),
            vat: LineVATInformation(categoryCode: "S", rate: d("20")), item: item)
        line.allowances = [
            AllowanceCharge(amount: d("5.00"), baseAmount: d("125.00"), percentage: d("4"), reason: "Volume discount")
        ]
        line.charges = [AllowanceCharge(amount: d("2.00"), baseAmount: d("125.00"), reasonCode: "PC")]
        line.period = Period(startDate: date("2024-03-01"), endDate: date("2024-03-15"))
        return line
    }

    static func secondLine() -> InvoiceLine {
        InvoiceLine(
            identifier: "2", quantity: Quantity(d("2"), unitCode: "HUR"), netAmount: d("120.00"),
            price: PriceDetails(netPrice: d("60.00")), vat: LineVATInformation(categoryCode: "S", rate: d("20")),
            item: ItemInformation(name: "Fitting"))
    }

    /// The fixture turned into a credit note: same positive amounts, type 381, citing the invoice.
    static func creditNote() -> Invoice {
        var note = invoice()
        note.typeCode = "381"
        note.number = "AV-2024-0007"
        note.precedingInvoices = [PrecedingInvoiceReference(number: "F-2024-0042", issueDate: date("2024-03-31"))]
        return note
    }

    // MARK: Running the rules

    static let groups = [RuleGroups.core, RuleGroups.coherence, RuleGroups.decimals]

    /// The invoice as if read from `syntax` (the source tree is a stub: rules only look at the syntax).
    static func parsed(_ invoice: Invoice, _ syntax: InvoiceSyntax, sourceMap: [String: Int] = [:]) -> ParsedInvoice? {
        guard let tree = try? SafeXMLParser().parse("<Invoice/>") else {
            Issue.record("the stub XML did not parse")
            return nil
        }
        return ParsedInvoice(invoice: invoice, syntax: syntax, tree: tree, sourceMap: sourceMap, notCarried: [])
    }

    /// Findings of the core groups, on the invoice in memory or as read from `syntax`.
    /// `sourceMap` lists the term paths the (stub) source is said to carry.
    static func findings(_ invoice: Invoice, syntax: InvoiceSyntax? = nil, sourceMap: [String] = []) -> [Finding] {
        let validator = Validator(groups: groups)
        guard let syntax else { return validator.validate(invoice) }
        let map = Dictionary(sourceMap.map { ($0, 0) }, uniquingKeysWith: { first, _ in first })
        guard let parsed = parsed(invoice, syntax, sourceMap: map) else { return [] }
        return validator.validate(parsed)
    }

    static func ruleIDs(_ invoice: Invoice, syntax: InvoiceSyntax? = nil, sourceMap: [String] = []) -> Set<String> {
        Set(findings(invoice, syntax: syntax, sourceMap: sourceMap).map(\.ruleID))
    }

    /// The fixture after `change`.
    static func invoice(_ change: (inout Invoice) -> Void) -> Invoice {
        var invoice = invoice()
        change(&invoice)
        return invoice
    }
}
