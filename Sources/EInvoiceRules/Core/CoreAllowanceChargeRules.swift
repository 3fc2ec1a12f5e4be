import EInvoice

/// BR-31 … BR-33, BR-36 … BR-38 and BR-41 … BR-44 (and their twins BR-CO-21 … BR-CO-24): what each
/// allowance and charge, on the document (BG-20, BG-21) and on a line (BG-27, BG-28), must carry.
enum CoreAllowanceChargeRules {
    /// The words and ids for one of the four kinds of allowance or charge.
    struct Kind {
        let group: String
        let amountTerm: String
        let categoryTerm: String?
        let reasonTerm: String
        let reasonCodeTerm: String
        let amountRule: String
        let categoryRule: String?
        let reasonRule: String
        let coherenceReasonRule: String
    }

    static let documentAllowance = Kind(
        group: "BG-20", amountTerm: "BT-92", categoryTerm: "BT-95", reasonTerm: "BT-97", reasonCodeTerm: "BT-98",
        amountRule: "BR-31", categoryRule: "BR-32", reasonRule: "BR-33", coherenceReasonRule: "BR-CO-21")
    static let documentCharge = Kind(
        group: "BG-21", amountTerm: "BT-99", categoryTerm: "BT-102", reasonTerm: "BT-104", reasonCodeTerm: "BT-105",
        amountRule: "BR-36", categoryRule: "BR-37", reasonRule: "BR-38", coherenceReasonRule: "BR-CO-22")
    static let lineAllowance = Kind(
        group: "BG-27", amountTerm: "BT-136", categoryTerm: nil, reasonTerm: "BT-139", reasonCodeTerm: "BT-140",
        amountRule: "BR-41", categoryRule: nil, reasonRule: "BR-42", coherenceReasonRule: "BR-CO-23")
    static let lineCharge = Kind(
        group: "BG-28", amountTerm: "BT-141", categoryTerm: nil, reasonTerm: "BT-144", reasonCodeTerm: "BT-145",
        amountRule: "BR-43", categoryRule: nil, reasonRule: "BR-44", coherenceReasonRule: "BR-CO-24")

    /// Every allowance and charge with its kind, its group path and how a reader names it.
    static func all(_ invoice: Invoice) -> [(AllowanceCharge, Kind, path: String, en: String, fr: String)] {
        var result: [(AllowanceCharge, Kind, path: String, en: String, fr: String)] = []
        for (index, item) in invoice.allowances.enumerated() {
            result.append(
                (
                    item, documentAllowance, "BG-20[\(index)]", "Document level allowance \(index + 1)",
                    "La remise au niveau du document \(index + 1)"
                ))
        }
        for (index, item) in invoice.charges.enumerated() {
            result.append(
                (
                    item, documentCharge, "BG-21[\(index)]", "Document level charge \(index + 1)",
                    "La charge au niveau du document \(index + 1)"
                ))
        }
        for (lineIndex, line) in invoice.lines.enumerated() where !line.allowances.isEmpty || !line.charges.isEmpty {
            let (lineEN, lineFR) = CoreLineRules.name(line, lineIndex)
            for (index, item) in line.allowances.enumerated() {
                result.append(
                    (
                        item, lineAllowance, CorePath.line(lineIndex, "BG-27[\(index)]"),
                        "Allowance \(index + 1) of invoice \(lineEN)", "La remise \(index + 1) de la \(lineFR)"
                    ))
            }
            for (index, item) in line.charges.enumerated() {
                result.append(
                    (
                        item, lineCharge, CorePath.line(lineIndex, "BG-28[\(index)]"),
                        "Charge \(index + 1) of invoice \(lineEN)", "La charge \(index + 1) de la \(lineFR)"
                    ))
            }
        }
        return result
    }

    /// BR-31 … BR-33, BR-36 … BR-38, BR-41 … BR-44.
    static func check(_ context: inout RuleContext) {
        let artefact = context.coreArtefact
        for (item, kind, path, en, fr) in all(context.invoice) {
            if item.amount == nil {
                context.reportCore(
                    kind.amountRule, terms: [kind.group, kind.amountTerm], at: "\(path)/\(kind.amountTerm)",
                    en: "\(en) (\(kind.group)) has no amount (\(kind.amountTerm)): give its amount, or base amount "
                        + "× percentage ÷ 100.",
                    fr: "\(fr) (\(kind.group)) n'a pas de montant (\(kind.amountTerm)) : indiquez son montant, ou "
                        + "montant de base × pourcentage ÷ 100.")
            }
            if let rule = kind.categoryRule, let term = kind.categoryTerm,
                CoreText.isMissingElement(item.vatCategoryCode, artefact)
            {
                context.reportCore(
                    rule, terms: [kind.group, term], at: "\(path)/\(term)",
                    en: "\(en) (\(kind.group)) has no VAT category code (\(term)): give the category of the VAT it "
                        + "changes, e.g. S (standard rate) with its rate.",
                    fr: "\(fr) (\(kind.group)) n'a pas de code de catégorie de TVA (\(term)) : indiquez la catégorie "
                        + "de TVA concernée, par exemple S (taux normal) avec son taux.")
            }
            if lacksReason(item, artefact) { reportReason(kind.reasonRule, kind, path, en, fr, &context) }
        }
    }

    /// BR-CO-21 … BR-CO-24, which test exactly what BR-33, BR-38, BR-42 and BR-44 test.
    static func checkCoherenceReasons(_ context: inout RuleContext) {
        let artefact = context.coreArtefact
        for (item, kind, path, en, fr) in all(context.invoice) where lacksReason(item, artefact) {
            reportReason(kind.coherenceReasonRule, kind, path, en, fr, &context)
        }
    }

    static func lacksReason(_ item: AllowanceCharge, _ artefact: CoreArtefact) -> Bool {
        CoreText.isMissingElement(item.reason, artefact) && CoreText.isMissingElement(item.reasonCode, artefact)
    }

    static func reportReason(
        _ ruleID: String, _ kind: Kind, _ path: String, _ en: String, _ fr: String, _ context: inout RuleContext
    ) {
        context.reportCore(
            ruleID, terms: [kind.group, kind.reasonTerm, kind.reasonCodeTerm], at: path,
            en: "\(en) (\(kind.group)) gives no reason: add a reason text (\(kind.reasonTerm)) or a reason code "
                + "(\(kind.reasonCodeTerm)), or both.",
            fr: "\(fr) (\(kind.group)) n'a pas de motif : ajoutez un motif en texte (\(kind.reasonTerm)) ou un "
                + "code motif (\(kind.reasonCodeTerm)), ou les deux.")
    }
}
