import EInvoice

/// Breaks of the party rules on the valid French invoice.
enum FranceInvoicePartyBreaks {
    static let ids: [String] = [
        "BR-FR-09_BT-29", "BR-FR-09_BT-46", "BR-FR-09_BT-60", "BR-FR-09_BT-71", "BR-FR-10_BT-30", "BR-FR-11_BT-47",
        "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-21_BT-49", "BR-FR-22_BT-34", "BR-FR-23_BT-34", "BR-FR-23_BT-49",
        "BR-FR-24_BT-29", "BR-FR-24_BT-46", "BR-FR-25_BT-34", "BR-FR-25_BT-49", "BR-FR-26_BT-29", "BR-FR-26_BT-46",
        "BR-FR-32-LEGALID", "BR-FR-32-GLOBALID", "BR-FR-CO-10_BT-29-1", "BR-FR-CO-10_BT-29-2", "BR-FR-CO-10_BT-46-1",
        "BR-FR-CO-10_BT-46-2", "BR-FR-CO-10_BT-60-1", "BR-FR-CO-10_BT-71-1",
    ]

    static func broken(for id: String, _ original: Invoice) -> Invoice? {
        var invoice = original
        let longAddress = String(repeating: "X", count: 116)
        let longPrivate = String(repeating: "P", count: 101)
        switch id {
        case "BR-FR-09_BT-29": invoice.seller.identifiers[0].value = "12345678900010"
        case "BR-FR-09_BT-46": invoice.buyer.identifiers[0].value = "98765432"
        case "BR-FR-09_BT-60": invoice.payee?.identifier?.value = "5551234560001"
        case "BR-FR-09_BT-71": invoice.delivery?.locationIdentifier?.value = "9876543210002"
        case "BR-FR-10_BT-30": invoice.seller.legalRegistrationIdentifier?.value = "12345678"
        case "BR-FR-11_BT-47": invoice.buyer.legalRegistrationIdentifier = nil
        case "BR-FR-12_BT-49": invoice.buyer.electronicAddress = nil
        case "BR-FR-13_BT-34": invoice.seller.electronicAddress = nil
        case "BR-FR-21_BT-49": invoice.buyer.electronicAddress?.schemeID = "0088"
        case "BR-FR-22_BT-34":
            invoice.typeCode = "389"
            invoice.seller.electronicAddress?.schemeID = "0088"
        case "BR-FR-23_BT-34": invoice.seller.electronicAddress?.value = "123456782 FACTURES"
        case "BR-FR-23_BT-49": invoice.buyer.electronicAddress?.value = "987654321#1"
        case "BR-FR-24_BT-29": invoice.seller.identifiers.append(Identifier("ID PRIVE", schemeID: "0224"))
        case "BR-FR-24_BT-46": invoice.buyer.identifiers.append(Identifier("ID PRIVE", schemeID: "0224"))
        case "BR-FR-25_BT-34": invoice.seller.electronicAddress?.value = "123456782_" + longAddress
        case "BR-FR-25_BT-49": invoice.buyer.electronicAddress?.value = "987654321_" + longAddress
        case "BR-FR-26_BT-29": invoice.seller.identifiers.append(Identifier(longPrivate, schemeID: "0224"))
        case "BR-FR-26_BT-46": invoice.buyer.identifiers.append(Identifier(longPrivate, schemeID: "0224"))
        case "BR-FR-32-LEGALID": invoice.payee?.legalRegistrationIdentifier?.value = "55512345"
        case "BR-FR-32-GLOBALID": invoice.seller.identifiers.append(Identifier("12345", schemeID: "0002"))
        case "BR-FR-CO-10_BT-29-1": invoice.seller.identifiers.append(Identifier("X-1"))
        case "BR-FR-CO-10_BT-29-2": invoice.seller.identifiers.append(Identifier("12345678200028", schemeID: "0009"))
        case "BR-FR-CO-10_BT-46-1": invoice.buyer.identifiers.append(Identifier("X-1"))
        case "BR-FR-CO-10_BT-46-2": invoice.buyer.identifiers.append(Identifier("98765432100023", schemeID: "0009"))
        case "BR-FR-CO-10_BT-60-1": invoice.payee?.identifier?.schemeID = nil
        case "BR-FR-CO-10_BT-71-1": invoice.delivery?.locationIdentifier?.schemeID = nil
        default: return nil
        }
        return invoice
    }
}
