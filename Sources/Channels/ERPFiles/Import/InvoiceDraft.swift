import EInvoice
import Foundation

/// How values of a file are written: numbers and dates.
struct ValueConventions: Sendable {
    var numbers: NumberFormat
    var dates: DateFormats

    /// What the YAML `defaults` use: `1234.56` and `yyyy-MM-dd`.
    static let mappingFile = ValueConventions(numbers: NumberFormat(), dates: DateFormats(["yyyy-MM-dd"]))
}

/// An invoice being assembled from the rows (or XML elements) of a file, with where it came from.
struct InvoiceDraft: Sendable {
    var invoice = Invoice()
    var lines: [LineDraft] = []
    /// The source lines (CSV line numbers, XML element lines) of the invoice.
    var firstLine: Int
    var lastLine: Int
    /// Problems found while reading its values; any problem refuses the invoice.
    var problems: [RowProblem] = []

    var sellerAddressScheme: String?
    var buyerAddressScheme: String?
    var buyerIdentifierScheme: String?
    var paymentMeansCode: String?
    var remittanceInformation: String?
    var accountIdentifier: String?
    var serviceProvider: String?
    var deliveryDate: CalendarDate?
    var precedingNumber: String?
    var precedingDate: CalendarDate?

    init(line: Int) {
        firstLine = line
        lastLine = line
    }

    /// Sets one invoice-level field from its text (already trimmed, never empty).
    mutating func apply(_ field: InvoiceField, _ text: String, _ conventions: ValueConventions) throws(ValueError) {
        switch field {
        case .number: invoice.number = text
        case .issueDate: invoice.issueDate = try conventions.dates.parse(text)
        case .typeCode: invoice.typeCode = text
        case .currencyCode: invoice.currencyCode = text.uppercased()
        case .dueDate: invoice.dueDate = try conventions.dates.parse(text)
        case .buyerReference: invoice.buyerReference = text
        case .contractReference: invoice.contractReference = text
        case .purchaseOrderReference: invoice.purchaseOrderReference = text
        case .salesOrderReference: invoice.salesOrderReference = text
        case .despatchAdviceReference: invoice.despatchAdviceReference = text
        case .buyerAccountingReference: invoice.buyerAccountingReference = text
        case .paymentTerms: invoice.paymentTerms = text
        case .note: invoice.notes.append(InvoiceNote(text: text))
        case .businessProcessType: invoice.processControl.businessProcessType = text
        case .specificationIdentifier: invoice.processControl.specificationIdentifier = text
        case .precedingInvoiceNumber: precedingNumber = text
        case .precedingInvoiceDate: precedingDate = try conventions.dates.parse(text)
        case .sellerName: invoice.seller.name = text
        case .sellerIdentifier: invoice.seller.identifiers = [Identifier(text)]
        case .sellerSiren: invoice.seller.legalRegistrationIdentifier = Identifier(text, schemeID: "0002")
        case .sellerVATIdentifier: invoice.seller.vatIdentifier = text
        case .sellerElectronicAddress: invoice.seller.electronicAddress = Identifier(text)
        case .sellerElectronicAddressScheme: sellerAddressScheme = text
        case .sellerAddressLine1: invoice.seller.postalAddress = with(invoice.seller.postalAddress) { $0.line1 = text }
        case .sellerAddressLine2: invoice.seller.postalAddress = with(invoice.seller.postalAddress) { $0.line2 = text }
        case .sellerCity: invoice.seller.postalAddress = with(invoice.seller.postalAddress) { $0.city = text }
        case .sellerPostCode: invoice.seller.postalAddress = with(invoice.seller.postalAddress) { $0.postCode = text }
        case .sellerCountryCode:
            invoice.seller.postalAddress = with(invoice.seller.postalAddress) { $0.countryCode = text.uppercased() }
        case .sellerContactName: invoice.seller.contact = with(invoice.seller.contact) { $0.name = text }
        case .sellerContactTelephone: invoice.seller.contact = with(invoice.seller.contact) { $0.telephone = text }
        case .sellerContactEmail: invoice.seller.contact = with(invoice.seller.contact) { $0.email = text }
        case .buyerName: invoice.buyer.name = text
        case .buyerIdentifier: invoice.buyer.identifiers = [Identifier(text)]
        case .buyerSiren: invoice.buyer.legalRegistrationIdentifier = Identifier(text, schemeID: "0002")
        case .buyerVATIdentifier: invoice.buyer.vatIdentifier = text
        case .buyerElectronicAddress: invoice.buyer.electronicAddress = Identifier(text)
        case .buyerElectronicAddressScheme: buyerAddressScheme = text
        case .buyerAddressLine1: invoice.buyer.postalAddress = with(invoice.buyer.postalAddress) { $0.line1 = text }
        case .buyerAddressLine2: invoice.buyer.postalAddress = with(invoice.buyer.postalAddress) { $0.line2 = text }
        case .buyerCity: invoice.buyer.postalAddress = with(invoice.buyer.postalAddress) { $0.city = text }
        case .buyerPostCode: invoice.buyer.postalAddress = with(invoice.buyer.postalAddress) { $0.postCode = text }
        case .buyerCountryCode:
            invoice.buyer.postalAddress = with(invoice.buyer.postalAddress) { $0.countryCode = text.uppercased() }
        case .deliveryDate: deliveryDate = try conventions.dates.parse(text)
        case .paymentMeansCode: paymentMeansCode = text
        case .remittanceInformation: remittanceInformation = text
        case .paymentAccountIdentifier: accountIdentifier = text.replacingOccurrences(of: " ", with: "")
        case .paymentServiceProvider: serviceProvider = text
        case .paidAmount: invoice.totals.paidAmount = try conventions.numbers.parse(text)
        default: throw ValueError("\(field.termID) is a line field")
        }
    }

    /// The finished invoice: defaults for what the ERP rarely sends, then totals by ``InvoiceCalculator``.
    /// Problems found here (a line net amount that does not match) are added to ``problems``.
    mutating func build(notes: [InvoiceNote]) -> Invoice {
        var result = invoice
        result.notes += notes
        if result.processControl.specificationIdentifier.isEmpty {
            result.processControl.specificationIdentifier = "urn:cen.eu:en16931:2017"
        }
        if let address = result.seller.electronicAddress {
            result.seller.electronicAddress = Identifier(address.value, schemeID: sellerAddressScheme ?? "0225")
        }
        if let address = result.buyer.electronicAddress {
            result.buyer.electronicAddress = Identifier(address.value, schemeID: buyerAddressScheme ?? "0225")
        }
        if let precedingNumber {
            result.precedingInvoices = [PrecedingInvoiceReference(number: precedingNumber, issueDate: precedingDate)]
        }
        if let deliveryDate {
            var delivery = result.delivery ?? DeliveryInformation()
            delivery.actualDeliveryDate = deliveryDate
            result.delivery = delivery
        }
        if paymentMeansCode != nil || accountIdentifier != nil || remittanceInformation != nil {
            var payment = PaymentInstructions(meansTypeCode: paymentMeansCode ?? (accountIdentifier == nil ? "30" : "58"))
            payment.remittanceInformation = remittanceInformation
            if let accountIdentifier {
                payment.creditTransfers = [CreditTransfer(
                    accountIdentifier: accountIdentifier, serviceProviderIdentifier: serviceProvider)]
            }
            result.paymentInstructions = payment
        }
        result.lines = lines.enumerated().map { index, draft in draft.build(position: index) }
        let completed = InvoiceCalculator().complete(result)
        for (index, draft) in lines.enumerated() {
            if let declared = draft.declaredNetAmount, let computed = completed.lines[index].netAmount,
                declared != computed
            {
                problems.append(RowProblem(
                    line: draft.sourceLine,
                    message: "line net amount (BT-131) is \(declared) in the file but quantity × price gives \(computed)"))
            }
        }
        return completed
    }

    private func with<Value>(_ value: Value?, _ change: (inout Value) -> Void) -> Value? where Value: DefaultValue {
        var copy = value ?? Value.empty
        change(&copy)
        return copy
    }
}

/// Model groups created on first use.
protocol DefaultValue { static var empty: Self { get } }
extension PostalAddress: DefaultValue { static var empty: PostalAddress { PostalAddress() } }
extension Contact: DefaultValue { static var empty: Contact { Contact() } }

/// A problem with one row or one source line, in the words of the report.
public struct RowProblem: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the file (0 when the problem concerns the whole file).
    public var line: Int
    public var column: Int?
    public var message: String

    public init(line: Int, column: Int? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        if line == 0 { return message }
        if let column { return "line \(line), column \(column): \(message)" }
        return "line \(line): \(message)"
    }
}
