import EInvoice

/// One invoice line (BG-25) being assembled from a row.
struct LineDraft: Sendable {
    var sourceLine: Int
    var identifier = ""
    var note: String?
    var quantity: ExactDecimal?
    var unitCode: String?
    var declaredNetAmount: ExactDecimal?
    var purchaseOrderLineReference: String?
    var netPrice: ExactDecimal?
    var discount: ExactDecimal?
    var grossPrice: ExactDecimal?
    var baseQuantity: ExactDecimal?
    var vatCategory = ""
    var vatRate: ExactDecimal?
    var item = ItemInformation(name: "")
    var standardIdentifier: String?
    var standardScheme: String?

    init(sourceLine: Int) { self.sourceLine = sourceLine }

    /// Sets one line field from its text (already trimmed, never empty).
    mutating func apply(_ field: InvoiceField, _ text: String, _ conventions: ValueConventions) throws(ValueError) {
        let numbers = conventions.numbers
        switch field {
        case .lineIdentifier: identifier = text
        case .lineNote: note = text
        case .quantity: quantity = try numbers.parse(text)
        case .unitCode: unitCode = text
        case .lineNetAmount: declaredNetAmount = try numbers.parse(text)
        case .purchaseOrderLineReference: purchaseOrderLineReference = text
        case .netPrice: netPrice = try numbers.parse(text)
        case .priceDiscount: discount = try numbers.parse(text)
        case .grossPrice: grossPrice = try numbers.parse(text)
        case .baseQuantity: baseQuantity = try numbers.parse(text)
        case .vatCategory: vatCategory = text.uppercased()
        case .vatRate: vatRate = try numbers.parse(text)
        case .itemName: item.name = text
        case .itemDescription: item.description = text
        case .sellerItemIdentifier: item.sellerIdentifier = text
        case .buyerItemIdentifier: item.buyerIdentifier = text
        case .standardItemIdentifier: standardIdentifier = text
        case .standardItemScheme: standardScheme = text
        default: throw ValueError("\(field.termID) is an invoice field, not a line field")
        }
    }

    /// The line, its net amount left for ``InvoiceCalculator``. Lines without an id are numbered from 1.
    func build(position: Int) -> InvoiceLine {
        var built = item
        if let standardIdentifier {
            built.standardIdentifier = Identifier(standardIdentifier, schemeID: standardScheme ?? "0160")
        }
        var line = InvoiceLine(
            identifier: identifier.isEmpty ? String(position + 1) : identifier,
            quantity: quantity.map { Quantity($0, unitCode: unitCode ?? "C62") },
            netAmount: nil,
            price: PriceDetails(
                netPrice: netPrice, discount: discount, grossPrice: grossPrice,
                baseQuantity: baseQuantity.map { Quantity($0, unitCode: unitCode ?? "C62") }),
            vat: LineVATInformation(categoryCode: vatCategory, rate: vatRate),
            item: built)
        line.note = note
        line.purchaseOrderLineReference = purchaseOrderLineReference
        return line
    }
}
