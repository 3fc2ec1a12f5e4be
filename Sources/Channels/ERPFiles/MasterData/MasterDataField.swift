import EInvoice
import Gateway

/// The fields a master-data file can fill, by kind. Names are those of Gateway's ``Customer``, ``Product`` and
/// ``PriceList`` (address and entry fields with a dot).
enum MasterDataField {
    static func names(for kind: ERPMapping.Kind) -> Set<String> {
        switch kind {
        case .invoices: []
        case .customers:
            ["code", "name", "siren", "siret", "vatIdentifier", "address.line1", "address.line2", "address.city",
             "address.postCode", "address.countryCode", "electronicAddress", "electronicAddressScheme", "routingCode",
             "preferredFormat", "priceGroup", "active"]
        case .products: ["code", "name", "unitCode", "vatCategory", "vatRate", "active"]
        case .priceLists:
            ["code", "customerCode", "customerGroup", "currencyCode", "validFrom", "validTo", "entry.productCode",
             "entry.unitPrice", "entry.baseQuantity", "active"]
        }
    }
}

/// Builds master-data items from the (target → text) values of one record (or, for price lists, of the rows of
/// one list).
struct MasterDataBuilder {
    var numbers: NumberFormat
    var dates: DateFormats

    func customer(_ values: [String: String]) throws(ValueError) -> Customer {
        var address: CustomerAddress?
        if let country = values["address.countryCode"] {
            address = CustomerAddress(
                line1: values["address.line1"], line2: values["address.line2"], city: values["address.city"],
                postCode: values["address.postCode"], countryCode: country)
        }
        var format: PreferredFormat?
        if let text = values["preferredFormat"] {
            guard let value = PreferredFormat(rawValue: text.lowercased()) else {
                throw ValueError("preferredFormat \"\(text)\" is not cii, ubl or facturx")
            }
            format = value
        }
        return Customer(
            code: values["code"] ?? "", name: values["name"] ?? "", siren: values["siren"], siret: values["siret"],
            vatIdentifier: values["vatIdentifier"], address: address, electronicAddress: values["electronicAddress"],
            electronicAddressScheme: values["electronicAddressScheme"], routingCode: values["routingCode"],
            preferredFormat: format, priceGroup: values["priceGroup"], active: try active(values))
    }

    func product(_ values: [String: String]) throws(ValueError) -> Product {
        Product(
            code: values["code"] ?? "", name: values["name"] ?? "", unitCode: values["unitCode"] ?? "C62",
            vatCategory: values["vatCategory"] ?? "", vatRate: try values["vatRate"].map { text throws(ValueError) in
                try numbers.parse(text)
            }, active: try active(values))
    }

    /// A price list from its rows: the list's fields from the first row, one entry per row.
    func priceList(_ rows: [[String: String]]) throws(ValueError) -> PriceList {
        guard let first = rows.first else { throw ValueError("a price list needs at least one row") }
        var entries: [PriceListEntry] = []
        for row in rows {
            guard let product = row["entry.productCode"], let price = row["entry.unitPrice"] else {
                throw ValueError("each price-list row needs entry.productCode and entry.unitPrice")
            }
            let base = try row["entry.baseQuantity"].map { text throws(ValueError) in try numbers.parse(text) }
            entries.append(PriceListEntry(productCode: product, unitPrice: try numbers.parse(price), baseQuantity: base))
        }
        return PriceList(
            code: first["code"] ?? "", customerCode: first["customerCode"], customerGroup: first["customerGroup"],
            currencyCode: first["currencyCode"] ?? "EUR",
            validFrom: try first["validFrom"].map { text throws(ValueError) in try dates.parse(text) },
            validTo: try first["validTo"].map { text throws(ValueError) in try dates.parse(text) },
            entries: entries, active: try active(first))
    }

    private func active(_ values: [String: String]) throws(ValueError) -> Bool {
        guard let text = values["active"]?.lowercased() else { return true }
        switch text {
        case "1", "true", "yes", "oui", "o", "y", "actif": return true
        case "0", "false", "no", "non", "n", "inactif": return false
        default: throw ValueError("active \"\(text)\" is not true/false (1/0, oui/non)")
        }
    }
}
