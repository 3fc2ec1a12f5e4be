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

    mutating func open(_ name: String) { xml.open(name) }
    mutating func close(_ name: String) { xml.close(name) }

    /// A `cbc:` element with text; nothing when the value is nil.
    mutating func text(_ name: String, _ value: String?) {
        xml.element("cbc:" + name, value)
    }

    /// A `cbc:` element for a non-optional text term: nothing when it is empty.
    mutating func required(_ name: String, _ value: String) {
        if !value.isEmpty { xml.element("cbc:" + name, value) }
    }

    mutating func identifier(_ name: String, _ value: Identifier?) {
        guard let value else { return }
        xml.element("cbc:" + name, value.value, attribute: "schemeID", value.schemeID)
    }

    mutating func date(_ name: String, _ value: CalendarDate?) {
        xml.element("cbc:" + name, value?.isoText)
    }

    mutating func amount(_ name: String, _ value: ExactDecimal?, currency code: String? = nil) {
        guard let value else { return }
        let element = "cbc:" + name
        xml.open(element, attribute: "currencyID", code ?? currency)
        xml.number(value)
        xml.close(element)
    }

    mutating func number(_ name: String, _ value: ExactDecimal?) {
        guard let value else { return }
        let element = "cbc:" + name
        xml.open(element)
        xml.number(value)
        xml.close(element)
    }

    mutating func quantity(_ name: String, _ value: Quantity?) {
        guard let value else { return }
        let element = "cbc:" + name
        xml.open(element, attribute: "unitCode", value.unitCode)
        xml.number(value.value)
        xml.close(element)
    }

    /// `<cac:NAME><cbc:ID>value</cbc:ID></cac:NAME>` when the value is present.
    mutating func reference(_ name: String, _ value: String?) {
        guard let value else { return }
        open("cac:" + name)
        text("ID", value)
        close("cac:" + name)
    }

    mutating func taxScheme() {
        open("cac:TaxScheme")
        text("ID", "VAT")
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
            text("Note", terms)
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
        required("CustomizationID", invoice.processControl.specificationIdentifier)
        text("ProfileID", invoice.processControl.businessProcessType)
        text("ID", invoice.number)
        date("IssueDate", invoice.issueDate)
        if isCreditNote {
            date("TaxPointDate", invoice.taxPointDate)
            required("CreditNoteTypeCode", invoice.typeCode)
        } else {
            date("DueDate", invoice.dueDate)
            required("InvoiceTypeCode", invoice.typeCode)
        }
        for note in invoice.notes { text("Note", UBLNoteText.encode(note)) }
        if !isCreditNote { date("TaxPointDate", invoice.taxPointDate) }
        required("DocumentCurrencyCode", invoice.currencyCode)
        text("TaxCurrencyCode", invoice.vatAccountingCurrencyCode)
        text("AccountingCost", invoice.buyerAccountingReference)
        text("BuyerReference", invoice.buyerReference)
        if invoice.invoicingPeriod != nil || invoice.taxPointDateCode != nil {
            open("cac:InvoicePeriod")
            date("StartDate", invoice.invoicingPeriod?.startDate)
            date("EndDate", invoice.invoicingPeriod?.endDate)
            text("DescriptionCode", invoice.taxPointDateCode)
            close("cac:InvoicePeriod")
        }
    }

    /// BT-11 … BT-18, BG-3 and BG-24.
    mutating func writeReferences() {
        if invoice.purchaseOrderReference != nil || invoice.salesOrderReference != nil {
            open("cac:OrderReference")
            text("ID", invoice.purchaseOrderReference ?? "NA")
            text("SalesOrderID", invoice.salesOrderReference)
            close("cac:OrderReference")
        }
        for preceding in invoice.precedingInvoices {
            open("cac:BillingReference")
            open("cac:InvoiceDocumentReference")
            text("ID", preceding.number)
            date("IssueDate", preceding.issueDate)
            close("cac:InvoiceDocumentReference")
            close("cac:BillingReference")
        }
        reference("DespatchDocumentReference", invoice.despatchAdviceReference)
        reference("ReceiptDocumentReference", invoice.receivingAdviceReference)
        if !isCreditNote { reference("OriginatorDocumentReference", invoice.tenderOrLotReference) }
        reference("ContractDocumentReference", invoice.contractReference)
        if let object = invoice.invoicedObjectIdentifier {
            open("cac:AdditionalDocumentReference")
            identifier("ID", object)
            text("DocumentTypeCode", "130")
            close("cac:AdditionalDocumentReference")
        }
        if isCreditNote, let project = invoice.projectReference {
            // UBL 2.1 CreditNote has no cac:ProjectReference: EN 16931 puts BT-11 in a document of type 50.
            open("cac:AdditionalDocumentReference")
            text("ID", project)
            text("DocumentTypeCode", "50")
            close("cac:AdditionalDocumentReference")
        }
        for document in invoice.supportingDocuments { writeSupportingDocument(document) }
        if isCreditNote {
            reference("OriginatorDocumentReference", invoice.tenderOrLotReference)
        } else {
            reference("ProjectReference", invoice.projectReference)
        }
    }

    /// One BG-24. CII's generic type code 916 is not written: UBL-SR-43 allows no type code there.
    mutating func writeSupportingDocument(_ document: SupportingDocument) {
        open("cac:AdditionalDocumentReference")
        text("ID", document.reference)
        text("DocumentTypeCode", document.typeCode == "916" ? nil : document.typeCode)
        text("DocumentDescription", document.description)
        if document.attachment != nil || document.externalLocation != nil {
            open("cac:Attachment")
            if let attachment = document.attachment {
                xml.element(
                    "cbc:EmbeddedDocumentBinaryObject", attachment.base64Content,
                    [("mimeCode", attachment.mimeCode), ("filename", attachment.filename)])
            }
            if let location = document.externalLocation {
                open("cac:ExternalReference")
                text("URI", location)
                close("cac:ExternalReference")
            }
            close("cac:Attachment")
        }
        close("cac:AdditionalDocumentReference")
    }
}
