import EInvoice

/// The party rules (BR-FR-09 … BR-FR-13, BR-FR-21 … BR-FR-26, BR-FR-32, BR-FR-CO-10) on an invoice built in
/// memory, reported with the CII rule ids.
enum FrancePartyModelRules {
    static func check(_ invoice: Invoice, _ context: inout RuleContext) {
        let seller = invoice.seller
        let buyer = invoice.buyer
        checkSIRET(seller, term: "BT-29", at: "BG-4/BT-29", &context)
        checkSIRET(buyer, term: "BT-46", at: "BG-7/BT-46", &context)
        if let payee = invoice.payee, let siret = payee.identifier, siret.schemeID == FrenchCodes.siretScheme {
            let siren = payee.legalRegistrationIdentifier.flatMap {
                $0.schemeID == FrenchCodes.sirenScheme ? $0.value : nil
            }
            if !FrenchText.isSIRET(siret.value, of: (siren ?? "").isEmpty ? FrenchText.prefix(siret.value, 9) : siren) {
                context.report("BR-FR-09_BT-60", terms: ["BT-60"], .term("BG-10/BT-60"), .siret("BT-60"))
            }
        }
        if let location = invoice.delivery?.locationIdentifier, location.schemeID == FrenchCodes.siretScheme,
            !FrenchText.isDigits(location.value, count: 14)
        {
            context.report("BR-FR-09_BT-71", terms: ["BT-71"], .term("BG-13/BT-71"), .siret("BT-71"))
        }

        let sellerSIREN = siren(of: seller)
        if !(sellerSIREN.map(FrenchText.isSIREN) ?? false) {
            context.report("BR-FR-10_BT-30", terms: ["BT-30"], .term("BG-4/BT-30"), FranceAddressRules.sellerSIREN)
        }
        let isB2B = invoice.notes.contains { $0.subjectCode == "BAR" && $0.text == "B2B" }
        if isB2B, !FrenchText.isDigits(siren(of: buyer) ?? "", count: 9) {
            context.report("BR-FR-11_BT-47", terms: ["BT-47"], .term("BG-7/BT-47"), FranceAddressRules.buyerSIREN)
        }
        if (buyer.electronicAddress?.value ?? "").isEmpty {
            context.report("BR-FR-12_BT-49", terms: ["BT-49"], .term("BG-7/BT-49"), .missingAddress("BT-49"))
        }
        if (seller.electronicAddress?.value ?? "").isEmpty {
            context.report("BR-FR-13_BT-34", terms: ["BT-34"], .term("BG-4/BT-34"), .missingAddress("BT-34"))
        }
        FranceAddressRules.routing(
            isB2B: isB2B, selfBilled: FrenchCodes.selfBilledTypes.contains(invoice.typeCode),
            seller: routingParty(seller), buyer: routingParty(buyer), legal: \.legalIdentifiers, place: .document,
            &context)

        for (party, group, identifierTerm, addressTerm) in [
            (seller, "BG-4", "BT-29", "BT-34"), (buyer, "BG-7", "BT-46", "BT-49"),
        ] {
            checkAddress(party.electronicAddress, term: addressTerm, at: "\(group)/\(addressTerm)", &context)
            checkIdentifiers(party.identifiers, term: identifierTerm, at: "\(group)/\(identifierTerm)", &context)
        }
        checkIdentifiers(invoice.payee?.identifier.map { [$0] } ?? [], term: "BT-60", at: "BG-10/BT-60", &context)
        checkIdentifiers(
            invoice.delivery?.locationIdentifier.map { [$0] } ?? [], term: "BT-71", at: "BG-13/BT-71",
            &context)

        let legal = [
            (seller.legalRegistrationIdentifier, "BG-4/BT-30"), (buyer.legalRegistrationIdentifier, "BG-7/BT-47"),
            (invoice.payee?.legalRegistrationIdentifier, "BG-10/BT-61"),
        ]
        for case (let identifier?, let path) in legal
        where identifier.schemeID == FrenchCodes.sirenScheme && !FrenchText.isSIREN(identifier.value) {
            context.report("BR-FR-32-LEGALID", terms: ["BT-30"], .term(path), .siren)
        }
        let identifiers =
            seller.identifiers.map { ($0, "BG-4/BT-29") } + buyer.identifiers.map { ($0, "BG-7/BT-46") }
            + (invoice.payee?.identifier.map { [($0, "BG-10/BT-60")] } ?? [])
        for (identifier, path) in identifiers
        where FrancePartyRules.sirenSchemes.contains(identifier.schemeID ?? "") && !FrenchText.isSIREN(identifier.value)
        {
            context.report("BR-FR-32-GLOBALID", terms: ["BT-29"], .term(path), .siren)
        }
    }

    /// The legal registration identifier when its scheme is 0002 (SIREN).
    private static func siren(of party: Party) -> String? {
        party.legalRegistrationIdentifier.flatMap { $0.schemeID == FrenchCodes.sirenScheme ? $0.value : nil }
    }

    private static func routingParty(_ party: Party) -> FranceAddressRules.Party {
        FranceAddressRules.Party(
            sirens: siren(of: party).map { [$0] } ?? [],
            legalIdentifiers: party.legalRegistrationIdentifier.map { [$0.value] } ?? [],
            addresses: party.electronicAddress.map { [$0.value] } ?? [],
            addressSchemes: party.electronicAddress?.schemeID.map { [$0] } ?? [])
    }

    private static func checkSIRET(_ party: Party, term: String, at path: String, _ context: inout RuleContext) {
        guard let siret = party.identifiers.first(where: { $0.schemeID == FrenchCodes.siretScheme }) else { return }
        if !FrenchText.isSIRET(siret.value, of: siren(of: party)) {
            context.report("BR-FR-09_\(term)", terms: [term], .term(path), .siret(term))
        }
    }

    private static func checkAddress(
        _ address: Identifier?, term: String, at path: String, _ context: inout RuleContext
    ) {
        guard let address else { return }
        if address.schemeID == FrenchCodes.addressingScheme, !FrenchText.isValidSchemeIdentifier(address.value) {
            context.report("BR-FR-23_\(term)", terms: [term], .term(path), .schemeIdentifier(term))
        }
        if FrenchText.length(address.value) > 125 {
            context.report("BR-FR-25_\(term)", terms: [term], .term(path), .tooLong(term, maximum: 125))
        }
    }

    private static func checkIdentifiers(
        _ identifiers: [Identifier], term: String, at path: String,
        _ context: inout RuleContext
    ) {
        if identifiers.contains(where: { $0.schemeID == nil }) {
            context.report("BR-FR-CO-10_\(term)-1", terms: [term], .term(path), .missingScheme(term))
        }
        let schemes = identifiers.compactMap(\.schemeID)
        if Set(schemes).count != schemes.count {
            context.report("BR-FR-CO-10_\(term)-2", terms: [term], .term(path), .duplicateScheme(term))
        }
        guard term == "BT-29" || term == "BT-46" else { return }
        for identifier in identifiers where identifier.schemeID == FrenchCodes.privateIdentifierScheme {
            if !FrenchText.isValidSchemeIdentifier(identifier.value) {
                context.report("BR-FR-24_\(term)", terms: [term], .term(path), .schemeIdentifier(term))
            }
            if FrenchText.length(identifier.value) > 100 {
                context.report("BR-FR-26_\(term)", terms: [term], .term(path), .tooLong(term, maximum: 100))
            }
        }
    }
}
