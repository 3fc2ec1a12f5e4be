/// The code sets of the FNFE-MPE BR-FR schematron 1.4.0 (XP Z12-012 v1.4).
enum FrenchCodes {
    /// BR-FR-04: document types accepted in France (BT-3 and the types of referenced invoices).
    static let documentTypes: Set<String> = [
        "380", "389", "393", "501", "386", "500", "384", "471", "472", "473", "261", "262", "381", "396", "502", "503",
    ]

    /// BR-FR-08: billing frameworks (BT-23): B goods, S services, M mixed; 1 plain, 2 already paid, 4 final
    /// invoice after down payments, 8 multi-vendor, 9 disbursements…
    static let billingFrameworks: Set<String> = [
        "B1", "S1", "M1", "B2", "S2", "M2", "S3", "B4", "S4", "M4", "S5", "S6", "B7", "S7",
        "B8", "S8", "M8", "B9", "S9", "M9",
    ]
    /// Frameworks of invoices already paid (BR-FR-CO-07, BR-FR-CO-09).
    static let paidFrameworks: Set<String> = ["B2", "S2", "M2"]
    /// Frameworks of final invoices after down payments (BR-FR-CO-08).
    static let finalAfterDownPaymentFrameworks: Set<String> = ["B4", "S4", "M4"]
    /// Special contracts: multi-vendor (8) and disbursements (9).
    static let multiVendorFrameworks: Set<String> = ["S8", "B8", "M8"]
    static let disbursementFrameworks: Set<String> = ["S9", "B9", "M9"]

    /// Down-payment invoices and credit notes (BR-FR-CO-07, BR-FR-CO-08).
    static let downPaymentTypes: Set<String> = ["386", "500", "503"]
    /// Corrective invoices that cite exactly one invoice (BR-FR-CO-04).
    static let correctiveTypes: Set<String> = ["384", "471", "472", "473"]
    /// Credit notes that must cite the invoice they credit (BR-FR-CO-05).
    static let creditNoteTypes: Set<String> = ["261", "381", "396", "502", "503"]
    /// Self-billed and factored documents: the seller's address is checked instead of the buyer's (BR-FR-21/22).
    static let selfBilledTypes: Set<String> = ["389", "501", "500", "471", "473", "261", "502"]
    /// Document types of the disbursement framework (BR-FR-MV-13, BR-FR-BD-13).
    static let specialContractTypes: Set<String> = ["389", "261", "501", "500", "502", "471", "473"]
    /// Corrections that cite the corrected sub-invoice on multi-vendor group lines (BR-FR-MV-14).
    static let multiVendorCorrectionTypes: Set<String> = ["384", "472", "381", "396", "503"]
    /// Corrections that cite the corrected sub-invoice on disbursement group lines (BR-FR-BD-14).
    static let disbursementCorrectionTypes: Set<String> = ["261", "471", "473", "502"]

    /// BR-FR-20: processing of the invoice (note subject BAR).
    static let barTreatments: Set<String> = ["B2B", "B2BINT", "B2C", "B2CINT", "OUTOFSCOPE", "ARCHIVEONLY"]

    /// BR-FR-15: VAT categories used in France (L and M, Canary Islands and Ceuta/Melilla, are not).
    static let vatCategories: Set<String> = ["S", "E", "AE", "K", "G", "O", "Z"]
    static let foreignVATCategories: Set<String> = ["L", "M"]

    /// BR-FR-16: the French VAT rates, as written.
    static let vatRates: Set<String> = [
        "0", "0.0", "0.00", "10", "10.0", "10.00", "13", "13.0", "13.00", "20", "20.0", "20.00",
        "8.5", "8.50", "19.6", "19.60", "2.1", "2.10", "5.5", "5.50", "7", "7.0", "7.00",
        "20.6", "20.60", "1.05", "0.9", "0.90", "1.75", "9.2", "9.20", "9.6", "9.60",
    ]

    /// BR-FR-17: kinds of attached document (BT-123).
    static let attachmentKinds: Set<String> = [
        "RIB", "LISIBLE", "FEUILLE_DE_STYLE", "PJA", "BORDEREAU_SUIVI", "DOCUMENT_ANNEXE", "BON_LIVRAISON",
        "BON_COMMANDE", "BORDEREAU_SUIVI_VALIDATION", "ETAT_ACOMPTE", "FACTURE_PAIEMENT_DIRECT",
        "RECAPITULATIF_COTRAITANCE",
    ]

    /// Identification schemes (ISO 6523 ICD).
    static let sirenScheme = "0002"
    static let siretScheme = "0009"
    static let addressingScheme = "0225"
    static let privateIdentifierScheme = "0224"
    static let singleTaxableMemberScheme = "0231"
    /// BR-FR-CO-14: the TXD note of a member of a single taxable person.
    static let singleTaxableMemberNote = "MEMBRE_ASSUJETTI_UNIQUE"
}
