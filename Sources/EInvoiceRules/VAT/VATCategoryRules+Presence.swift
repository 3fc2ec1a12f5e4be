import EInvoice

extension VATCategoryRules {
    /// BR-x-01: a category used on a line, an allowance or a charge appears in the VAT breakdown.
    ///
    /// The schematrons count differently:
    /// - S, L, M in CII: (lines + breakdowns ≥ 2 or no line) and (allowances/charges + breakdowns ≥ 2 or none);
    ///   in UBL: used somewhere and at least one breakdown, or neither.
    /// - Z, E, AE, K, G in CII: nothing at all, or one breakdown and a line, allowance or charge; in UBL: one
    ///   breakdown whenever the category occurs anywhere (breakdown included).
    /// - O in CII: no O breakdown, or exactly one with an O line, allowance or charge; in UBL as Z.
    func checkPresence(_ family: VATCategoryFamily, _ context: inout RuleContext) {
        let lines = view.lines.filter { $0.category == family.code }
        let others = view.allowancesAndCharges.filter { $0.category == family.code }
        let breakdowns = view.breakdowns(family.code).count
        let passes: Bool
        switch (family.presence, view.schematron, family.code) {
        case (.atLeastOne, .cii, _):
            passes =
                (lines.count + breakdowns >= 2 || lines.isEmpty) && (others.count + breakdowns >= 2 || others.isEmpty)
        case (.atLeastOne, .ubl, _):
            passes = (lines.count + others.count > 0) == (breakdowns > 0)
        case (.exactlyOne, .cii, "O"):
            passes = breakdowns == 0 || (breakdowns == 1 && lines.count + others.count > 0)
        case (.exactlyOne, .cii, _):
            passes =
                (breakdowns == 0 && lines.isEmpty && others.isEmpty)
                || (breakdowns == 1 && lines.count + others.count > 0)
        case (.exactlyOne, .ubl, _):
            passes = lines.isEmpty && others.isEmpty && breakdowns == 0 || breakdowns == 1
        }
        guard !passes else { return }
        let users = lines + others
        let ruleID = family.ruleID(1)
        let expected = family.presence == .atLeastOne ? "at least one" : "exactly one"
        let attendu = family.presence == .atLeastOne ? "au moins une" : "exactement une"
        if users.isEmpty {
            context.report(
                ruleID, terms: ["BT-118"], at: "BG-23",
                en: "The VAT breakdown has \(breakdowns) entr\(breakdowns == 1 ? "y" : "ies") for VAT category "
                    + "\(family.nameEN), but no invoice line, allowance or charge uses that category. Remove the "
                    + "breakdown entry or correct the category of the lines it summarises.",
                fr: "Le récapitulatif de TVA contient \(breakdowns) entrée(s) de catégorie \(family.nameFR), mais "
                    + "aucune ligne, remise ou charge n'utilise cette catégorie. Supprimez cette entrée ou corrigez "
                    + "la catégorie des lignes qu'elle récapitule.")
            return
        }
        context.report(
            ruleID, terms: ["BT-118", users[0].categoryTerm], at: breakdowns == 0 ? users[0].categoryPath : "BG-23",
            en: "\(VATText.capitalized(VATText.list(users))) use\(users.count == 1 ? "s" : "") VAT category "
                + "\(family.nameEN), so the VAT breakdown (BG-23) must have \(expected) entry with category "
                + "\(family.code); it has \(breakdowns). Add or merge the breakdown entries for this category.",
            fr: "\(VATText.capitalized(VATText.list(users, french: true))) utilise(nt) la catégorie de TVA "
                + "\(family.nameFR) : le récapitulatif de TVA (BG-23) doit donc contenir \(attendu) entrée de "
                + "catégorie \(family.code) ; il en contient \(breakdowns). Ajoutez ou regroupez les entrées de "
                + "cette catégorie.")
    }

    /// BR-O-11 … BR-O-14: an invoice with an O breakdown has nothing but O (not subject to VAT).
    ///
    /// CII tests every tax element at once: BR-O-11 and BR-O-12 both fire for a non-O breakdown or line, BR-O-13
    /// and BR-O-14 both for a non-O allowance or charge. UBL tests breakdowns (11), lines (12), allowances (13) and
    /// charges (14) separately.
    func checkNotSubjectOnly(_ family: VATCategoryFamily, _ context: inout RuleContext) {
        guard family.code == "O", !view.breakdowns("O").isEmpty else { return }
        let otherBreakdowns = view.invoice.vatBreakdown.enumerated().filter {
            !$0.element.categoryCode.isEmpty && $0.element.categoryCode != "O"
        }
        func notO(_ items: [VATItem]) -> [VATItem] { items.filter { $0.category != nil && $0.category != "O" } }
        let lines = notO(view.lines)
        let allowances = notO(view.allowances)
        let charges = notO(view.charges)
        let breakdownCodes = otherBreakdowns.map(\.element.categoryCode).joined(separator: ", ")
        var offenders: [(rule: Int, items: [VATItem])] = []
        var breakdownRule = !otherBreakdowns.isEmpty
        switch view.schematron {
        case .cii:
            breakdownRule = breakdownRule || !lines.isEmpty
            if breakdownRule { offenders.append((12, lines)) }
            if !allowances.isEmpty || !charges.isEmpty {
                offenders += [(13, allowances + charges), (14, allowances + charges)]
            }
        case .ubl:
            if !lines.isEmpty { offenders.append((12, lines)) }
            if !allowances.isEmpty { offenders.append((13, allowances)) }
            if !charges.isEmpty { offenders.append((14, charges)) }
        }
        if breakdownRule {
            let others = breakdownCodes.isEmpty ? "lines of another category" : breakdownCodes
            let autres = breakdownCodes.isEmpty ? "des lignes d'une autre catégorie" : breakdownCodes
            context.report(
                family.ruleID(11), terms: ["BT-118"], at: otherBreakdowns.first.map { "BG-23[\($0.offset)]/BT-118" },
                en: "The invoice has a VAT breakdown for category O (not subject to VAT), so it cannot have any "
                    + "other VAT category; it also has \(others). An invoice outside the scope of VAT must use "
                    + "category O everywhere.",
                fr: "La facture a un récapitulatif de TVA en catégorie O (hors du champ de la TVA) : elle ne peut "
                    + "contenir aucune autre catégorie ; elle contient aussi \(autres). Une facture hors du champ de "
                    + "la TVA utilise la catégorie O partout.")
        }
        for (rule, items) in offenders {
            let described = items.isEmpty ? "another VAT breakdown entry (\(breakdownCodes))" : VATText.list(items)
            let decrit =
                items.isEmpty
                ? "une autre entrée du récapitulatif (\(breakdownCodes))" : VATText.list(items, french: true)
            context.report(
                family.ruleID(rule), terms: ["BT-118", items.first?.categoryTerm ?? "BT-118"],
                at: items.first?.categoryPath,
                en: "The invoice has a VAT breakdown for category O (not subject to VAT), but \(described) "
                    + "use\(items.count == 1 ? "s" : "") another category "
                    + "(\(items.compactMap(\.category).joined(separator: ", "))). Use category O on every line, "
                    + "allowance and charge, or do not use O.",
                fr: "La facture a un récapitulatif de TVA en catégorie O (hors du champ de la TVA), mais \(decrit) "
                    + "utilise(nt) une autre catégorie (\(items.compactMap(\.category).joined(separator: ", "))). "
                    + "Utilisez la catégorie O partout, ou pas du tout.")
        }
    }
}
