import Gateway

/// Agreed prices for one customer, one customer group, or everyone, over a validity period.
struct PriceListDTO: MasterDataDTO {
    struct Entry: Codable, Sendable {
        /// BT-155
        var productCode: String?
        /// BT-146, per `baseQuantity` units, as a string: `"12.50"`.
        var unitPrice: String?
        /// BT-149; absent = 1.
        var baseQuantity: String?
    }

    static let resource = "price-lists"
    static let shape = JSONShape.object([
        "code": .any, "customerCode": .any, "customerGroup": .any, "currencyCode": .any, "validFrom": .any,
        "validTo": .any, "entries": .array(.leaves("productCode", "unitPrice", "baseQuantity")), "active": .any,
        "version": .any, "expectedVersion": .any,
    ])

    var code: String?
    var customerCode: String?
    var customerGroup: String?
    /// BT-5; absent = EUR.
    var currencyCode: String?
    /// First day (inclusive), `YYYY-MM-DD`.
    var validFrom: String?
    /// Last day (inclusive), `YYYY-MM-DD`.
    var validTo: String?
    var entries: [Entry]?
    var active: Bool?
    var version: Int?
    var expectedVersion: Int?

    init(_ item: PriceList, version: Int) {
        code = item.code
        customerCode = item.customerCode
        customerGroup = item.customerGroup
        currencyCode = item.currencyCode
        validFrom = item.validFrom?.isoText
        validTo = item.validTo?.isoText
        entries = item.entries.map {
            Entry(productCode: $0.productCode, unitPrice: $0.unitPrice.description,
                  baseQuantity: $0.baseQuantity?.description)
        }
        active = item.active
        self.version = version
    }

    func item(code: String) throws(MasterDataFieldProblems) -> PriceList {
        var reader = FieldReader()
        let from = reader.date(validFrom, field: "validFrom")
        let to = reader.date(validTo, field: "validTo")
        var prices: [PriceListEntry] = []
        for (index, entry) in (entries ?? []).enumerated() {
            let priceField = "entries[\(index)].unitPrice"
            let price = entry.unitPrice == nil
                ? reader.missing(priceField) : reader.decimal(entry.unitPrice, field: priceField)
            let base = reader.decimal(entry.baseQuantity, field: "entries[\(index)].baseQuantity")
            prices.append(PriceListEntry(productCode: entry.productCode ?? "", unitPrice: price ?? .zero,
                                         baseQuantity: base))
        }
        try reader.check()
        return PriceList(code: self.code ?? code, customerCode: customerCode, customerGroup: customerGroup,
                         currencyCode: currencyCode ?? "EUR", validFrom: from, validTo: to, entries: prices,
                         active: active ?? true)
    }
}
