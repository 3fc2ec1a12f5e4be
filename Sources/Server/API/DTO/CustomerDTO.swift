import Gateway

/// A customer (buyer) kept identical with the ERP.
struct CustomerDTO: MasterDataDTO {
    struct Address: Codable, Sendable {
        /// BT-50, BT-51
        var line1: String?
        var line2: String?
        /// BT-52
        var city: String?
        /// BT-53
        var postCode: String?
        /// BT-55, ISO 3166-1 alpha-2.
        var countryCode: String?
    }

    /// The platform receiving the customer's invoices, as the directory says.
    struct Platform: Codable, Sendable {
        /// `WK` an accredited platform (PA), `DFH` the public portal (PPF).
        var type: String?
        var identifier: String?
    }

    static let resource = "customers"
    static let shape = JSONShape.object([
        "code": .any, "name": .any, "siren": .any, "siret": .any, "vatIdentifier": .any,
        "address": .leaves("line1", "line2", "city", "postCode", "countryCode"),
        "electronicAddress": .any, "electronicAddressScheme": .any, "routingCode": .any, "preferredFormat": .any,
        "priceGroup": .any, "active": .any, "receivingPlatform": .leaves("type", "identifier"), "version": .any, "expectedVersion": .any,
    ])

    /// The ERP's customer code; BT-46 on invoices.
    var code: String?
    /// BT-44
    var name: String?
    /// BT-47, scheme 0002: 9 digits.
    var siren: String?
    /// 14 digits, starting with the SIREN.
    var siret: String?
    /// BT-48
    var vatIdentifier: String?
    var address: Address?
    /// BT-49: the directory's addressing identifier.
    var electronicAddress: String?
    /// BT-49-1, e.g. `0225`.
    var electronicAddressScheme: String?
    var routingCode: String?
    /// Written by the directory lookup before sending (docs/directory.md).
    var receivingPlatform: Platform?
    /// `cii`, `ubl` or `facturx`.
    var preferredFormat: String?
    var priceGroup: String?
    var active: Bool?
    var version: Int?
    var expectedVersion: Int?

    init(_ item: Customer, version: Int) {
        code = item.code
        name = item.name
        siren = item.siren
        siret = item.siret
        vatIdentifier = item.vatIdentifier
        address = item.address.map {
            Address(line1: $0.line1, line2: $0.line2, city: $0.city, postCode: $0.postCode, countryCode: $0.countryCode)
        }
        electronicAddress = item.electronicAddress
        electronicAddressScheme = item.electronicAddressScheme
        routingCode = item.routingCode
        receivingPlatform = item.receivingPlatform.map { Platform(type: $0.type, identifier: $0.identifier) }
        preferredFormat = item.preferredFormat?.rawValue
        priceGroup = item.priceGroup
        active = item.active
        self.version = version
    }

    func item(code: String) throws(MasterDataFieldProblems) -> Customer {
        var reader = FieldReader()
        let format = reader.choice(preferredFormat, field: "preferredFormat", as: PreferredFormat.self)
        let address = self.address.map { address in
            CustomerAddress(line1: address.line1, line2: address.line2, city: address.city, postCode: address.postCode,
                            countryCode: reader.required(address.countryCode, field: "address.countryCode"))
        }
        let platform = receivingPlatform.map { platform in
            ReceivingPlatform(type: reader.required(platform.type, field: "receivingPlatform.type"),
                              identifier: platform.identifier)
        }
        try reader.check()
        return Customer(
            code: self.code ?? code, name: name ?? "", siren: siren, siret: siret, vatIdentifier: vatIdentifier,
            address: address, electronicAddress: electronicAddress, electronicAddressScheme: electronicAddressScheme,
            routingCode: routingCode, preferredFormat: format, priceGroup: priceGroup, active: active ?? true,
            receivingPlatform: platform)
    }
}
