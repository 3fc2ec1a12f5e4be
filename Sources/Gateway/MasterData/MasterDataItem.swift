import EInvoice
import Foundation

/// A master-data type: how it is keyed, checked and stored.
public protocol MasterDataItem: Codable, Sendable, Hashable {
    static var kind: MasterDataKind { get }
    var code: String { get }
    var active: Bool { get set }
    /// Problems that make the item unusable, each naming its field; empty when it is fine.
    func problems() -> [MasterDataProblem]
}

/// One problem with a master-data item sent by the ERP.
public struct MasterDataProblem: Hashable, Sendable, Codable {
    /// The field, as JSON path (e.g. `siren`, `entries[2].unitPrice`).
    public var field: String
    public var message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

extension Customer: MasterDataItem {
    public static var kind: MasterDataKind { .customer }
    public func problems() -> [MasterDataProblem] {
        var problems = MasterDataProblem.code(code) + MasterDataProblem.required(name, field: "name")
        if let siren, !(siren.count == 9 && siren.allSatisfy(\.isASCIIDigit)) {
            problems.append(.init(field: "siren", message: "a SIREN has 9 digits, got \"\(siren)\""))
        }
        if let siret, !(siret.count == 14 && siret.allSatisfy(\.isASCIIDigit)) {
            problems.append(.init(field: "siret", message: "a SIRET has 14 digits, got \"\(siret)\""))
        }
        if let siren, let siret, siret.count == 14, !siret.hasPrefix(siren) {
            problems.append(.init(field: "siret", message: "the SIRET \(siret) does not start with the SIREN \(siren)"))
        }
        if let electronicAddress, electronicAddress.count > 125 {
            problems.append(.init(field: "electronicAddress", message: "an addressing identifier has at most 125 characters"))
        }
        if let country = address?.countryCode, !(country.count == 2 && country.allSatisfy(\.isUppercase)) {
            problems.append(.init(field: "address.countryCode", message: "a country code is ISO 3166-1 alpha-2, like FR, got \"\(country)\""))
        }
        return problems
    }
}

extension Product: MasterDataItem {
    public static var kind: MasterDataKind { .product }
    public func problems() -> [MasterDataProblem] {
        var problems = MasterDataProblem.code(code) + MasterDataProblem.required(name, field: "name")
            + MasterDataProblem.required(unitCode, field: "unitCode")
        let categories: Set<String> = ["S", "Z", "E", "AE", "K", "G", "O", "L", "M"]
        if !categories.contains(vatCategory) {
            problems.append(.init(field: "vatCategory", message: "\"\(vatCategory)\" is not a VAT category code (S, Z, E, AE, K, G, O, L, M)"))
        }
        if vatCategory == "S", (vatRate ?? .zero) <= .zero {
            problems.append(.init(field: "vatRate", message: "a standard-rated (S) product needs a VAT rate above zero"))
        }
        if let vatRate, vatRate < .zero {
            problems.append(.init(field: "vatRate", message: "a VAT rate cannot be negative"))
        }
        return problems
    }
}

extension PriceList: MasterDataItem {
    public static var kind: MasterDataKind { .priceList }
    public func problems() -> [MasterDataProblem] {
        var problems = MasterDataProblem.code(code)
        if customerCode != nil, customerGroup != nil {
            problems.append(.init(field: "customerGroup", message: "a price list is for one customer or one group, not both"))
        }
        if let validFrom, let validTo, validTo < validFrom {
            problems.append(.init(field: "validTo", message: "validTo \(validTo) is before validFrom \(validFrom)"))
        }
        var seen = Set<String>()
        for (index, entry) in entries.enumerated() {
            if entry.productCode.isEmpty {
                problems.append(.init(field: "entries[\(index)].productCode", message: "a price needs a product code"))
            } else if !seen.insert(entry.productCode).inserted {
                problems.append(.init(field: "entries[\(index)].productCode", message: "product \(entry.productCode) is priced twice"))
            }
            if entry.unitPrice < .zero {
                problems.append(.init(field: "entries[\(index)].unitPrice", message: "a price cannot be negative"))
            }
            if let base = entry.baseQuantity, base <= .zero {
                problems.append(.init(field: "entries[\(index)].baseQuantity", message: "a base quantity is above zero"))
            }
        }
        return problems
    }
}

extension MasterDataProblem {
    static func code(_ code: String) -> [MasterDataProblem] {
        if code.isEmpty { return [.init(field: "code", message: "the code is required")] }
        if code.count > 100 { return [.init(field: "code", message: "the code has at most 100 characters")] }
        if code.contains(where: { $0.isNewline || $0 == "/" }) {
            return [.init(field: "code", message: "the code may not contain '/' or line breaks")]
        }
        return []
    }

    static func required(_ text: String, field: String) -> [MasterDataProblem] {
        text.trimmingCharacters(in: .whitespaces).isEmpty ? [.init(field: field, message: "\(field) is required")] : []
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
