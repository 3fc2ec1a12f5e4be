import EInvoice

/// BR-FR-01 … BR-FR-04: invoice numbers, dates and document types.
enum FranceIdentifierRules {
    private static let document = "rsm:CrossIndustryInvoice/rsm:ExchangedDocument"
    private static let header =
        "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
    private static let line =
        "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"
    private static let delivery =
        "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery"

    static let cii: [FrenchElementCheck] =
        identifiers(
            [
                ("BT-1", document + "/ram:ID"),
                ("BT-25", header + "/ram:InvoiceReferencedDocument/ram:IssuerAssignedID"),
                (
                    "EXT-FR-FE-136",
                    line + "/ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument/ram:IssuerAssignedID"
                ),
            ],
            length: { "BR-FR-01_\($0)" }, format: { ["BR-FR-02_\($0)"] })
        + dates(
            [
                ("BT-2", document + "/ram:IssueDateTime/udt:DateTimeString"),
                ("BT-7", header + "/ram:ApplicableTradeTax/ram:TaxPointDate/udt:DateString"),
                ("BT-9", header + "/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"),
                ("BT-26", header + "/ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString"),
                ("BT-72", delivery + "/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString"),
                ("BT-73", header + "/ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString"),
                ("BT-74", header + "/ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString"),
                (
                    "EXT-FR-FE-138",
                    line
                        + "/ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument"
                        + "/ram:FormattedIssueDateTime/qdt:DateTimeString"
                ),
                (
                    "EXT-FR-FE-158",
                    line
                        + "/ram:SpecifiedLineTradeDelivery/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime"
                        + "/udt:DateTimeString"
                ),
                (
                    "EXT-FR-FE-134",
                    line
                        + "/ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod/ram:StartDateTime"
                        + "/udt:DateTimeString"
                ),
                (
                    "EXT-FR-FE-135",
                    line
                        + "/ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod/ram:EndDateTime"
                        + "/udt:DateTimeString"
                ),
            ],
            ubl: false)
        + documentTypes(
            [
                ("BT-3", document + "/ram:TypeCode"),
                ("EXT-FR-FE-02", header + "/ram:InvoiceReferencedDocument/ram:TypeCode"),
                (
                    "EXT-FR-FE-137",
                    line + "/ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument/ram:TypeCode"
                ),
            ])

    static let ubl: [FrenchElementCheck] =
        identifiers(
            [
                ("BT-1", either("cbc:ID")),
                ("BT-25", either("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID")),
                ("EXT-FR-FE-136", eitherLine("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID")),
            ],
            length: { "BR-FR-01_\($0)-1" }, format: { ["BR-FR-01_\($0)-2", "BR-FR-02_\($0)"] })
        + dates(
            [
                ("BT-2", either("cbc:IssueDate")),
                ("BT-7", either("cbc:TaxPointDate")),
                ("BT-9", either("cbc:DueDate")),
                ("BT-26", either("cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate")),
                ("BT-72", either("cac:Delivery/cbc:ActualDeliveryDate")),
                ("BT-73", either("cac:InvoicePeriod/cbc:StartDate")),
                ("BT-74", either("cac:InvoicePeriod/cbc:EndDate")),
                ("EXT-FR-FE-138", eitherLine("cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate")),
                ("EXT-FR-FE-158", eitherLine("cac:Delivery/cbc:ActualDeliveryDate")),
                ("BT-134", eitherLine("cac:InvoicePeriod/cbc:StartDate")),
                ("BT-135", eitherLine("cac:InvoicePeriod/cbc:EndDate")),
            ],
            ubl: true)
        + documentTypes(
            [
                ("BT-3", "ubl:Invoice/cbc:InvoiceTypeCode | cn:CreditNote/cbc:CreditNoteTypeCode"),
                ("EXT-FR-FE-02", either("cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentTypeCode")),
                ("EXT-FR-FE-137", eitherLine("cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentTypeCode")),
            ])

    /// `ubl:Invoice/path | cn:CreditNote/path`.
    static func either(_ path: String) -> String { "ubl:Invoice/\(path) | cn:CreditNote/\(path)" }

    /// The same path under an invoice line or a credit note line.
    static func eitherLine(_ path: String) -> String {
        "ubl:Invoice/cac:InvoiceLine/\(path) | cn:CreditNote/cac:CreditNoteLine/\(path)"
    }

    private static func identifiers(
        _ places: [(String, String)], length: (String) -> String,
        format: (String) -> [String]
    ) -> [FrenchElementCheck] {
        places.flatMap { term, pattern in
            [
                FrenchElementCheck(length(term), terms: [term], pattern, .tooLong(term, maximum: 35)) {
                    FrenchText.length($0) <= 35
                }
            ]
                + format(term).map { id in
                    FrenchElementCheck(
                        id, terms: [term], pattern, .documentIdentifier(term),
                        value: FrenchText.isValidDocumentIdentifier)
                }
        }
    }

    private static func dates(_ places: [(String, String)], ubl: Bool) -> [FrenchElementCheck] {
        places.map { term, pattern in
            FrenchElementCheck(
                "BR-FR-03_\(term)", terms: [term], pattern, .date(term, ubl: ubl),
                value: ubl ? FrenchText.isValidUBLDate : FrenchText.isValidCIIDate)
        }
    }

    private static func documentTypes(_ places: [(String, String)]) -> [FrenchElementCheck] {
        places.map { term, pattern in
            FrenchElementCheck("BR-FR-04_\(term)", terms: [term], pattern, .documentType(term)) {
                FrenchCodes.documentTypes.contains($0)
            }
        }
    }

    /// The same rules on an invoice built in memory (reported with the CII rule ids).
    static func check(_ invoice: Invoice, _ context: inout RuleContext) {
        func identifier(_ value: String, term: String, path: String) {
            guard !value.isEmpty else { return }
            if FrenchText.length(value) > 35 {
                context.report("BR-FR-01_\(term)", terms: [term], .term(path), .tooLong(term, maximum: 35))
            }
            if !FrenchText.isValidDocumentIdentifier(value) {
                context.report("BR-FR-02_\(term)", terms: [term], .term(path), .documentIdentifier(term))
            }
        }
        func date(_ value: CalendarDate?, term: String, path: String) {
            guard let value, !(2000...2099).contains(value.year) else { return }
            context.report("BR-FR-03_\(term)", terms: [term], .term(path), .date(term, ubl: false))
        }
        identifier(invoice.number, term: "BT-1", path: "BT-1")
        for (index, preceding) in invoice.precedingInvoices.enumerated() {
            identifier(preceding.number, term: "BT-25", path: "BG-3[\(index)]/BT-25")
            date(preceding.issueDate, term: "BT-26", path: "BG-3[\(index)]/BT-26")
        }
        date(invoice.issueDate, term: "BT-2", path: "BT-2")
        date(invoice.taxPointDate, term: "BT-7", path: "BT-7")
        date(invoice.dueDate, term: "BT-9", path: "BT-9")
        date(invoice.delivery?.actualDeliveryDate, term: "BT-72", path: "BG-13/BT-72")
        date(invoice.invoicingPeriod?.startDate, term: "BT-73", path: "BG-14/BT-73")
        date(invoice.invoicingPeriod?.endDate, term: "BT-74", path: "BG-14/BT-74")
        for (index, line) in invoice.lines.enumerated() {
            date(line.period?.startDate, term: "EXT-FR-FE-134", path: "BG-25[\(index)]/BG-26/BT-134")
            date(line.period?.endDate, term: "EXT-FR-FE-135", path: "BG-25[\(index)]/BG-26/BT-135")
        }
        if !invoice.typeCode.isEmpty, !FrenchCodes.documentTypes.contains(invoice.typeCode) {
            context.report("BR-FR-04_BT-3", terms: ["BT-3"], .term("BT-3"), .documentType("BT-3"))
        }
    }
}
