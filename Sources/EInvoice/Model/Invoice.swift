/// An electronic invoice or credit note in the EN 16931-1 semantic model.
///
/// Every field carries the business name; the doc comment gives the EN 16931 term id.
public struct Invoice: Sendable, Hashable {
    /// BT-1 Invoice number
    public var number: String = ""
    /// BT-2 Invoice issue date
    public var issueDate: CalendarDate?
    /// BT-3 Invoice type code (UNTDID 1001: 380 invoice, 381 credit note, 384 corrected, 389 self-billed…)
    public var typeCode: String = "380"
    /// BT-5 Invoice currency code (ISO 4217)
    public var currencyCode: String = ""
    /// BT-6 VAT accounting currency code
    public var vatAccountingCurrencyCode: String?
    /// BT-7 Value added tax point date
    public var taxPointDate: CalendarDate?
    /// BT-8 Value added tax point date code (UNTDID 2005)
    public var taxPointDateCode: String?
    /// BT-9 Payment due date
    public var dueDate: CalendarDate?
    /// BT-10 Buyer reference
    public var buyerReference: String?
    /// BT-11 Project reference
    public var projectReference: String?
    /// BT-12 Contract reference
    public var contractReference: String?
    /// BT-13 Purchase order reference
    public var purchaseOrderReference: String?
    /// BT-14 Sales order reference
    public var salesOrderReference: String?
    /// BT-15 Receiving advice reference
    public var receivingAdviceReference: String?
    /// BT-16 Despatch advice reference
    public var despatchAdviceReference: String?
    /// BT-17 Tender or lot reference
    public var tenderOrLotReference: String?
    /// BT-18 Invoiced object identifier, with BT-18-1 scheme
    public var invoicedObjectIdentifier: Identifier?
    /// BT-19 Buyer accounting reference
    public var buyerAccountingReference: String?
    /// BT-20 Payment terms
    public var paymentTerms: String?
    /// BG-1 Invoice note
    public var notes: [InvoiceNote] = []
    /// BG-2 Process control
    public var processControl = ProcessControl()
    /// BG-3 Preceding invoice reference
    public var precedingInvoices: [PrecedingInvoiceReference] = []
    /// BG-4 Seller
    public var seller = Party()
    /// BG-7 Buyer
    public var buyer = Party()
    /// BG-10 Payee
    public var payee: Payee?
    /// BG-11 Seller tax representative party
    public var sellerTaxRepresentative: TaxRepresentative?
    /// BG-13 Delivery information
    public var delivery: DeliveryInformation?
    /// BG-14 Invoicing period
    public var invoicingPeriod: Period?
    /// BG-16 Payment instructions
    public var paymentInstructions: PaymentInstructions?
    /// BG-20 Document level allowances
    public var allowances: [AllowanceCharge] = []
    /// BG-21 Document level charges
    public var charges: [AllowanceCharge] = []
    /// BG-22 Document totals
    public var totals = DocumentTotals()
    /// BG-23 VAT breakdown
    public var vatBreakdown: [VATBreakdown] = []
    /// BG-24 Additional supporting documents
    public var supportingDocuments: [SupportingDocument] = []
    /// BG-25 Invoice lines
    public var lines: [InvoiceLine] = []

    public init() {}

    /// Credit notes (381, 261, 262, 296, 308, 396, 420, 458, 532) carry positive amounts that reduce a debt.
    public var isCreditNote: Bool { CodeSets.creditNoteTypeCodes.contains(typeCode) }
}

/// BG-1 Invoice note
public struct InvoiceNote: Sendable, Hashable {
    /// BT-21 Invoice note subject code (UNTDID 4451)
    public var subjectCode: String?
    /// BT-22 Invoice note
    public var text: String

    public init(text: String, subjectCode: String? = nil) {
        self.text = text
        self.subjectCode = subjectCode
    }
}

/// BG-2 Process control
public struct ProcessControl: Sendable, Hashable {
    /// BT-23 Business process type
    public var businessProcessType: String?
    /// BT-24 Specification identifier (the profile)
    public var specificationIdentifier: String = ""

    public init(businessProcessType: String? = nil, specificationIdentifier: String = "") {
        self.businessProcessType = businessProcessType
        self.specificationIdentifier = specificationIdentifier
    }
}

/// BG-3 Preceding invoice reference
public struct PrecedingInvoiceReference: Sendable, Hashable {
    /// BT-25 Preceding invoice reference
    public var number: String
    /// BT-26 Preceding invoice issue date
    public var issueDate: CalendarDate?

    public init(number: String, issueDate: CalendarDate? = nil) {
        self.number = number
        self.issueDate = issueDate
    }
}

/// BG-24 Additional supporting documents
public struct SupportingDocument: Sendable, Hashable {
    /// BT-122 Supporting document reference
    public var reference: String
    /// BT-123 Supporting document description
    public var description: String?
    /// BT-124 External document location
    public var externalLocation: String?
    /// BT-125 Attached document, with BT-125-1 MIME code and BT-125-2 file name
    public var attachment: BinaryObject?
    /// CII carries the invoiced object identifier (BT-18) and the tender reference (BT-17) as documents
    /// with type code 130 and 50; other documents carry 916 or nothing.
    public var typeCode: String?

    public init(reference: String, description: String? = nil, externalLocation: String? = nil,
                attachment: BinaryObject? = nil, typeCode: String? = nil) {
        self.reference = reference
        self.description = description
        self.externalLocation = externalLocation
        self.attachment = attachment
        self.typeCode = typeCode
    }
}

// Conventions for incomplete documents, which the rules must be able to see:
// - a term that may be absent is optional; a text term that the source lacks is read as "" (never invented);
// - amounts and quantities are optional wherever EN 16931 makes them mandatory, so that BR-12 … BR-15,
//   BR-24, BR-27 and the like can say "missing" instead of "zero".
