import Foundation
/// A model field an ERP column (or XML path) can fill, named by its EN 16931 term id (`BT-1`) or business name
/// (`invoiceNumber`). The level says whether it belongs to the invoice or to one of its lines.
public enum InvoiceField: String, Sendable, CaseIterable, Comparable {
    // Invoice (header) level.
    case number = "BT-1", issueDate = "BT-2", typeCode = "BT-3", currencyCode = "BT-5", dueDate = "BT-9"
    case buyerReference = "BT-10", contractReference = "BT-12", purchaseOrderReference = "BT-13"
    case salesOrderReference = "BT-14", despatchAdviceReference = "BT-16", buyerAccountingReference = "BT-19"
    case paymentTerms = "BT-20", note = "BT-22", businessProcessType = "BT-23", specificationIdentifier = "BT-24"
    case precedingInvoiceNumber = "BT-25", precedingInvoiceDate = "BT-26"
    case sellerName = "BT-27", sellerIdentifier = "BT-29", sellerSiren = "BT-30", sellerVATIdentifier = "BT-31"
    case sellerElectronicAddress = "BT-34", sellerElectronicAddressScheme = "BT-34-1"
    case sellerAddressLine1 = "BT-35", sellerAddressLine2 = "BT-36", sellerCity = "BT-37", sellerPostCode = "BT-38"
    case sellerCountryCode = "BT-40", sellerContactName = "BT-41", sellerContactTelephone = "BT-42"
    case sellerContactEmail = "BT-43"
    case buyerName = "BT-44", buyerIdentifier = "BT-46", buyerSiren = "BT-47", buyerVATIdentifier = "BT-48"
    case buyerElectronicAddress = "BT-49", buyerElectronicAddressScheme = "BT-49-1"
    case buyerAddressLine1 = "BT-50", buyerAddressLine2 = "BT-51", buyerCity = "BT-52", buyerPostCode = "BT-53"
    case buyerCountryCode = "BT-55"
    case deliveryDate = "BT-72", paymentMeansCode = "BT-81", remittanceInformation = "BT-83"
    case paymentAccountIdentifier = "BT-84", paymentServiceProvider = "BT-86", paidAmount = "BT-113"
    // Line level.
    case lineIdentifier = "BT-126", lineNote = "BT-127", quantity = "BT-129", unitCode = "BT-130"
    case lineNetAmount = "BT-131", purchaseOrderLineReference = "BT-132", netPrice = "BT-146"
    case priceDiscount = "BT-147", grossPrice = "BT-148", baseQuantity = "BT-149", vatCategory = "BT-151"
    case vatRate = "BT-152", itemName = "BT-153", itemDescription = "BT-154", sellerItemIdentifier = "BT-155"
    case buyerItemIdentifier = "BT-156", standardItemIdentifier = "BT-157", standardItemScheme = "BT-157-1"

    public enum Level: Sendable { case invoice, line }

    public var level: Level {
        switch self {
        case .lineIdentifier, .lineNote, .quantity, .unitCode, .lineNetAmount, .purchaseOrderLineReference,
            .netPrice, .priceDiscount, .grossPrice, .baseQuantity, .vatCategory, .vatRate, .itemName,
            .itemDescription, .sellerItemIdentifier, .buyerItemIdentifier, .standardItemIdentifier,
            .standardItemScheme:
            .line
        default: .invoice
        }
    }

    /// The business name, as accepted in mappings.
    public var businessName: String { String(describing: self) }

    /// The term id, e.g. `BT-13`.
    public var termID: String { rawValue }

    /// Other names accepted in mappings (lower-cased comparison).
    var aliases: [String] {
        switch self {
        case .number: ["invoiceNumber"]
        case .currencyCode: ["currency"]
        case .purchaseOrderReference: ["orderReference"]
        case .sellerSiren: ["sellerLegalRegistrationIdentifier"]
        case .buyerSiren: ["buyerLegalRegistrationIdentifier"]
        case .buyerIdentifier: ["customerCode"]
        case .paymentAccountIdentifier: ["iban"]
        case .paymentServiceProvider: ["bic"]
        case .lineIdentifier: ["lineID", "lineId"]
        case .sellerItemIdentifier: ["productCode", "sellerItemId"]
        default: []
        }
    }

    /// Finds a field by term id or name; nil when unknown.
    public init?(name: String) {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let field = Self.byName[key] else { return nil }
        self = field
    }

    private static let byName: [String: InvoiceField] = {
        var table: [String: InvoiceField] = [:]
        for field in InvoiceField.allCases {
            table[field.rawValue.lowercased()] = field
            table[field.businessName.lowercased()] = field
            for alias in field.aliases { table[alias.lowercased()] = field }
        }
        return table
    }()

    /// Orders by term number so a term comes before its scheme (`BT-34` before `BT-34-1`), a quantity before its
    /// unit.
    public static func < (lhs: InvoiceField, rhs: InvoiceField) -> Bool {
        lhs.sortKey < rhs.sortKey
    }

    private var sortKey: (Int, Int) {
        let parts = rawValue.dropFirst(3).split(separator: "-")
        return (parts.first.flatMap { Int($0) } ?? 0, parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
    }
}
