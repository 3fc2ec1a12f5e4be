import EInvoice

/// Writes an invoice as an OASIS UBL 2.1 Invoice or CreditNote, following the EN 16931-3-2 UBL binding.
///
/// Elements come in the order of the UBL 2.1 schema sequences. Amounts keep their fraction digits and carry
/// `currencyID` (BT-5, or BT-6 for BT-111). Absent terms are left out; nothing is computed or invented,
/// except what the schema demands of an element that is written (see `UBLDocumentWriter`).
public struct UBLWriter: Sendable {
    public init() {}

    /// A credit note when `asCreditNote` says so, else when the type code (BT-3) is a credit note code.
    public func write(_ invoice: Invoice, asCreditNote: Bool? = nil) -> [UInt8] {
        var document = UBLDocumentWriter(invoice: invoice, isCreditNote: asCreditNote ?? invoice.isCreditNote)
        document.writeDocument()
        return document.xml.finish()
    }
}

/// The writing of one document; its parts live in `UBLDocumentWriter+*.swift`.
///
/// Where UBL needs an element that EN 16931 does not have: `cac:OrderReference/cbc:ID` is `NA` when only the
/// sales order (BT-14) is known; `cac:CardAccount/cbc:NetworkID` is `NA`; a price discount (BT-147) missing
/// next to a gross price (BT-148) is written as gross − net; every tax category names the `VAT` scheme.
struct UBLDocumentWriter: ~Copyable {
    var xml = XMLWriter(capacity: 64 * 1024)
    let invoice: Invoice
    let isCreditNote: Bool

    var currency: String { invoice.currencyCode }

    // MARK: small pieces
    // Element names are compile-time constants (`StaticString`), written without building a `String`.

    mutating func open(_ name: StaticString) { xml.start(name) }
    mutating func close(_ name: StaticString) { xml.end(name) }

    /// A `cbc:` element with text; nothing when the value is nil.
    mutating func text(_ name: StaticString, _ value: String?) {
        xml.leaf(name, value)
    }

    /// A `cbc:` element for a non-optional text term: nothing when it is empty.
    mutating func required(_ name: StaticString, _ value: String) {
        if !value.isEmpty { xml.leaf(name, value) }
    }

    mutating func identifier(_ name: StaticString, _ value: Identifier?) {
        guard let value else { return }
        xml.leaf(name, value.value, attribute: "schemeID", value.schemeID)
    }

    mutating func date(_ name: StaticString, _ value: CalendarDate?) {
        guard let value else { return }
        xml.start(name)
        xml.isoDate(value)
        xml.end(name)
    }

    mutating func amount(_ name: StaticString, _ value: ExactDecimal?, currency code: String? = nil) {
        guard let value else { return }
        xml.start(name, attribute: "currencyID", code ?? currency)
        xml.number(value)
        xml.end(name)
    }

    mutating func number(_ name: StaticString, _ value: ExactDecimal?) {
        guard let value else { return }
        xml.start(name)
        xml.number(value)
        xml.end(name)
    }

    mutating func quantity(_ name: StaticString, _ value: Quantity?) {
        guard let value else { return }
        xml.start(name, attribute: "unitCode", value.unitCode)
        xml.number(value.value)
        xml.end(name)
    }

    /// `<cac:NAME><cbc:ID>value</cbc:ID></cac:NAME>` when the value is present.
    mutating func reference(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        open(name)
        text("cbc:ID", value)
        close(name)
    }

    mutating func taxScheme() {
        open("cac:TaxScheme")
        text("cbc:ID", "VAT")
        close("cac:TaxScheme")
    }

    // MARK: the document

    mutating func writeDocument() {
        let root = isCreditNote ? "CreditNote" : "Invoice"
        xml.open(root, [
            ("xmlns", isCreditNote ? Namespaces.ublCreditNote : Namespaces.ublInvoice),
            ("xmlns:cac", Namespaces.ublCAC),
            ("xmlns:cbc", Namespaces.ublCBC),
        ])
        writeHeader()
        writeReferences()
        writeParties()
        writeDelivery()
        writePaymentMeans()
        if let terms = invoice.paymentTerms {
            open("cac:PaymentTerms")
            text("cbc:Note", terms)
            close("cac:PaymentTerms")
        }
        writeAllowancesAndCharges()
        writeTaxTotals()
        writeMonetaryTotal()
        for line in invoice.lines { writeLine(line) }
        xml.close(root)
    }

    /// From BT-24 to BG-14, in schema order (the credit note puts BT-7 before its type code).
    mutating func writeHeader() {
        required("cbc:CustomizationID", invoice.processControl.specificationIdentifier)
        text("cbc:ProfileID", invoice.processControl.businessProcessType)
        text("cbc:ID", invoice.number)
        date("cbc:IssueDate", invoice.issueDate)
        if isCreditNote {
            date("cbc:TaxPointDate", invoice.taxPointDate)
            required("cbc:CreditNoteTypeCode", invoice.typeCode)
        } else {
            date("cbc:DueDate", invoice.dueDate)
            required("cbc:InvoiceTypeCode", invoice.typeCode)
        }
        for note in invoice.notes { text("cbc:Note", UBLNoteText.encode(note)) }
        if !isCreditNote { date("cbc:TaxPointDate", invoice.taxPointDate) }
        required("cbc:DocumentCurrencyCode", invoice.currencyCode)
        text("cbc:TaxCurrencyCode", invoice.vatAccountingCurrencyCode)
        text("cbc:AccountingCost", invoice.buyerAccountingReference)
        text("cbc:BuyerReference", invoice.buyerReference)
        if invoice.invoicingPeriod != nil || invoice.taxPointDateCode != nil {
            open("cac:InvoicePeriod")
            date("cbc:StartDate", invoice.invoicingPeriod?.startDate)
            date("cbc:EndDate", invoice.invoicingPeriod?.endDate)
            text("cbc:DescriptionCode", invoice.taxPointDateCode)
            close("cac:InvoicePeriod")
        }
    }

    /// BT-11 … BT-18, BG-3 and BG-24.
    mutating func writeReferences() {
        if invoice.purchaseOrderReference != nil || invoice.salesOrderReference != nil {
            open("cac:OrderReference")
            text("cbc:ID", invoice.purchaseOrderReference ?? "NA")
            text("cbc:SalesOrderID", invoice.salesOrderReference)
            close("cac:OrderReference")
        }
        for preceding in invoice.precedingInvoices {
            open("cac:BillingReference")
            open("cac:InvoiceDocumentReference")
            text("cbc:ID", preceding.number)
            date("cbc:IssueDate", preceding.issueDate)
            close("cac:InvoiceDocumentReference")
            close("cac:BillingReference")
        }
        reference("cac:DespatchDocumentReference", invoice.despatchAdviceReference)
        reference("cac:ReceiptDocumentReference", invoice.receivingAdviceReference)
        if !isCreditNote { reference("cac:OriginatorDocumentReference", invoice.tenderOrLotReference) }
        reference("cac:ContractDocumentReference", invoice.contractReference)
        if let object = invoice.invoicedObjectIdentifier {
            open("cac:AdditionalDocumentReference")
            identifier("cbc:ID", object)
            text("cbc:DocumentTypeCode", "130")
            close("cac:AdditionalDocumentReference")
        }
        if isCreditNote, let project = invoice.projectReference {
            // UBL 2.1 CreditNote has no cac:ProjectReference: EN 16931 puts BT-11 in a document of type 50.
            open("cac:AdditionalDocumentReference")
            text("cbc:ID", project)
            text("cbc:DocumentTypeCode", "50")
            close("cac:AdditionalDocumentReference")
        }
        for document in invoice.supportingDocuments { writeSupportingDocument(document) }
        if isCreditNote {
            reference("cac:OriginatorDocumentReference", invoice.tenderOrLotReference)
        } else {
            reference("cac:ProjectReference", invoice.projectReference)
        }
    }

    /// One BG-24. CII's generic type code 916 is not written: UBL-SR-43 allows no type code there.
    mutating func writeSupportingDocument(_ document: SupportingDocument) {
        open("cac:AdditionalDocumentReference")
        text("cbc:ID", document.reference)
        text("cbc:DocumentTypeCode", document.typeCode == "916" ? nil : document.typeCode)
        text("cbc:DocumentDescription", document.description)
        if document.attachment != nil || document.externalLocation != nil {
            open("cac:Attachment")
            if let attachment = document.attachment {
                xml.element(
                    "cbc:EmbeddedDocumentBinaryObject", attachment.base64Content,
                    [("mimeCode", attachment.mimeCode), ("filename", attachment.filename)])
            }
            if let location = document.externalLocation {
                open("cac:ExternalReference")
                text("cbc:URI", location)
                close("cac:ExternalReference")
            }
            close("cac:Attachment")
        }
        close("cac:AdditionalDocumentReference")
    }
}
