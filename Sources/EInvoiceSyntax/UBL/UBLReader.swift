import EInvoice

/// Reads an OASIS UBL 2.1 Invoice or CreditNote into the EN 16931 model, following the
/// EN 16931-3-2 UBL binding.
///
/// Each mapped term is recorded in `ParsedInvoice.sourceMap` under its term path; every element the
/// mapping does not consume (extensions, UBL-only elements, repetitions the model cannot hold) is listed in
/// `ParsedInvoice.notCarried`. A malformed date or number is an error that names the term and its place.
public struct UBLReader: Sendable {
    public init() {}

    public func read(_ tree: XMLTree) throws(InvoiceReadError) -> ParsedInvoice {
        guard let root = tree.root else { throw InvoiceReadError("the document has no root element") }
        let syntax: InvoiceSyntax
        switch (root.localName, root.namespace) {
        case ("Invoice", Namespaces.ublInvoice): syntax = .ublInvoice
        case ("CreditNote", Namespaces.ublCreditNote): syntax = .ublCreditNote
        default:
            throw InvoiceReadError(
                "the root element <\(root.qualifiedName)> in namespace '\(root.namespace)' is not a UBL 2.1 "
                    + "Invoice (\(Namespaces.ublInvoice)) or CreditNote (\(Namespaces.ublCreditNote))",
                line: root.line, column: root.column, xpath: "/\(root.qualifiedName)")
        }
        var mapping = UBLInvoiceMapping(source: UBLSource(tree: tree), isCreditNote: syntax == .ublCreditNote)
        let invoice = try mapping.readInvoice()
        return ParsedInvoice(
            invoice: invoice, syntax: syntax, tree: tree, sourcePaths: mapping.source.sourceMap,
            notCarried: LazyValue { [tree = mapping.source.tree, consumed = mapping.source.consumed] in
                UBLSource.notCarried(in: tree, consumed: consumed)
            })
    }
}

/// The reading of one document; its parts live in `UBLInvoiceMapping+*.swift`.
struct UBLInvoiceMapping {
    var source: UBLSource
    let isCreditNote: Bool
    let root = 0
    /// BT-90, found among the seller's or the payee's party identifiers (scheme `SEPA`).
    var creditorIdentifier: String?

    static let cbc = Namespaces.ublCBC
    static let cac = Namespaces.ublCAC

    mutating func readInvoice() throws(InvoiceReadError) -> Invoice {
        var invoice = Invoice()
        try readHeader(into: &invoice)
        try readReferences(into: &invoice)
        readParties(into: &invoice)
        try readDelivery(into: &invoice)
        try readPayment(into: &invoice)
        try readAllowancesAndCharges(into: &invoice)
        try readTaxTotals(into: &invoice)
        try readMonetaryTotal(into: &invoice)
        try readLines(into: &invoice)
        return invoice
    }

    /// BT-1 … BT-10, BT-19, BG-1, BG-2, BG-14.
    mutating func readHeader(into invoice: inout Invoice) throws(InvoiceReadError) {
        invoice.processControl.specificationIdentifier = source.text(root, "CustomizationID", at: "BG-2/BT-24") ?? ""
        invoice.processControl.businessProcessType = source.text(root, "ProfileID", at: "BG-2/BT-23")
        invoice.number = source.text(root, "ID", at: "BT-1") ?? ""
        invoice.issueDate = try source.date(root, "IssueDate", at: "BT-2")
        if !isCreditNote {
            invoice.dueDate = try source.date(root, "DueDate", at: "BT-9")
        }
        invoice.typeCode = source.text(root, isCreditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode", at: "BT-3") ?? ""
        for (position, note) in source.takeAll(root, "Note").enumerated() {
            let parsed = UBLNoteText.decode(source.text(of: note))
            source.record("BG-1[\(position)]", note)
            source.record("BG-1[\(position)]/BT-22", note)
            if parsed.subjectCode != nil { source.record("BG-1[\(position)]/BT-21", note) }
            invoice.notes.append(parsed)
        }
        invoice.taxPointDate = try source.date(root, "TaxPointDate", at: "BT-7")
        invoice.currencyCode = source.text(root, "DocumentCurrencyCode", at: "BT-5") ?? ""
        invoice.vatAccountingCurrencyCode = source.text(root, "TaxCurrencyCode", at: "BT-6")
        invoice.buyerAccountingReference = source.text(root, "AccountingCost", at: "BT-19")
        invoice.buyerReference = source.text(root, "BuyerReference", at: "BT-10")

        if let period = source.take(root, "InvoicePeriod", Self.cac) {
            source.record("BG-14", period)
            let start = try source.date(period, "StartDate", at: "BG-14/BT-73")
            let end = try source.date(period, "EndDate", at: "BG-14/BT-74")
            invoice.taxPointDateCode = source.text(period, "DescriptionCode", at: "BT-8")
            // The period also carries BT-8: with only that code, BG-14 is not used. An element with neither
            // dates nor code is an empty BG-14 (BR-CO-19).
            if start != nil || end != nil || invoice.taxPointDateCode == nil {
                invoice.invoicingPeriod = Period(startDate: start, endDate: end)
            }
            // EN 16931 places BG-14 inside BG-13; both spellings of the path lead to the same elements.
            for term in ["BG-14", "BG-14/BT-73", "BG-14/BT-74"] {
                if let index = source.sourceMap[term] { source.record("BG-13/" + term, index) }
            }
        }
    }

    /// BT-11 … BT-18, BG-3, BG-24.
    mutating func readReferences(into invoice: inout Invoice) throws(InvoiceReadError) {
        if let order = source.take(root, "OrderReference", Self.cac) {
            let purchaseOrder = source.text(order, "ID", at: "BT-13")
            invoice.salesOrderReference = source.text(order, "SalesOrderID", at: "BT-14")
            // UBL requires an order id; "NA" stands in for it when only the sales order is known.
            if purchaseOrder == "NA", invoice.salesOrderReference != nil {
                source.sourceMap["BT-13"] = nil
            } else {
                invoice.purchaseOrderReference = purchaseOrder
            }
        }
        var preceding = 0
        for billing in source.peekAll(root, "BillingReference", Self.cac) {
            guard let reference = source.take(billing, "InvoiceDocumentReference", Self.cac) else { continue }
            source.consume(billing)
            let path = "BG-3[\(preceding)]"
            source.record(path, billing)
            let number = source.text(reference, "ID", at: path + "/BT-25") ?? ""
            let date = try source.date(reference, "IssueDate", at: path + "/BT-26")
            invoice.precedingInvoices.append(PrecedingInvoiceReference(number: number, issueDate: date))
            preceding += 1
        }
        invoice.despatchAdviceReference = documentID("DespatchDocumentReference", at: "BT-16")
        invoice.receivingAdviceReference = documentID("ReceiptDocumentReference", at: "BT-15")
        invoice.tenderOrLotReference = documentID("OriginatorDocumentReference", at: "BT-17")
        invoice.contractReference = documentID("ContractDocumentReference", at: "BT-12")
        readAdditionalDocuments(into: &invoice)
        if !isCreditNote { invoice.projectReference = documentID("ProjectReference", at: "BT-11") }
    }

    /// The `cbc:ID` of the first document reference of the kind.
    private mutating func documentID(_ name: String, at path: String) -> String? {
        guard let reference = source.peek(root, name, Self.cac), source.peek(reference, "ID") != nil else { return nil }
        source.consume(reference)
        return source.text(reference, "ID", at: path)
    }

    /// BT-18 (type 130), BT-11 in a credit note (type 50), and BG-24 for the others.
    mutating func readAdditionalDocuments(into invoice: inout Invoice) {
        for reference in source.peekAll(root, "AdditionalDocumentReference", Self.cac) {
            let typeCode = source.peek(reference, "DocumentTypeCode").map { source.text(of: $0) }
            if typeCode == "130", invoice.invoicedObjectIdentifier == nil, source.peek(reference, "ID") != nil {
                source.consume(reference)
                _ = source.take(reference, "DocumentTypeCode")
                invoice.invoicedObjectIdentifier = source.identifier(reference, "ID", at: "BT-18")
                continue
            }
            if isCreditNote, typeCode == "50", invoice.projectReference == nil, source.peek(reference, "ID") != nil {
                source.consume(reference)
                _ = source.take(reference, "DocumentTypeCode")
                invoice.projectReference = source.text(reference, "ID", at: "BT-11")
                continue
            }
            source.consume(reference)
            let path = "BG-24[\(invoice.supportingDocuments.count)]"
            source.record(path, reference)
            var document = SupportingDocument(reference: source.text(reference, "ID", at: path + "/BT-122") ?? "")
            document.typeCode = source.text(reference, "DocumentTypeCode")
            document.description = source.text(reference, "DocumentDescription", at: path + "/BT-123")
            if let attachment = source.take(reference, "Attachment", Self.cac) {
                if let binary = source.take(attachment, "EmbeddedDocumentBinaryObject") {
                    source.record(path + "/BT-125", binary)
                    document.attachment = BinaryObject(
                        base64Content: source.text(of: binary), mimeCode: source.attribute("mimeCode", of: binary),
                        filename: source.attribute("filename", of: binary))
                }
                if let external = source.take(attachment, "ExternalReference", Self.cac) {
                    document.externalLocation = source.text(external, "URI", at: path + "/BT-124")
                }
            }
            invoice.supportingDocuments.append(document)
        }
    }
}
