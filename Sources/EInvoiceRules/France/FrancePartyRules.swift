/// BR-FR-09, BR-FR-23 … BR-FR-26, BR-FR-32 and BR-FR-CO-10 on the source tree: SIRET and SIREN, party
/// identifiers and electronic addresses of every party.
enum FrancePartyRules {
    private static let agreement =
        "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement"
    private static let settlement =
        "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
    private static let delivery =
        "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery"
    private static let line =
        "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"

    /// CII parties identified by their `ram:GlobalID`s: (term, path, whether a SIRET needs an explicit SIREN).
    private static let ciiParties: [(String, String, Bool)] = [
        ("BT-29", agreement + "/ram:SellerTradeParty", true),
        ("BT-46", agreement + "/ram:BuyerTradeParty", true),
        ("BT-60", settlement + "/ram:PayeeTradeParty", false),
        ("EXT-FR-FE-06", agreement + "/ram:BuyerAgentTradeParty", false),
        ("EXT-FR-FE-46", settlement + "/ram:PayerTradeParty", false),
        ("EXT-FR-FE-69", agreement + "/ram:SalesAgentTradeParty", false),
        ("EXT-FR-FE-92", settlement + "/ram:InvoiceeTradeParty", false),
        ("EXT-FR-FE-115", settlement + "/ram:InvoicerTradeParty", false),
        ("BT-71", delivery + "/ram:ShipToTradeParty", false),
        ("EXT-FR-FE-146", line + "/ram:SpecifiedLineTradeDelivery/ram:ShipToTradeParty", false),
    ]

    /// CII parties with an electronic address (`ram:URIUniversalCommunication/ram:URIID`).
    private static let ciiAddresses: [(String, String)] = [
        ("BT-34", agreement + "/ram:SellerTradeParty"), ("BT-49", agreement + "/ram:BuyerTradeParty"),
        ("EXT-FR-FE-12", agreement + "/ram:BuyerAgentTradeParty"),
        ("EXT-FR-FE-29", settlement + "/ram:PayeeTradeParty"),
        ("EXT-FR-FE-52", settlement + "/ram:PayerTradeParty"),
        ("EXT-FR-FE-75", agreement + "/ram:SalesAgentTradeParty"),
        ("EXT-FR-FE-98", settlement + "/ram:InvoiceeTradeParty"),
        ("EXT-FR-FE-121", settlement + "/ram:InvoicerTradeParty"),
    ]

    static let cii: [FrenchElementCheck] = ciiIdentifierChecks + ciiAddressChecks + ciiPrivateChecks + ciiSIRENChecks

    private static let ciiIdentifierChecks: [FrenchElementCheck] = ciiParties.flatMap { party -> [FrenchElementCheck] in
        let (term, path, strict) = party
        return [
            siret(term, path, siret: "ram:GlobalID", siren: "ram:SpecifiedLegalOrganization/ram:ID", strict: strict)
        ]
            + schemes(term, path, identifiers: "ram:GlobalID")
    }

    private static let ciiAddressChecks: [FrenchElementCheck] = ciiAddresses.flatMap { party -> [FrenchElementCheck] in
        addresses(party.0, party.1 + "/ram:URIUniversalCommunication/ram:URIID")
    }

    private static let ciiPrivateChecks: [FrenchElementCheck] =
        privateIdentifiers("BT-29", agreement + "/ram:SellerTradeParty/ram:GlobalID")
        + privateIdentifiers("BT-46", agreement + "/ram:BuyerTradeParty/ram:GlobalID")

    private static let ciiSIRENChecks: [FrenchElementCheck] = [
        sirenCheck(
            "BR-FR-32-LEGALID", term: "BT-30", "ram:SpecifiedLegalOrganization/ram:ID",
            schemes: [FrenchCodes.sirenScheme]),
        sirenCheck("BR-FR-32-GLOBALID", term: "BT-29", "ram:GlobalID", schemes: sirenSchemes),
    ]

    private static let supplier = "cac:AccountingSupplierParty/cac:Party"
    private static let customer = "cac:AccountingCustomerParty/cac:Party"
    private static func either(_ path: String) -> String { FranceIdentifierRules.either(path) }
    private static func eitherLine(_ path: String) -> String { FranceIdentifierRules.eitherLine(path) }

    /// UBL parties: (term, path, SIRET path, SIREN path, whether a SIRET needs an explicit SIREN).
    private static let ublParties: [(String, String, String, String, Bool)] = {
        let identification = "cac:PartyIdentification/cbc:ID"
        let legal = "cac:PartyLegalEntity/cbc:CompanyID"
        let location = "cac:DeliveryLocation/cbc:ID"
        let deliveryParty = "cac:DeliveryParty/cac:PartyLegalEntity/cbc:CompanyID"
        return [
            ("BT-29", either(supplier), identification, legal, true),
            ("BT-46", either(customer), identification, legal, true),
            ("BT-60", either("cac:PayeeParty"), identification, legal, false),
            ("EXT-FR-FE-06", either(customer + "/cac:AgentParty"), identification, legal, false),
            (
                "EXT-FR-FE-46", either("cac:PaymentMeans/cac:PaymentMandate/cac:PayerParty"), identification, legal,
                false
            ),
            ("EXT-FR-FE-69", either(supplier + "/cac:AgentParty"), identification, legal, false),
            ("EXT-FR-FE-92", either(customer + "/cac:ServiceProviderParty/cac:Party"), identification, legal, false),
            ("EXT-FR-FE-115", either(supplier + "/cac:ServiceProviderParty/cac:Party"), identification, legal, false),
            ("BT-71", either("cac:Delivery"), location, deliveryParty, false),
            ("EXT-FR-FE-146", eitherLine("cac:Delivery/cac:DeliveryLocation"), location, deliveryParty, false),
        ]
    }()

    /// UBL parties whose identifiers BR-FR-CO-10 checks: (term, pattern, identifier path).
    private static let ublIdentified: [(String, String, String)] = {
        let identification = "cac:PartyIdentification/cbc:ID"
        return [
            ("BT-29", supplier, identification), ("BT-46", customer, identification),
            ("BT-60", "cac:PayeeParty", identification), ("EXT-FR-FE-06", customer + "/cac:AgentParty", identification),
            ("EXT-FR-FE-46", "cac:PaymentMeans/cac:PaymentMandate/cac:PayerParty", identification),
            ("EXT-FR-FE-69", supplier + "/cac:AgentParty", identification),
            ("EXT-FR-FE-92", customer + "/cac:ServiceProviderParty/cac:Party", identification),
            ("EXT-FR-FE-115", supplier + "/cac:ServiceProviderParty/cac:Party", identification),
            ("BT-71", either("cac:Delivery/cac:DeliveryLocation"), "cbc:ID"),
            ("EXT-FR-FE-146", eitherLine("cac:Delivery/cac:DeliveryLocation"), "cbc:ID"),
        ]
    }()

    private static let ublAddresses: [(String, String)] = [
        ("BT-34", supplier), ("BT-49", customer), ("EXT-FR-FE-12", customer + "/cac:AgentParty"),
        ("EXT-FR-FE-29", "cac:PayeeParty"), ("EXT-FR-FE-52", "cac:PaymentMeans/cac:PaymentMandate/cac:PayerParty"),
        ("EXT-FR-FE-75", supplier + "/cac:AgentParty"),
        ("EXT-FR-FE-98", customer + "/cac:ServiceProviderParty/cac:Party"),
        ("EXT-FR-FE-121", supplier + "/cac:ServiceProviderParty/cac:Party"),
    ]

    static let ubl: [FrenchElementCheck] =
        ublSIRETChecks + ublSchemeChecks + ublAddressChecks + ublPrivateChecks + [
            sirenCheck(
                "BR-FR-32-LEGALID", term: "BT-30", "cac:PartyLegalEntity/cbc:CompanyID",
                schemes: [FrenchCodes.sirenScheme]),
            sirenCheck("BR-FR-32-ID", term: "BT-29", "cac:PartyIdentification/cbc:ID", schemes: sirenSchemes),
        ]

    private static let ublSIRETChecks: [FrenchElementCheck] = ublParties.map { party -> FrenchElementCheck in
        siret(party.0, party.1, siret: party.2, siren: party.3, strict: party.4)
    }

    private static let ublSchemeChecks: [FrenchElementCheck] = ublIdentified.flatMap { party -> [FrenchElementCheck] in
        schemes(party.0, party.1, identifiers: party.2)
    }

    private static let ublAddressChecks: [FrenchElementCheck] = ublAddresses.flatMap { party -> [FrenchElementCheck] in
        addresses(party.0, either(party.1 + "/cbc:EndpointID"))
    }

    private static let ublPrivateChecks: [FrenchElementCheck] =
        privateIdentifiers("BT-29", either(supplier + "/cac:PartyIdentification/cbc:ID"))
        + privateIdentifiers("BT-46", either(customer + "/cac:PartyIdentification/cbc:ID"))

    /// BR-FR-32: identifiers with a SIREN scheme are 9 digits.
    private static func sirenCheck(
        _ id: String, term: String, _ pattern: String, schemes: Set<String>
    ) -> FrenchElementCheck {
        FrenchElementCheck(id, terms: [term], pattern, .siren) { tree, element, _ in
            !schemes.contains(tree.attribute(element, "schemeID") ?? "") || FrenchText.isSIREN(tree.text(element))
        }
    }

    /// Identifier schemes whose value is a SIREN (BR-FR-32).
    static let sirenSchemes: Set<String> = [FrenchCodes.sirenScheme, FrenchCodes.singleTaxableMemberScheme]

    /// BR-FR-09: a SIRET (scheme 0009) is 14 digits and starts with the party's SIREN (scheme 0002); parties
    /// other than seller and buyer without a SIREN are only checked for the 14 digits.
    private static func siret(
        _ term: String, _ pattern: String, siret siretPath: String, siren sirenPath: String,
        strict: Bool
    ) -> FrenchElementCheck {
        FrenchElementCheck("BR-FR-09_\(term)", terms: [term], pattern, .siret(term)) { tree, party, _ in
            let sirets = tree.select(party, siretPath, attribute: "schemeID", equals: FrenchCodes.siretScheme)
            guard let first = sirets.first else { return true }
            let siret = tree.text(first)
            let sirens = tree.select(party, sirenPath, attribute: "schemeID", equals: FrenchCodes.sirenScheme)
            let siren: String? =
                if strict {
                    sirens.first.map(tree.text)
                } else {
                    tree.text(sirens).isEmpty ? FrenchText.prefix(siret, 9) : tree.text(sirens)
                }
            return FrenchText.isSIRET(siret, of: siren)
        }
    }

    /// BR-FR-CO-10: every identifier of a party names its scheme, and no scheme is used twice.
    private static func schemes(_ term: String, _ pattern: String, identifiers path: String) -> [FrenchElementCheck] {
        [
            FrenchElementCheck("BR-FR-CO-10_\(term)-1", terms: [term], pattern, .missingScheme(term)) {
                tree, party, _ in
                tree.select(party, path).allSatisfy { tree.attribute($0, "schemeID") != nil }
            },
            FrenchElementCheck("BR-FR-CO-10_\(term)-2", terms: [term], pattern, .duplicateScheme(term)) {
                tree, party, _ in
                let schemes = tree.select(party, path).compactMap { tree.attribute($0, "schemeID") }
                return Set(schemes).count == schemes.count
            },
        ]
    }

    /// BR-FR-23 and BR-FR-25 on an electronic address.
    private static func addresses(_ term: String, _ pattern: String) -> [FrenchElementCheck] {
        [
            FrenchElementCheck("BR-FR-23_\(term)", terms: [term], pattern, .schemeIdentifier(term)) {
                tree, element, _ in
                tree.attribute(element, "schemeID") != FrenchCodes.addressingScheme
                    || FrenchText.isValidSchemeIdentifier(tree.text(element))
            },
            FrenchElementCheck("BR-FR-25_\(term)", terms: [term], pattern, .tooLong(term, maximum: 125)) {
                FrenchText.length($0) <= 125
            },
        ]
    }

    private static func isPrivate(_ tree: FrenchTree, _ element: Int) -> Bool {
        tree.attribute(element, "schemeID") == FrenchCodes.privateIdentifierScheme
    }

    /// BR-FR-24 and BR-FR-26 on a private identifier (scheme 0224).
    private static func privateIdentifiers(_ term: String, _ pattern: String) -> [FrenchElementCheck] {
        return [
            FrenchElementCheck("BR-FR-24_\(term)", terms: [term], pattern, .schemeIdentifier(term)) {
                tree, element, _ in
                !isPrivate(tree, element) || FrenchText.isValidSchemeIdentifier(tree.text(element))
            },
            FrenchElementCheck("BR-FR-26_\(term)", terms: [term], pattern, .tooLong(term, maximum: 100)) {
                tree, element, _ in
                !isPrivate(tree, element) || FrenchText.length(tree.text(element)) <= 100
            },
        ]
    }
}

extension FrenchMessage {
    static let siren = FrenchMessage(
        en: "An identifier with scheme 0002 (SIREN) or 0231 must be exactly 9 digits. Correct the SIREN.",
        fr: "Un identifiant de schéma 0002 (SIREN) ou 0231 doit comporter exactement 9 chiffres. Corrigez le SIREN.")
}
