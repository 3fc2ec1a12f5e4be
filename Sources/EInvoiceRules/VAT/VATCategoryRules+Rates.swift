import EInvoice

extension VATCategoryRules {
    /// BR-x-05 (lines), 06 (allowances), 07 (charges): the rate a category takes. A missing rate fails every
    /// rule except O's, which requires it to be missing.
    func checkRates(_ family: VATCategoryFamily, _ context: inout RuleContext) {
        let rule = expectedRate(family)
        for (number, kind) in [(5, VATItem.Kind.line), (6, .allowance), (7, .charge)] {
            for item in view.items(of: kind) where item.category == family.code && !rule.accepts(item.rate) {
                let subject = VATText.capitalized(item.english)
                let sujet = VATText.capitalized(item.french)
                let found =
                    item.rate.map { "its VAT rate (\(item.rateTerm)) is \(VATText.rate($0))" }
                    ?? "it has no VAT rate (\(item.rateTerm))"
                let trouve =
                    item.rate.map { "son taux de TVA (\(item.rateTerm)) vaut \(VATText.taux($0))" }
                    ?? "il n'a pas de taux de TVA (\(item.rateTerm))"
                context.report(
                    family.ruleID(number), terms: [item.categoryTerm, item.rateTerm],
                    at: item.rate == nil ? item.categoryPath : item.ratePath,
                    en: "\(subject) has VAT category \(family.nameEN) but \(found); \(rule.english)",
                    fr: "\(sujet) a la catégorie de TVA \(family.nameFR) mais \(trouve) ; \(rule.french)")
            }
        }
    }

    private func expectedRate(_ family: VATCategoryFamily) -> VATExpectedRate {
        switch family.rate {
        case .positive: .positive
        case .zero: .zero
        case .absent: .absent
        case .zeroOrPositive: .zeroOrPositive
        case .positiveInCIIZeroOrPositiveInUBL: view.schematron == .cii ? .positive : .zeroOrPositive
        }
    }
}

/// A rate condition with its explanation.
enum VATExpectedRate {
    case positive
    case zero
    case absent
    case zeroOrPositive

    func accepts(_ rate: ExactDecimal?) -> Bool {
        switch self {
        case .positive: rate.map { $0 > .zero } ?? false
        case .zero: rate.map(\.isZero) ?? false
        case .absent: rate == nil
        case .zeroOrPositive: rate.map { !$0.isNegative } ?? false
        }
    }

    var english: String {
        switch self {
        case .positive: "this category needs a rate above zero (for example 20)."
        case .zero: "this category needs the rate 0."
        case .absent: "this category takes no rate at all; remove the rate."
        case .zeroOrPositive: "this category needs a rate of 0 or more."
        }
    }

    var french: String {
        switch self {
        case .positive: "cette catégorie exige un taux supérieur à zéro (par exemple 20)."
        case .zero: "cette catégorie exige le taux 0."
        case .absent: "cette catégorie ne prend aucun taux ; supprimez-le."
        case .zeroOrPositive: "cette catégorie exige un taux positif ou nul."
        }
    }
}
