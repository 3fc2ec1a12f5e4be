/// Messages shared by families of French rules; each names the term and says what to change.
extension FrenchMessage {
    private static func name(_ term: String) -> (en: String, fr: String) {
        let label = FrenchTerms.label(term)
        return (label.english, label.french)
    }

    static func tooLong(_ term: String, maximum: Int) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en:
                "The \(n.en) (\(term)) is longer than \(maximum) characters. Shorten it to \(maximum) characters at "
                + "most.",
            fr:
                "La valeur « \(n.fr) » (\(term)) dépasse \(maximum) caractères. Raccourcissez-la à \(maximum) "
                + "caractères au plus."
        )
    }

    static func documentIdentifier(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en: "The \(n.en) (\(term)) may only contain letters, digits and the signs + - _ /, without any space. "
                + "Remove the other characters.",
            fr: "La valeur « \(n.fr) » (\(term)) ne doit contenir que des lettres, des chiffres et les signes + - _ "
                + "/, sans espace. Retirez les autres caractères.")
    }

    static func date(_ term: String, ubl: Bool) -> FrenchMessage {
        let n = name(term)
        let format = ubl ? "YYYY-MM-DD" : "YYYYMMDD"
        let formatFR = ubl ? "AAAA-MM-JJ" : "AAAAMMJJ"
        return FrenchMessage(
            en: "The \(n.en) (\(term)) is not a real date written \(format) between 2000 and 2099. Correct the date.",
            fr: "La valeur « \(n.fr) » (\(term)) n'est pas une date réelle au format \(formatFR) entre 2000 et 2099. "
                + "Corrigez la date.")
    }

    static func documentType(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en: "The \(n.en) (\(term)) is not a document type accepted in France. Use one of 380, 389, 393, 501, 386, "
                + "500, 384, 471, 472, 473, 261, 262, 381, 396, 502, 503.",
            fr: "La valeur « \(n.fr) » (\(term)) n'est pas un type de document accepté en France. Utilisez l'un des "
                + "codes 380, 389, 393, 501, 386, 500, 384, 471, 472, 473, 261, 262, 381, 396, 502, 503.")
    }

    static func schemeIdentifier(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en: "The \(n.en) (\(term)) may only contain letters, digits and the signs + - _ . (no space). Write the "
                + "identifier as the directory publishes it.",
            fr: "La valeur « \(n.fr) » (\(term)) ne doit contenir que des lettres, des chiffres et les signes + - _ . "
                + "(sans espace). Écrivez l'identifiant tel que l'annuaire le publie.")
    }

    static func siret(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en: "The SIRET given as \(n.en) (\(term), scheme 0009) must be 14 digits and start with the party's SIREN "
                + "(scheme 0002). Correct the SIRET or the SIREN.",
            fr: "Le SIRET indiqué comme « \(n.fr) » (\(term), schéma 0009) doit comporter 14 chiffres et commencer "
                + "par le SIREN de la partie (schéma 0002). Corrigez le SIRET ou le SIREN.")
    }

    static func missingScheme(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en: "Every \(n.en) (\(term)) needs a scheme identifier (e.g. 0009 for a SIRET). Add the schemeID.",
            fr: "Chaque « \(n.fr) » (\(term)) doit indiquer son schéma d'identification (par ex. 0009 pour un SIRET). "
                + "Ajoutez l'attribut schemeID.")
    }

    static func duplicateScheme(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en: "Two \(n.en)s (\(term)) of one party use the same scheme. Keep one identifier per scheme.",
            fr:
                "Deux « \(n.fr) » (\(term)) d'une même partie utilisent le même schéma. Gardez un identifiant par "
                + "schéma."
        )
    }

    static func vatCategory(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en: "The \(n.en) (\(term)) is missing or not used in France. Use S, E, AE, K, G, O or Z.",
            fr:
                "La valeur « \(n.fr) » (\(term)) est absente ou non utilisée en France. Utilisez S, E, AE, K, G, O ou "
                + "Z."
        )
    }

    static func foreignVATCategory(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en:
                "The \(n.en) (\(term)) is L or M (Canary Islands, Ceuta and Melilla), which French invoices do not "
                + "use. Use S, E, AE, K, G, O or Z.",
            fr: "La valeur « \(n.fr) » (\(term)) est L ou M (Canaries, Ceuta et Melilla), non utilisées en France. "
                + "Utilisez S, E, AE, K, G, O ou Z.")
    }

    static func vatRate(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en: "The \(n.en) (\(term)) is not a French VAT rate. Use one of 0, 0.9, 1.05, 1.75, 2.1, 5.5, 7, 8.5, "
                + "9.2, 9.6, 10, 13, 19.6, 20, 20.6 (at most two decimals).",
            fr: "La valeur « \(n.fr) » (\(term)) n'est pas un taux de TVA français. Utilisez 0, 0.9, 1.05, 1.75, 2.1, "
                + "5.5, 7, 8.5, 9.2, 9.6, 10, 13, 19.6, 20 ou 20.6 (deux décimales au plus).")
    }

    static func amount(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en: "The \(n.en) (\(term)) must be a number with at most 2 decimals and 19 digits, written like 1234.56. "
                + "Round it to 2 decimals.",
            fr: "La valeur « \(n.fr) » (\(term)) doit être un nombre d'au plus 2 décimales et 19 chiffres, écrit "
                + "comme 1234.56. Arrondissez-la à 2 décimales.")
    }

    static func quantity(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en: "The \(n.en) (\(term)) must be a number with at most 4 decimals and 19 digits, written like 12.5. "
                + "Round it to 4 decimals.",
            fr: "La valeur « \(n.fr) » (\(term)) doit être un nombre d'au plus 4 décimales et 19 chiffres, écrit "
                + "comme 12.5. Arrondissez-la à 4 décimales.")
    }

    static func unitPrice(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en: "The \(n.en) (\(term)) must be a number with at most 6 decimals and 19 digits, without a sign (a "
                + "negative price is allowed only for disbursements, frameworks S9, B9, M9). Correct the price.",
            fr: "La valeur « \(n.fr) » (\(term)) doit être un nombre d'au plus 6 décimales et 19 chiffres, sans signe "
                + "(un prix négatif n'est admis que pour les débours, cadres S9, B9, M9). Corrigez le prix.")
    }

    static func percent(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en: "The \(n.en) (\(term)) must be a positive percentage with at most 4 digits and 2 decimals, like 20 or "
                + "5.5. Correct the rate.",
            fr:
                "La valeur « \(n.fr) » (\(term)) doit être un pourcentage positif d'au plus 4 chiffres dont 2 "
                + "décimales, comme 20 ou 5.5. Corrigez le taux.")
    }

    static func notBlank(_ term: String) -> FrenchMessage {
        let n = name(term)
        return FrenchMessage(
            en: "The \(n.en) (\(term)) is present but empty. Fill it in or remove the element.",
            fr: "La valeur « \(n.fr) » (\(term)) est présente mais vide. Renseignez-la ou retirez l'élément.")
    }
}
