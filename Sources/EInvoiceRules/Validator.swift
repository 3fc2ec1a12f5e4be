import EInvoice
import EInvoiceSyntax

/// A family of rules checked together, e.g. the BR-CO calculation rules or the BR-FR rules.
public struct RuleGroup: Sendable {
    public let name: String
    /// Every rule id this group can report. The conformance suite compares exactly these with the
    /// official schematron.
    public let ruleIDs: [String]
    /// Whether the group runs for a rule set.
    public let appliesTo: @Sendable (RuleSet) -> Bool
    public let check: @Sendable (inout RuleContext) -> Void

    public init(name: String, ruleIDs: [String], appliesTo: @escaping @Sendable (RuleSet) -> Bool = { _ in true },
                check: @escaping @Sendable (inout RuleContext) -> Void) {
        self.name = name
        self.ruleIDs = ruleIDs
        self.appliesTo = appliesTo
        self.check = check
    }
}

/// Runs every rule of a rule set and returns all findings; it never stops at the first one.
public struct Validator: Sendable {
    public var ruleSet: RuleSet
    public var groups: [RuleGroup]

    public init(ruleSet: RuleSet = .en16931, groups: [RuleGroup] = RuleGroups.all) {
        self.ruleSet = ruleSet
        self.groups = groups.filter { $0.appliesTo(ruleSet) }
    }

    public func validate(_ parsed: ParsedInvoice) -> [Finding] {
        var context = RuleContext(parsed: parsed)
        for group in groups { group.check(&context) }
        return context.findings
    }

    /// Validates an invoice built in memory (no source locations).
    public func validate(_ invoice: Invoice) -> [Finding] {
        run(RuleContext(invoice: invoice))
    }

    private func run(_ start: RuleContext) -> [Finding] {
        var context = start
        for group in groups { group.check(&context) }
        return context.findings
    }

    /// Every rule id the validator can report.
    public var implementedRuleIDs: Set<String> { Set(groups.flatMap(\.ruleIDs)) }
}

/// The registry of rule groups.
public enum RuleGroups {
    public static var all: [RuleGroup] {
        [core, coherence, decimals, vatCategories, codeListsCII, codeListsUBL] + syntaxGroups + [profileElements]
            + france
    }
}
