/// The EN 16931 core business rules of the official validation artefacts 1.3.16, checked on the semantic
/// model: BR-01 … BR-65 with BR-B-01 and BR-B-02 (`core`), BR-CO (`coherence`) and BR-DEC (`decimals`).
/// The VAT category families (BR-S, BR-Z, BR-E, …), the code lists (BR-CL) and the syntax rules live in
/// other groups.
extension RuleGroups {
    /// BR-01 … BR-65, BR-B-01, BR-B-02.
    public static let core = RuleGroup(
        name: "EN 16931 core rules (BR)",
        ruleIDs: [
            "BR-01", "BR-02", "BR-03", "BR-04", "BR-05", "BR-06", "BR-07", "BR-08", "BR-09", "BR-10", "BR-11",
            "BR-12", "BR-13", "BR-14", "BR-15", "BR-16", "BR-17", "BR-18", "BR-19", "BR-20", "BR-21", "BR-22",
            "BR-23", "BR-24", "BR-25", "BR-26", "BR-27", "BR-28", "BR-29", "BR-30", "BR-31", "BR-32", "BR-33",
            "BR-36", "BR-37", "BR-38", "BR-41", "BR-42", "BR-43", "BR-44", "BR-45", "BR-46", "BR-47", "BR-48",
            "BR-49", "BR-50", "BR-51", "BR-52", "BR-53", "BR-54", "BR-55", "BR-56", "BR-57", "BR-61", "BR-62",
            "BR-63", "BR-64", "BR-65", "BR-B-01", "BR-B-02",
        ],
        check: { context in
            CoreDocumentRules.check(&context)
            CorePartyRules.check(&context)
            CoreLineRules.check(&context)
            CoreAllowanceChargeRules.check(&context)
            CorePaymentRules.check(&context)
            CoreVATBreakdownRules.check(&context)
        })

    /// BR-CO-03, BR-CO-04, BR-CO-09 … BR-CO-26. BR-CO-05 … BR-CO-08 are `true()` in the official artefacts
    /// and are not listed; BR-CO-25 is reported only where the Factur-X EXTENDED schematron checks it.
    public static let coherence = RuleGroup(
        name: "EN 16931 coherence rules (BR-CO)",
        ruleIDs: [
            "BR-CO-03", "BR-CO-04", "BR-CO-09", "BR-CO-10", "BR-CO-11", "BR-CO-12", "BR-CO-13", "BR-CO-14",
            "BR-CO-15", "BR-CO-16", "BR-CO-17", "BR-CO-18", "BR-CO-19", "BR-CO-20", "BR-CO-21", "BR-CO-22",
            "BR-CO-23", "BR-CO-24", "BR-CO-25", "BR-CO-26",
        ],
        check: { context in
            CoreCoherenceRules.check(&context)
            CoreTotalsRules.check(&context)
            CoreAllowanceChargeRules.checkCoherenceReasons(&context)
        })

    /// BR-DEC-01 … BR-DEC-28.
    public static let decimals = RuleGroup(
        name: "EN 16931 decimal rules (BR-DEC)",
        ruleIDs: [
            "BR-DEC-01", "BR-DEC-02", "BR-DEC-05", "BR-DEC-06", "BR-DEC-09", "BR-DEC-10", "BR-DEC-11",
            "BR-DEC-12", "BR-DEC-13", "BR-DEC-14", "BR-DEC-15", "BR-DEC-16", "BR-DEC-17", "BR-DEC-18",
            "BR-DEC-19", "BR-DEC-20", "BR-DEC-23", "BR-DEC-24", "BR-DEC-25", "BR-DEC-27", "BR-DEC-28",
        ],
        check: { context in CoreDecimalRules.check(&context) })
}
