import EInvoice

/// BR-FR-05, BR-FR-06, BR-FR-20, BR-FR-31 (UBL: BR-FR-30_BT-21) and BR-FR-CO-14: the legal-mention notes and
/// the BAR note that says how the invoice is processed.
enum FranceNoteRules {
    /// The legal mentions every French invoice carries as notes (BT-22 with subject BT-21).
    static let legalMentions = ["PMT", "PMD", "AAB"]
    /// Notes that may occur at most once.
    static let singleNotes = ["PMT", "PMD", "AAB", "TXD"]

    static func check(_ source: FrenchSource, _ context: inout RuleContext) {
        switch source {
        case .cii(let tree): checkCII(tree, &context)
        case .ubl(let tree): checkUBL(tree, &context)
        case .model(let invoice): checkModel(invoice, &context)
        case .unknown: break
        }
    }

    // MARK: CII

    private static func checkCII(_ tree: FrenchTree, _ context: inout RuleContext) {
        for document in tree.elements(matching: FrenchPattern("rsm:CrossIndustryInvoice/rsm:ExchangedDocument")) {
            let notes = tree.children(document, "ram:IncludedNote")
            func count(_ code: String) -> Int { notes.filter { tree.any($0, "ram:SubjectCode", equals: code) }.count }
            for code in legalMentions where count(code) == 0 {
                context.report("BR-FR-05_BT-22_\(code)", terms: ["BT-21", "BT-22"], .element(document), missing(code))
            }
            for code in singleNotes where count(code) > 1 {
                context.report("BR-FR-06_BT-21_\(code)", terms: ["BT-21"], .element(document), repeated(code))
            }
            let treatments = notes.filter { note in
                tree.any(note, "ram:SubjectCode", equals: "BAR")
                    && FrenchCodes.barTreatments.contains(tree.normalized(note, "ram:Content"))
            }
            if treatments.count > 1 {
                context.report("BR-FR-31_BT-21", terms: ["BT-21", "BT-22"], .element(document), severalTreatments)
            }
            for note in notes where tree.any(note, "ram:SubjectCode", equals: "BAR") {
                let content = tree.select(note, "ram:Content")
                if content.isEmpty || !FrenchCodes.barTreatments.contains(tree.text(content)) {
                    context.report("BR-FR-20_BT-21", terms: ["BT-21", "BT-22"], .element(note), invalidTreatment)
                }
            }
        }
        guard let root = tree.root else { return }
        let agreement = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement"
        let isMember = !tree.select(
            root, agreement + "/ram:SellerTradeParty/ram:GlobalID", attribute: "schemeID",
            equals: FrenchCodes.singleTaxableMemberScheme
        ).isEmpty
        let hasNote = tree.select(root, "rsm:ExchangedDocument/ram:IncludedNote").contains { note in
            tree.any(note, "ram:SubjectCode", equals: "TXD")
                && tree.any(note, "ram:Content", equals: FrenchCodes.singleTaxableMemberNote)
        }
        if isMember, !hasNote {
            context.report("BR-FR-CO-14_BT-29-1", terms: ["BT-29-1", "BT-22"], .document, memberNote)
        }
    }

    // MARK: UBL

    /// The notes joined with `#`, which is how the UBL schematron reads `#CODE#text` notes.
    static func joinedNotes(_ tree: FrenchTree, _ root: Int) -> String {
        tree.children(root, "cbc:Note").map(tree.text).joined(separator: "#")
    }

    /// The text that follows the first `#CODE#` in the joined notes, up to the next `#`; "" when absent.
    static func firstNote(_ code: String, in notes: String) -> String {
        guard let rest = FrenchText.after("#\(code)#", in: notes) else { return "" }
        return FrenchText.before("#", in: rest)
    }

    private static func checkUBL(_ tree: FrenchTree, _ context: inout RuleContext) {
        guard let root = tree.root else { return }
        let notes = joinedNotes(tree, root)
        for (position, code) in legalMentions.enumerated()
        where FrenchText.occurrences(of: "#\(code)#", in: notes) == 0 {
            context.report("BR-FR-05_BT-22-\(position + 1)", terms: ["BT-21", "BT-22"], .element(root), missing(code))
        }
        for (position, code) in singleNotes.enumerated() where FrenchText.occurrences(of: "#\(code)#", in: notes) > 1 {
            context.report("BR-FR-06_BT-21-\(position + 1)", terms: ["BT-21"], .element(root), repeated(code))
        }
        let treatment = firstNote("BAR", in: notes)
        if !treatment.isEmpty, !FrenchCodes.barTreatments.contains(treatment) {
            context.report("BR-FR-20_BT-21", terms: ["BT-21", "BT-22"], .element(root), invalidTreatment)
        }
        let barNotes =
            tree.children(root, "cbc:Note").map(tree.text).filter {
                FrenchText.occurrences(of: "#BAR#", in: $0) > 0
            }.joined() + "#"
        let declared = FrenchCodes.barTreatments.reduce(0) {
            $0 + FrenchText.occurrences(of: "BAR#\($1)#", in: barNotes)
        }
        if declared > 1 {
            context.report("BR-FR-30_BT-21", terms: ["BT-21", "BT-22"], .element(root), severalTreatments)
        }
        let isMember = !tree.select(
            root, "cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID",
            attribute: "schemeID", equals: FrenchCodes.singleTaxableMemberScheme
        ).isEmpty
        if isMember, firstNote("TXD", in: notes) != FrenchCodes.singleTaxableMemberNote {
            context.report("BR-FR-CO-14_BT-29-1", terms: ["BT-29-1", "BT-22"], .element(root), memberNote)
        }
    }

    // MARK: Model

    private static func checkModel(_ invoice: Invoice, _ context: inout RuleContext) {
        func count(_ code: String) -> Int { invoice.notes.filter { $0.subjectCode == code }.count }
        for code in legalMentions where count(code) == 0 {
            context.report("BR-FR-05_BT-22_\(code)", terms: ["BT-21", "BT-22"], .document, missing(code))
        }
        for code in singleNotes where count(code) > 1 {
            context.report("BR-FR-06_BT-21_\(code)", terms: ["BT-21"], .document, repeated(code))
        }
        var treatments = 0
        for (index, note) in invoice.notes.enumerated() where note.subjectCode == "BAR" {
            if FrenchCodes.barTreatments.contains(note.text) {
                treatments += 1
            } else {
                context.report(
                    "BR-FR-20_BT-21", terms: ["BT-21", "BT-22"], .term("BG-1[\(index)]/BT-22"), invalidTreatment)
            }
        }
        if treatments > 1 {
            context.report("BR-FR-31_BT-21", terms: ["BT-21", "BT-22"], .document, severalTreatments)
        }
        let isMember = invoice.seller.identifiers.contains { $0.schemeID == FrenchCodes.singleTaxableMemberScheme }
        let hasNote = invoice.notes.contains {
            $0.subjectCode == "TXD" && $0.text == FrenchCodes.singleTaxableMemberNote
        }
        if isMember, !hasNote {
            context.report("BR-FR-CO-14_BT-29-1", terms: ["BT-29-1", "BT-22"], .term("BG-4"), memberNote)
        }
    }

    // MARK: Messages

    private static func meaning(_ code: String) -> (en: String, fr: String) {
        switch code {
        case "PMT": ("the fixed compensation for recovery costs", "l'indemnité forfaitaire pour frais de recouvrement")
        case "PMD": ("the late payment penalties", "les pénalités de retard")
        case "AAB":
            ("the early payment discount (or that none is granted)", "les conditions d'escompte (ou leur absence)")
        default: ("a tax declaration", "une mention fiscale")
        }
    }

    private static func missing(_ code: String) -> FrenchMessage {
        let text = meaning(code)
        return FrenchMessage(
            en: "The invoice has no note with subject code \(code). Add a note (BT-22) with subject \(code) (BT-21) "
                + "that states \(text.en).",
            fr: "La facture n'a pas de note de sujet \(code). Ajoutez une note (BT-22) de sujet \(code) (BT-21) "
                + "indiquant \(text.fr).")
    }

    private static func repeated(_ code: String) -> FrenchMessage {
        FrenchMessage(
            en: "The invoice has several notes with subject code \(code). Merge them into one note.",
            fr: "La facture comporte plusieurs notes de sujet \(code). Regroupez-les en une seule note.")
    }

    private static let invalidTreatment = FrenchMessage(
        en: "The note with subject BAR must say how the invoice is processed: B2B, B2BINT, B2C, B2CINT, OUTOFSCOPE or "
            + "ARCHIVEONLY. Write one of these values as the note text.",
        fr: "La note de sujet BAR doit indiquer le traitement de la facture : B2B, B2BINT, B2C, B2CINT, OUTOFSCOPE ou "
            + "ARCHIVEONLY. Écrivez l'une de ces valeurs comme texte de la note.")

    private static let severalTreatments = FrenchMessage(
        en: "The invoice has more than one BAR note saying how it is processed. Keep a single BAR note.",
        fr: "La facture comporte plus d'une note BAR indiquant son traitement. Ne gardez qu'une seule note BAR.")

    private static let memberNote = FrenchMessage(
        en: "The seller is identified as a member of a single taxable person (identifier scheme 0231). Add a note "
            + "with subject TXD and the text MEMBRE_ASSUJETTI_UNIQUE.",
        fr: "Le vendeur est identifié comme membre d'un assujetti unique (schéma 0231). Ajoutez une note de sujet TXD "
            + "avec le texte MEMBRE_ASSUJETTI_UNIQUE.")
}
