import Gateway

/// A product or service of the seller's catalogue, kept identical with the ERP.
struct ProductDTO: MasterDataDTO {
    static let resource = "products"
    static let shape = JSONShape.leaves(
        "code", "name", "unitCode", "vatCategory", "vatRate", "active", "version", "expectedVersion")

    /// BT-155: the code invoice lines cite.
    var code: String?
    /// BT-153
    var name: String?
    /// BT-130 (UN/ECE Rec 20), e.g. `C62`.
    var unitCode: String?
    /// BT-151, e.g. `S`.
    var vatCategory: String?
    /// BT-152, percent, as a string: `"20.00"`.
    var vatRate: String?
    var active: Bool?
    var version: Int?
    var expectedVersion: Int?

    init(_ item: Product, version: Int) {
        code = item.code
        name = item.name
        unitCode = item.unitCode
        vatCategory = item.vatCategory
        vatRate = item.vatRate?.description
        active = item.active
        self.version = version
    }

    func item(code: String) throws(MasterDataFieldProblems) -> Product {
        var reader = FieldReader()
        let rate = reader.decimal(vatRate, field: "vatRate")
        try reader.check()
        return Product(code: self.code ?? code, name: name ?? "", unitCode: unitCode ?? "",
                       vatCategory: vatCategory ?? "", vatRate: rate, active: active ?? true)
    }
}
