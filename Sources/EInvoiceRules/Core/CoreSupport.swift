import EInvoice
import EInvoiceSyntax

/// The official artefact whose test a core rule mimics.
///
/// The CII (Factur-X EN 16931) and UBL schematrons of the validation artefacts 1.3.16 sometimes test the
/// same rule differently (what counts as present, which terms are compared, rounding). A rule follows the
/// artefact of the syntax the invoice was read from; an invoice built in memory is checked against the
/// rule as EN 16931 words it (`semantic`). Each rule documents where the artefacts differ.
enum CoreArtefact: Sendable {
    case cii
    case ubl
    case semantic
}

extension RuleContext {
    var coreArtefact: CoreArtefact {
        switch syntax {
        case .cii: .cii
        case .ublInvoice, .ublCreditNote: .ubl
        case nil: .semantic
        }
    }

    /// Whether the source document has an element for one of the term paths; always false in memory.
    /// Tells an empty element (`<cbc:ID/>`, read as "") from a missing one where the official test does.
    func coreSourceHas(_ paths: String...) -> Bool {
        guard parsed != nil else { return false }
        for path in paths where parsed?.sourceElement(path) != nil { return true }
        return false
    }

    /// True when a document read from XML has no document totals element at all (no
    /// `ram:SpecifiedTradeSettlementHeaderMonetarySummation`, no `cac:LegalMonetaryTotal`): the official rules
    /// whose context is that element (BR-12 … BR-15, BR-CO-10 … BR-CO-13, BR-CO-16, and BR-CO-15 in CII)
    /// then do not run. In memory the totals are always checked.
    var coreTotalsElementMissing: Bool {
        guard parsed != nil, !coreSourceHas("BG-22") else { return false }
        let totals = invoice.totals
        let carried: [Amount?] = [
            totals.lineNetTotal, totals.allowanceTotal, totals.chargeTotal, totals.taxExclusiveAmount,
            totals.taxInclusiveAmount, totals.paidAmount, totals.roundingAmount, totals.amountDue,
        ]
        // CII carries BT-110 and BT-111 in the same element; UBL in cac:TaxTotal.
        let vat: [Amount?] = coreArtefact == .cii ? [totals.vatTotal, totals.vatTotalInAccountingCurrency] : []
        return (carried + vat).allSatisfy { $0 == nil }
    }

    /// Reports a core finding when the official schematron that applies to this document checks the rule
    /// (see `CoreProfileScope`).
    mutating func reportCore(
        _ ruleID: String, _ severity: Severity = .fatal, terms: [String], at path: String?, en: String, fr: String
    ) {
        guard CoreProfileScope.checks(ruleID, artefact: coreArtefact, profile: profile) else { return }
        report(ruleID, severity, terms: terms, at: path, en: en, fr: fr)
    }

    /// Reports a core finding at a source element the rule found itself (one of several elements carrying
    /// the same term), or at the term path when there is no such element.
    mutating func reportCore(
        _ ruleID: String, _ severity: Severity = .fatal, terms: [String], element: Int?, orAt path: String,
        en: String, fr: String
    ) {
        guard let element else {
            reportCore(ruleID, severity, terms: terms, at: path, en: en, fr: fr)
            return
        }
        guard CoreProfileScope.checks(ruleID, artefact: coreArtefact, profile: profile) else { return }
        report(ruleID, severity, terms: terms, element: element, en: en, fr: fr)
    }

    /// The elements reached from the document root by a path of local names (`cii` or `ubl`, after the
    /// syntax of the source); nil in memory. For official tests that run once per element where the model
    /// holds the term once (e.g. one BT-81 for several payment means).
    func coreSourceElements(cii: [String], ubl: [String]) -> [Int]? {
        // Fields are read through the optional rather than by copying the whole parsed invoice out of it.
        guard let syntax = parsed?.syntax, let tree = parsed?.tree, !tree.elements.isEmpty else { return nil }
        return tree.all(from: 0, syntax == .cii ? cii : ubl)
    }
}

/// Small helpers shared by the core rules.
enum CoreText {
    /// True when the text is absent or only whitespace (XPath `normalize-space(x) = ''`).
    static func isBlank(_ text: String?) -> Bool {
        guard let text else { return true }
        return text.trimmingWhitespace().isEmpty
    }

    /// True when an attribute counts as missing: UBL tests `exists(@x)` (an empty attribute passes),
    /// CII tests `@x != ''`.
    static func isMissingAttribute(_ value: String?, _ artefact: CoreArtefact) -> Bool {
        artefact == .ubl ? value == nil : isBlank(value)
    }

    /// True when an optional element counts as missing: both schematrons test its existence (an empty
    /// element passes); in memory a blank text is missing too.
    static func isMissingElement(_ value: String?, _ artefact: CoreArtefact) -> Bool {
        artefact == .semantic ? isBlank(value) : value == nil
    }

    /// An amount as written, or "missing".
    static func show(_ value: ExactDecimal?) -> String { value.map(String.init(describing:)) ?? "missing" }
    /// An amount as written, or "absent" (French).
    static func montrer(_ value: ExactDecimal?) -> String { value.map(String.init(describing:)) ?? "absent" }
}

/// XPath arithmetic as the official schematron does it.
enum CoreXPath {
    /// `round(x * 100) div 100`: XPath `round` sends halves towards positive infinity.
    static func round2(_ value: ExactDecimal) -> ExactDecimal {
        value.rounded(to: 2, .halfTowardsPositiveInfinity)
    }

    /// `round(x)`: to an integer, halves towards positive infinity.
    static func round0(_ value: ExactDecimal) -> ExactDecimal {
        value.rounded(to: 0, .halfTowardsPositiveInfinity)
    }

    /// `round(x * rate div 100 * 100) div 100`, the VAT of `x` at `rate` per cent rounded as BR-CO-17 does.
    static func percentRounded2(_ base: ExactDecimal, _ rate: ExactDecimal) -> ExactDecimal {
        let hundredfold = round0(base * rate)
        return ExactDecimal(mantissa: hundredfold.mantissa, fractionDigits: hundredfold.fractionDigits + 2)
    }
}

/// Term paths (see `ParsedInvoice.sourceMap`).
enum CorePath {
    static func line(_ index: Int) -> String { "BG-25[\(index)]" }
    static func line(_ index: Int, _ rest: String) -> String { "BG-25[\(index)]/\(rest)" }
    static func breakdown(_ index: Int, _ term: String) -> String { "BG-23[\(index)]/\(term)" }
}
