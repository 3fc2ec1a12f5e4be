/// BR-FR-10 … BR-FR-13, BR-FR-21 and BR-FR-22 on the source tree: the seller's SIREN, the buyer's SIREN for B2B,
/// and the electronic addresses (scheme 0225) through which the invoice is routed.
enum FranceAddressRules {
    /// What these rules read from one party.
    struct Party {
        /// Legal registration identifiers with scheme 0002.
        var sirens: [String] = []
        /// Every legal registration identifier, whatever the scheme (CII reads these for BR-FR-21/22).
        var legalIdentifiers: [String] = []
        var addresses: [String] = []
        var addressSchemes: [String] = []
    }

    static func check(_ source: FrenchSource, _ context: inout RuleContext) {
        switch source {
        case .cii(let tree): tree.root.map { checkCII(tree, $0, &context) }
        case .ubl(let tree): tree.root.map { checkUBL(tree, $0, &context) }
        case .model(let invoice): FrancePartyModelRules.check(invoice, &context)
        case .unknown: break
        }
    }

    private static func ciiParty(_ tree: FrenchTree, _ root: Int, _ name: String) -> Party {
        let path = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:\(name)"
        let legal = tree.select(root, path + "/ram:SpecifiedLegalOrganization/ram:ID")
        let addresses = tree.select(root, path + "/ram:URIUniversalCommunication/ram:URIID")
        return Party(
            sirens: legal.filter { tree.attribute($0, "schemeID") == FrenchCodes.sirenScheme }.map(tree.text),
            legalIdentifiers: legal.map(tree.text), addresses: addresses.map(tree.text),
            addressSchemes: addresses.compactMap { tree.attribute($0, "schemeID") })
    }

    private static func checkCII(_ tree: FrenchTree, _ root: Int, _ context: inout RuleContext) {
        let seller = ciiParty(tree, root, "SellerTradeParty")
        let buyer = ciiParty(tree, root, "BuyerTradeParty")
        if !(seller.sirens.first.map(FrenchText.isSIREN) ?? false) {
            context.report("BR-FR-10_BT-30", terms: ["BT-30"], .document, sellerSIREN)
        }
        let treatments = tree.select(root, "rsm:ExchangedDocument/ram:IncludedNote")
            .filter { tree.any($0, "ram:SubjectCode", equals: "BAR") }
            .flatMap { tree.children($0, "ram:Content") }.map(tree.text)
        let isB2B = treatments.contains("B2B")
        if isB2B, !FrenchText.isDigits(buyer.sirens.first ?? "", count: 9) {
            context.report("BR-FR-11_BT-47", terms: ["BT-47"], .document, buyerSIREN)
        }
        if (buyer.addresses.first ?? "").isEmpty {
            context.report("BR-FR-12_BT-49", terms: ["BT-49"], .document, .missingAddress("BT-49"))
        }
        if (seller.addresses.first ?? "").isEmpty {
            context.report("BR-FR-13_BT-34", terms: ["BT-34"], .document, .missingAddress("BT-34"))
        }
        let selfBilled = tree.any(root, "rsm:ExchangedDocument/ram:TypeCode", in: FrenchCodes.selfBilledTypes)
        routing(
            isB2B: isB2B, selfBilled: selfBilled, seller: seller, buyer: buyer, legal: \.legalIdentifiers,
            place: .document, &context)
    }

    private static func ublParty(_ tree: FrenchTree, _ root: Int, _ name: String) -> Party {
        let party = "cac:\(name)/cac:Party"
        let addresses = tree.select(root, party + "/cbc:EndpointID")
        return Party(
            sirens: tree.select(
                root, party + "/cac:PartyLegalEntity/cbc:CompanyID", attribute: "schemeID",
                equals: FrenchCodes.sirenScheme
            ).map(tree.text),
            addresses: addresses.map(tree.text), addressSchemes: addresses.compactMap { tree.attribute($0, "schemeID") }
        )
    }

    private static func checkUBL(_ tree: FrenchTree, _ root: Int, _ context: inout RuleContext) {
        for entity in tree.elements(
            matching: FrenchPattern("cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity"))
        {
            let sirens = tree.select(entity, "cbc:CompanyID", attribute: "schemeID", equals: FrenchCodes.sirenScheme)
            if !(sirens.first.map { FrenchText.isSIREN(tree.text($0)) } ?? false) {
                context.report("BR-FR-10_BT-30", terms: ["BT-30"], .element(entity), sellerSIREN)
            }
        }
        let seller = ublParty(tree, root, "AccountingSupplierParty")
        let buyer = ublParty(tree, root, "AccountingCustomerParty")
        let isB2B = FranceNoteRules.firstNote("BAR", in: FranceNoteRules.joinedNotes(tree, root)) == "B2B"
        if isB2B, !(buyer.sirens.first.map(FrenchText.isSIREN) ?? false) {
            context.report("BR-FR-11_BT-47", terms: ["BT-47"], .element(root), buyerSIREN)
        }
        if FrenchText.normalizeSpace(buyer.addresses.first ?? "").isEmpty {
            context.report("BR-FR-12_BT-49", terms: ["BT-49"], .element(root), .missingAddress("BT-49"))
        }
        if FrenchText.normalizeSpace(seller.addresses.first ?? "").isEmpty {
            context.report("BR-FR-13_BT-34", terms: ["BT-34"], .element(root), .missingAddress("BT-34"))
        }
        let types = tree.children(root, "cbc:InvoiceTypeCode") + tree.children(root, "cbc:CreditNoteTypeCode")
        let selfBilled = types.contains { FrenchCodes.selfBilledTypes.contains(tree.text($0)) }
        routing(
            isB2B: isB2B, selfBilled: selfBilled, seller: seller, buyer: buyer, legal: \.sirens,
            place: .element(root), &context)
    }

    /// BR-FR-21 / BR-FR-22: for B2B, the receiving party's address (the buyer's, or the seller's for self-billed
    /// documents) is its addressing identifier (scheme 0225), which starts with its SIREN.
    static func routing(
        isB2B: Bool, selfBilled: Bool, seller: Party, buyer: Party, legal: KeyPath<Party, [String]>,
        place: FrenchPlace, _ context: inout RuleContext
    ) {
        guard isB2B else { return }
        func routable(_ party: Party) -> Bool {
            FrenchText.startsWith(party.addresses.first ?? "", party[keyPath: legal].first ?? "")
                && party.addressSchemes.contains(FrenchCodes.addressingScheme)
        }
        if !selfBilled, !routable(buyer) {
            context.report("BR-FR-21_BT-49", terms: ["BT-49", "BT-47"], place, .routingAddress("BT-49", buyer: true))
        }
        if selfBilled, !routable(seller) {
            context.report("BR-FR-22_BT-34", terms: ["BT-34", "BT-30"], place, .routingAddress("BT-34", buyer: false))
        }
    }

    static let sellerSIREN = FrenchMessage(
        en: "The seller's SIREN (BT-30) is missing or is not 9 digits. Give the seller's legal registration "
            + "identifier with scheme 0002: its 9-digit SIREN.",
        fr: "Le SIREN du vendeur (BT-30) est absent ou ne comporte pas 9 chiffres. Indiquez l'identifiant légal du "
            + "vendeur avec le schéma 0002 : son SIREN à 9 chiffres.")

    static let buyerSIREN = FrenchMessage(
        en: "For a B2B invoice (note BAR = B2B) the buyer's SIREN (BT-47, scheme 0002, 9 digits) is required. Add it.",
        fr: "Pour une facture B2B (note BAR = B2B), le SIREN de l'acheteur (BT-47, schéma 0002, 9 chiffres) est "
            + "obligatoire. Ajoutez-le.")
}

extension FrenchMessage {
    static func missingAddress(_ term: String) -> FrenchMessage {
        let label = FrenchTerms.label(term)
        return FrenchMessage(
            en: "The \(label.english) (\(term)) is missing. Give the party's addressing identifier from the directory "
                + "(scheme 0225).",
            fr: "La valeur « \(label.french) » (\(term)) est absente. Indiquez l'identifiant d'adressage de la partie "
                + "publié dans l'annuaire (schéma 0225).")
    }

    static func routingAddress(_ term: String, buyer: Bool) -> FrenchMessage {
        let label = FrenchTerms.label(term)
        let party = buyer ? ("buyer", "l'acheteur") : ("seller", "le vendeur")
        return FrenchMessage(
            en:
                "For a B2B invoice the \(label.english) (\(term)) must be the \(party.0)'s addressing identifier: "
                + "scheme 0225 and a value that starts with the \(party.0)'s SIREN. Correct the address or the SIREN.",
            fr: "Pour une facture B2B, la valeur « \(label.french) » (\(term)) doit être l'identifiant d'adressage de "
                + "\(party.1) : schéma 0225 et une valeur commençant par son SIREN. Corrigez l'adresse ou le SIREN.")
    }
}
