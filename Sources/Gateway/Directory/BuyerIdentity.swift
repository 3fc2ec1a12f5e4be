import Foundation
import EInvoice

/// What the gateway knows of a buyer to find it in the directory (AFNOR XP Z12-013 Directory Service): its SIREN,
/// the SIRET of the billed establishment, the routing code within it, and the electronic address it gave.
public struct BuyerIdentity: Sendable, Hashable, Codable {
    /// BT-47 Buyer legal registration identifier, scheme 0002 (9 digits).
    public var siren: String?
    /// The SIRET of the billed establishment (14 digits; its first 9 are the SIREN).
    public var siret: String?
    /// The routing code within the establishment (directory "code routage"; needs the SIRET).
    public var routingCode: String?
    /// BT-49 Buyer electronic address (an addressing identifier, scheme 0225).
    public var electronicAddress: String?

    public init(siren: String? = nil, siret: String? = nil, routingCode: String? = nil,
                electronicAddress: String? = nil) {
        self.siren = Self.clean(siren)
        self.siret = Self.clean(siret)
        self.routingCode = Self.clean(routingCode)
        self.electronicAddress = Self.clean(electronicAddress)
    }

    /// The SIREN given, or the one the SIRET starts with.
    public var effectiveSIREN: String? {
        if let siren { return siren }
        guard let siret, siret.count == 14 else { return nil }
        return String(siret.prefix(9))
    }

    /// Nothing to look up with (e.g. a foreign buyer without a French identifier).
    public var isEmpty: Bool { effectiveSIREN == nil && electronicAddress == nil }

    /// The cache key: what the lookup uses, in a fixed order (`siren=…|siret=…|routing=…`; `address=…` when
    /// there is no SIREN nor SIRET, the only case where the address is looked up).
    public var lookupKey: String {
        guard let siren = effectiveSIREN else { return "address=\(electronicAddress ?? "")" }
        return "siren=\(siren)|siret=\(siret ?? "")|routing=\(routingCode ?? "")"
    }

    /// How the buyer is named in messages: `SIREN 123456789`, `SIRET …`, or its address.
    public var label: String {
        if let siren = effectiveSIREN {
            var label = "SIREN \(siren)"
            if let siret { label += " (SIRET \(siret)" + (routingCode.map { ", routing code \($0)" } ?? "") + ")" }
            return label
        }
        return "electronic address \(electronicAddress ?? "")"
    }

    /// The identity from the customer master record, completed by the invoice's buyer (BT-47 with scheme 0002,
    /// BT-49 with scheme 0225) where the record says nothing.
    public init(customer: Customer?, invoiceBuyer: Party?) {
        let legal = invoiceBuyer?.legalRegistrationIdentifier
        let invoiceSIREN = legal.flatMap { ($0.schemeID == nil || $0.schemeID == "0002") ? $0.value : nil }
        let address = invoiceBuyer?.electronicAddress
        let invoiceAddress = address.flatMap { $0.schemeID == "0225" ? $0.value : nil }
        self.init(siren: customer?.siren ?? invoiceSIREN, siret: customer?.siret, routingCode: customer?.routingCode,
                  electronicAddress: customer?.electronicAddress ?? invoiceAddress)
    }

    private static func clean(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
