import EInvoice

/// BR-06 … BR-11, BR-17 … BR-20, BR-56, BR-57, BR-62 and BR-63: seller, buyer, payee, tax representative
/// and delivery.
enum CorePartyRules {
    static func check(_ context: inout RuleContext) {
        checkSellerAndBuyer(&context)
        checkPayee(&context)
        checkTaxRepresentative(&context)
        checkDelivery(&context)
        checkElectronicAddresses(&context)
    }

    /// BR-06 … BR-11. The CII tests of BR-09 and BR-11 read the country code from the document root, so
    /// they also fail when the whole address is missing; the UBL tests run inside the address only.
    static func checkSellerAndBuyer(_ context: inout RuleContext) {
        let invoice = context.invoice
        let countryWithoutAddress = context.coreArtefact == .cii
        if CoreText.isBlank(invoice.seller.name) {
            context.reportCore(
                "BR-06", terms: ["BT-27"], at: "BG-4/BT-27",
                en: "The seller name (BT-27) is missing: give the seller's registered name.",
                fr: "Le nom du vendeur (BT-27) est absent : indiquez sa raison sociale.")
        }
        if CoreText.isBlank(invoice.buyer.name) {
            context.reportCore(
                "BR-07", terms: ["BT-44"], at: "BG-7/BT-44",
                en: "The buyer name (BT-44) is missing: give the buyer's registered name.",
                fr: "Le nom de l'acheteur (BT-44) est absent : indiquez sa raison sociale.")
        }
        if let address = invoice.seller.postalAddress {
            if CoreText.isBlank(address.countryCode) { reportSellerCountry(&context) }
        } else {
            context.reportCore(
                "BR-08", terms: ["BG-5"], at: "BG-4/BG-5",
                en: "The seller postal address (BG-5) is missing: add the seller's address with at least its "
                    + "country code (BT-40).",
                fr: "L'adresse postale du vendeur (BG-5) est absente : ajoutez-la, avec au moins le code pays (BT-40).")
            if countryWithoutAddress { reportSellerCountry(&context) }
        }
        if let address = invoice.buyer.postalAddress {
            if CoreText.isBlank(address.countryCode) { reportBuyerCountry(&context) }
        } else {
            context.reportCore(
                "BR-10", terms: ["BG-8"], at: "BG-7/BG-8",
                en: "The buyer postal address (BG-8) is missing: add the buyer's address with at least its "
                    + "country code (BT-55).",
                fr: "L'adresse postale de l'acheteur (BG-8) est absente : ajoutez-la, avec au moins le code pays "
                    + "(BT-55).")
            if countryWithoutAddress { reportBuyerCountry(&context) }
        }
    }

    static func reportSellerCountry(_ context: inout RuleContext) {
        context.reportCore(
            "BR-09", terms: ["BT-40"], at: "BG-4/BG-5/BT-40",
            en: "The seller country code (BT-40) is missing: give the ISO 3166-1 code of the seller's country, "
                + "e.g. FR.",
            fr: "Le code pays du vendeur (BT-40) est absent : indiquez le code ISO 3166-1 de son pays, par exemple FR.")
    }

    static func reportBuyerCountry(_ context: inout RuleContext) {
        context.reportCore(
            "BR-11", terms: ["BT-55"], at: "BG-7/BG-8/BT-55",
            en: "The buyer country code (BT-55) is missing: give the ISO 3166-1 code of the buyer's country, "
                + "e.g. FR.",
            fr: "Le code pays de l'acheteur (BT-55) est absent : indiquez le code ISO 3166-1 de son pays, "
                + "par exemple FR.")
    }

    /// BR-17. The CII test compares the payee with `../ram:SellerTradeParty`, which is not a sibling of
    /// the payee in CII, so only a missing name fails there. The UBL test also fails when the payee has the
    /// seller's trading name (BT-28, `cac:PartyName`) or one of the seller identifiers (BT-29).
    static func checkPayee(_ context: inout RuleContext) {
        let invoice = context.invoice
        guard let payee = invoice.payee else { return }
        if CoreText.isBlank(payee.name) {
            context.reportCore(
                "BR-17", terms: ["BG-10", "BT-59"], at: "BG-10/BT-59",
                en: "The payee (BG-10) has no name (BT-59): give the name of the party that receives the payment, "
                    + "or remove the payee if it is the seller.",
                fr: "Le bénéficiaire (BG-10) n'a pas de nom (BT-59) : indiquez le nom de la partie qui reçoit "
                    + "le paiement, ou retirez le bénéficiaire si c'est le vendeur.")
            return
        }
        guard context.coreArtefact == .ubl else { return }
        let sameName = invoice.seller.tradingName.map { $0 == payee.name } ?? false
        let sellerIDs = Set(invoice.seller.identifiers.map(\.value))
        let sameID = payee.identifier.map { sellerIDs.contains($0.value) } ?? false
        guard sameName || sameID else { return }
        let what = sameName ? "name (\(payee.name))" : "identifier (\(payee.identifier?.value ?? ""))"
        let quoi = sameName ? "le même nom (\(payee.name))" : "le même identifiant (\(payee.identifier?.value ?? ""))"
        context.reportCore(
            "BR-17", terms: ["BG-10", "BT-59"], at: "BG-10",
            en: "The payee (BG-10) has the seller's \(what): the payee group is only for a third party who is "
                + "paid instead of the seller; remove it when the seller is paid.",
            fr: "Le bénéficiaire (BG-10) a \(quoi) que le vendeur : ce groupe ne sert qu'à un tiers payé à la place "
                + "du vendeur ; retirez-le si c'est le vendeur qui est payé.")
    }

    /// BR-18, BR-19, BR-20 and BR-56. Like BR-09, the CII test of BR-20 also fails without an address.
    static func checkTaxRepresentative(_ context: inout RuleContext) {
        guard let representative = context.invoice.sellerTaxRepresentative else { return }
        if CoreText.isBlank(representative.name) {
            context.reportCore(
                "BR-18", terms: ["BG-11", "BT-62"], at: "BG-11/BT-62",
                en: "The seller's tax representative (BG-11) has no name (BT-62): give the representative's name.",
                fr: "Le représentant fiscal du vendeur (BG-11) n'a pas de nom (BT-62) : indiquez son nom.")
        }
        let countryMissing: Bool
        if let address = representative.postalAddress {
            countryMissing = CoreText.isBlank(address.countryCode)
        } else {
            countryMissing = context.coreArtefact == .cii
            context.reportCore(
                "BR-19", terms: ["BG-11", "BG-12"], at: "BG-11/BG-12",
                en: "The seller's tax representative (BG-11) has no postal address (BG-12): add the "
                    + "representative's address.",
                fr: "Le représentant fiscal du vendeur (BG-11) n'a pas d'adresse postale (BG-12) : ajoutez-la.")
        }
        if countryMissing {
            context.reportCore(
                "BR-20", terms: ["BG-12", "BT-69"], at: "BG-11/BG-12/BT-69",
                en: "The tax representative's country code (BT-69) is missing: give the ISO 3166-1 code of the "
                    + "representative's country.",
                fr: "Le code pays du représentant fiscal (BT-69) est absent : indiquez le code ISO 3166-1 de son pays.")
        }
        if CoreText.isBlank(representative.vatIdentifier) {
            context.reportCore(
                "BR-56", terms: ["BG-11", "BT-63"], at: "BG-11/BT-63",
                en: "The seller's tax representative (BG-11) has no VAT identifier (BT-63): give it, with its "
                    + "country prefix.",
                fr: "Le représentant fiscal du vendeur (BG-11) n'a pas de numéro de TVA (BT-63) : indiquez-le, "
                    + "avec son préfixe pays.")
        }
    }

    /// BR-57.
    static func checkDelivery(_ context: inout RuleContext) {
        guard let address = context.invoice.delivery?.address, CoreText.isBlank(address.countryCode) else { return }
        context.reportCore(
            "BR-57", terms: ["BG-15", "BT-80"], at: "BG-13/BG-15/BT-80",
            en: "The deliver-to address (BG-15) has no country code (BT-80): give the ISO 3166-1 code of the "
                + "delivery country.",
            fr: "L'adresse de livraison (BG-15) n'a pas de code pays (BT-80) : indiquez le code ISO 3166-1 du pays "
                + "de livraison.")
    }

    /// BR-62 and BR-63.
    static func checkElectronicAddresses(_ context: inout RuleContext) {
        let invoice = context.invoice
        if let address = invoice.seller.electronicAddress,
            CoreText.isMissingAttribute(address.schemeID, context.coreArtefact)
        {
            context.reportCore(
                "BR-62", terms: ["BT-34", "BT-34-1"], at: "BG-4/BT-34",
                en: "The seller electronic address (BT-34, \(address.value)) has no scheme (BT-34-1): add the EAS "
                    + "code of the address, e.g. 0225 for a French addressing identifier or EM for an e-mail.",
                fr: "L'adresse électronique du vendeur (BT-34, \(address.value)) n'a pas de schéma (BT-34-1) : "
                    + "ajoutez le code EAS, par exemple 0225 pour un identifiant d'adressage français ou EM "
                    + "pour un courriel.")
        }
        if let address = invoice.buyer.electronicAddress,
            CoreText.isMissingAttribute(address.schemeID, context.coreArtefact)
        {
            context.reportCore(
                "BR-63", terms: ["BT-49", "BT-49-1"], at: "BG-7/BT-49",
                en: "The buyer electronic address (BT-49, \(address.value)) has no scheme (BT-49-1): add the EAS "
                    + "code of the address, e.g. 0225 for a French addressing identifier or EM for an e-mail.",
                fr: "L'adresse électronique de l'acheteur (BT-49, \(address.value)) n'a pas de schéma (BT-49-1) : "
                    + "ajoutez le code EAS, par exemple 0225 pour un identifiant d'adressage français ou EM "
                    + "pour un courriel.")
        }
    }
}
