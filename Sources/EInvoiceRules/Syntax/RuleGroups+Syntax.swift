import EInvoiceSyntax

/// The compiled syntax tables, built on first use.
enum CompiledSyntaxTables {
    static let ubl = SyntaxRuleTable(SyntaxTables.ubl)
    static let ciiEN16931 = SyntaxRuleTable(SyntaxTables.ciiEN16931)
    static let ciiMinimum = SyntaxRuleTable(SyntaxTables.ciiMinimum)
    static let ciiBasicWL = SyntaxRuleTable(SyntaxTables.ciiBasicWL)
    static let ciiBasic = SyntaxRuleTable(SyntaxTables.ciiBasic)
    static let ciiExtended = SyntaxRuleTable(SyntaxTables.ciiExtended)

    static var all: [SyntaxRuleTable] { [ubl, ciiEN16931, ciiMinimum, ciiBasicWL, ciiBasic, ciiExtended] }
}

extension RuleGroups {
    /// The rules the EN 16931 UBL schematron (release 1.3.16) applies to the XML itself: UBL-CR
    /// (elements an EN 16931 invoice should not use), UBL-SR (cardinalities) and UBL-DT (data types).
    public static let ublSyntax = syntaxGroup(
        "ublSyntax", CompiledSyntaxTables.ubl, runsOn: { syntax, _ in syntax.isUBL })

    /// The structure rules of the Factur-X 1.09 EN 16931 schematron for CII: CII-SR, the FX-SCH-A
    /// cardinality rules (code-list rules excepted) and PEPPOL-EN16931-R008. They run on CII documents
    /// whose guideline id (BT-24) selects the EN 16931 schematron (see `SchematronProfile`).
    public static let ciiSyntax = syntaxGroup(
        "ciiSyntax", CompiledSyntaxTables.ciiEN16931, runsOn: { $0 == .cii && $1 == .en16931 })

    /// The structure rules of the Factur-X 1.09 MINIMUM schematron, for MINIMUM documents.
    public static let ciiMinimumSyntax = syntaxGroup(
        "ciiMinimumSyntax", CompiledSyntaxTables.ciiMinimum, runsOn: { $0 == .cii && $1 == .minimum })

    /// The structure rules of the Factur-X 1.09 BASIC WL schematron, for BASIC WL documents.
    public static let ciiBasicWLSyntax = syntaxGroup(
        "ciiBasicWLSyntax", CompiledSyntaxTables.ciiBasicWL, runsOn: { $0 == .cii && $1 == .basicWL })

    /// The structure rules of the Factur-X 1.09 BASIC schematron, for BASIC documents.
    public static let ciiBasicSyntax = syntaxGroup(
        "ciiBasicSyntax", CompiledSyntaxTables.ciiBasic, runsOn: { $0 == .cii && $1 == .basic })

    /// The structure rules of the Factur-X 1.09 EXTENDED schematron, for EXTENDED documents.
    public static let ciiExtendedSyntax = syntaxGroup(
        "ciiExtendedSyntax", CompiledSyntaxTables.ciiExtended, runsOn: { $0 == .cii && $1 == .extended })

    /// Every syntax group.
    public static var syntaxGroups: [RuleGroup] {
        [ublSyntax, ciiSyntax, ciiMinimumSyntax, ciiBasicWLSyntax, ciiBasicSyntax, ciiExtendedSyntax]
    }

    private static func syntaxGroup(
        _ name: String, _ table: SyntaxRuleTable,
        runsOn: @escaping @Sendable (InvoiceSyntax, SchematronProfile?) -> Bool
    ) -> RuleGroup {
        RuleGroup(name: name, ruleIDs: table.ruleIDs) { context in
            // Fields are read through the optional rather than by copying the whole parsed invoice out of it.
            guard let syntax = context.parsed?.syntax, let tree = context.parsed?.tree else { return }
            let profile = syntax == .cii ? context.schematronProfile(cii: tree) : nil
            guard runsOn(syntax, profile) else { return }
            for violation in table.check(tree) {
                let assertion = violation.assertion
                context.report(
                    assertion.id, assertion.severity, element: violation.element,
                    en: assertion.english, fr: assertion.french)
            }
        }
    }
}
