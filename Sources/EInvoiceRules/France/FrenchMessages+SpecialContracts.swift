/// Messages of the multi-vendor (frameworks S8, B8, M8) and disbursement (S9, B9, M9) rules.
extension FrenchMessage {
    static let lineStatus = FrenchMessage(
        en: "In a multi-vendor or disbursement invoice every line must state its role (GROUP, DETAIL or INFORMATION) "
            + "as line status (EXT-FR-FE-163). Add it.",
        fr: "Dans une facture multi-vendeurs ou de débours, chaque ligne doit indiquer son rôle (GROUP, DETAIL ou "
            + "INFORMATION) comme sous-type de ligne (EXT-FR-FE-163). Ajoutez-le.")

    static func groupLines(_ count: Int) -> FrenchMessage {
        count == 1
            ? FrenchMessage(
                en:
                    "A multi-vendor invoice (framework S8, B8, M8) needs at least one GROUP line without a parent "
                    + "line, one per sub-invoice. Add the GROUP lines.",
                fr: "Une facture multi-vendeurs (cadre S8, B8, M8) doit comporter au moins une ligne GROUP sans ligne "
                    + "parente, une par sous-facture. Ajoutez les lignes GROUP.")
            : FrenchMessage(
                en:
                    "A disbursement invoice (framework S9, B9, M9) needs exactly two GROUP lines without a parent "
                    + "line. Correct the line structure.",
                fr: "Une facture de débours (cadre S9, B9, M9) doit comporter exactement deux lignes GROUP sans ligne "
                    + "parente. Corrigez la structure des lignes.")
    }

    static func disbursementGroup(seller: Bool) -> FrenchMessage {
        let party = seller ? ("seller", "du vendeur") : ("buyer", "de l'acheteur")
        return FrenchMessage(
            en: "In a disbursement invoice exactly one GROUP line must have the \(party.0)'s legal identifier as the "
                + "line seller's identifier. Correct the GROUP lines.",
            fr: "Dans une facture de débours, exactement une ligne GROUP doit porter l'identifiant légal \(party.1) "
                + "comme identifiant du vendeur de la ligne. Corrigez les lignes GROUP.")
    }

    static func groupHead(_ term: String) -> FrenchMessage {
        let label =
            switch term {
            case "EXT-FR-FE-164": ("the sub-invoice seller's name", "le nom du vendeur de la sous-facture")
            case "EXT-FR-FE-167":
                ("the sub-invoice seller's legal identifier", "l'identifiant légal du vendeur de la sous-facture")
            case "EXT-FR-FE-177": ("the sub-invoice seller's country", "le pays du vendeur de la sous-facture")
            case "EXT-FR-FE-181":
                (
                    "the sub-invoice VAT total in the invoice currency",
                    "le total de TVA de la sous-facture dans la devise de facture"
                )
            default:
                (
                    "the sub-invoice VAT total in the VAT accounting currency",
                    "le total de TVA de la sous-facture dans la devise de comptabilisation"
                )
            }
        return FrenchMessage(
            en: "Each GROUP line of a multi-vendor or disbursement invoice must give \(label.0) (\(term)). Add it.",
            fr: "Chaque ligne GROUP d'une facture multi-vendeurs ou de débours doit indiquer \(label.1) (\(term)). "
                + "Ajoutez-le.")
    }

    static func subInvoiceReference(_ code: String) -> FrenchMessage {
        FrenchMessage(
            en: "The \(code) reference of a GROUP line must be a document of type 130 with a value"
                + (code == "AVV" ? " other than a framework code (M8, S8, B8)" : "") + ". Correct the reference.",
            fr: "La référence \(code) d'une ligne GROUP doit être un document de type 130 avec une valeur"
                + (code == "AVV" ? " autre qu'un code de cadre (M8, S8, B8)" : "") + ". Corrigez la référence.")
    }

    static let groupSum = FrenchMessage(
        en:
            "The net amount of a GROUP line must equal the sum of its sub-lines' net amounts (0.01 tolerance per "
            + "line). Correct the amounts.",
        fr: "Le montant net d'une ligne GROUP doit être égal à la somme des montants nets de ses sous-lignes "
            + "(tolérance de 0,01 par ligne). Corrigez les montants.")

    static let sameSeller = FrenchMessage(
        en: "Every line must give its seller's legal identifier (EXT-FR-FE-167), the same as its parent line's. "
            + "Correct the line seller.",
        fr: "Chaque ligne doit indiquer l'identifiant légal de son vendeur (EXT-FR-FE-167), identique à celui de sa "
            + "ligne parente. Corrigez le vendeur de la ligne.")

    static let sameSubInvoice = FrenchMessage(
        en: "Every line must give its sub-invoice number (AFL reference, type 130), the same as its parent line's. "
            + "Correct the reference.",
        fr: "Chaque ligne doit indiquer son numéro de sous-facture (référence AFL, type 130), identique à celui de sa "
            + "ligne parente. Corrigez la référence.")

    static let detailExemption = FrenchMessage(
        en: "A DETAIL line must start its VAT exemption reason (BT-120) with #sub-invoice number#. Write the reason "
            + "that way.",
        fr: "Une ligne DETAIL doit commencer son motif d'exonération de TVA (BT-120) par #numéro de sous-facture#. "
            + "Écrivez le motif ainsi.")

    static let groupVAT = FrenchMessage(
        en: "The VAT total of a GROUP line must equal the VAT of the breakdowns whose exemption reason starts with "
            + "#sub-invoice number# (0.01 tolerance). Correct the amounts.",
        fr: "Le total de TVA d'une ligne GROUP doit être égal à la TVA des récapitulatifs dont le motif commence par "
            + "#numéro de sous-facture# (tolérance 0,01). Corrigez les montants.")

    static let groupTotal = FrenchMessage(
        en:
            "The total with VAT of a GROUP line must equal its net amount plus its VAT total (0.01 tolerance per "
            + "line). Correct the amounts.",
        fr: "Le total TTC d'une ligne GROUP doit être égal à son montant net plus son total de TVA (tolérance de 0,01 "
            + "par ligne). Corrigez les montants.")

    static let mainSellerSubInvoice = FrenchMessage(
        en:
            "The sub-invoice of the main seller must carry the invoice number (BT-1) as AFL reference when it is the "
            + "only one, and another number otherwise. Correct the AFL references.",
        fr:
            "La sous-facture du vendeur principal doit porter le numéro de facture (BT-1) comme référence AFL quand "
            + "elle est la seule, et un autre numéro sinon. Corrigez les références AFL.")

    static let uniqueSubInvoice = FrenchMessage(
        en: "Two GROUP lines use the same sub-invoice number (AFL), or it repeats another reference of the invoice. "
            + "Give each sub-invoice its own number.",
        fr: "Deux lignes GROUP utilisent le même numéro de sous-facture (AFL), ou il reprend une autre référence de "
            + "la facture. Donnez à chaque sous-facture son propre numéro.")

    static let multiVendorType = FrenchMessage(
        en: "A multi-vendor invoice (framework S8, B8, M8) cannot be of type 389, 261, 501, 500, 502, 471 or 473. "
            + "Change the document type or the framework.",
        fr: "Une facture multi-vendeurs (cadre S8, B8, M8) ne peut pas être de type 389, 261, 501, 500, 502, 471 ou "
            + "473. Changez le type de document ou le cadre.")

    static let disbursementType = FrenchMessage(
        en: "A disbursement invoice (framework S9, B9, M9) must be of type 389, 261, 501, 500, 502, 471 or 473. "
            + "Change the document type or the framework.",
        fr: "Une facture de débours (cadre S9, B9, M9) doit être de type 389, 261, 501, 500, 502, 471 ou 473. Changez "
            + "le type de document ou le cadre.")

    static func correctedSubInvoice(_ term: String) -> FrenchMessage {
        let what = term == "EXT-FR-FE-136" ? ("number", "le numéro") : ("issue date", "la date")
        return FrenchMessage(
            en: "In a corrective document each GROUP line must give the \(what.0) of the sub-invoice it corrects "
                + "(\(term)). Add it.",
            fr: "Dans un document rectificatif, chaque ligne GROUP doit indiquer \(what.1) de la sous-facture "
                + "rectifiée (\(term)). Ajoutez-la.")
    }
}
