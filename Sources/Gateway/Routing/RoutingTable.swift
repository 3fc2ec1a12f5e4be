/// One rule: when its condition holds, its action decides.
public struct RoutingRule: Hashable, Sendable {
    /// A name people use for it (`pilot-customers`); optional.
    public var id: String?
    public var condition: RoutingCondition
    public var action: RouteAction

    public init(id: String? = nil, when condition: RoutingCondition = RoutingCondition(), then action: RouteAction) {
        self.id = id
        self.condition = condition
        self.action = action
    }
}

/// A tenant's routing: an ordered list of rules, the first that matches wins, else the default.
public struct RoutingTable: Hashable, Sendable {
    public var rules: [RoutingRule]
    /// What happens when no rule matches.
    public var fallback: RouteAction
    /// Run this tenant in dry run (everything but the sending); nil: as the policy says.
    public var dryRun: Bool?

    public init(rules: [RoutingRule] = [], fallback: RouteAction, dryRun: Bool? = nil) {
        self.rules = rules
        self.fallback = fallback
        self.dryRun = dryRun
    }

    /// The decision for an invoice. A field the action leaves unset is inferred: the format is the customer's
    /// preferred one (else the source syntax), the profile EN 16931, the processing rule B2G for a public body,
    /// B2BInt for a buyer outside France, B2B otherwise.
    public func decide(_ facts: RoutingFacts) -> RouteDecision {
        for (index, rule) in rules.enumerated() where rule.condition.matches(facts) {
            return Self.resolve(rule.action, facts: facts, ruleNumber: index + 1, ruleID: rule.id)
        }
        return Self.resolve(fallback, facts: facts, ruleNumber: nil, ruleID: nil)
    }

    /// Every target the table can send to.
    public var targets: Set<String> { Set(rules.map(\.action.target) + [fallback.target]) }

    static func resolve(_ action: RouteAction, facts: RoutingFacts, ruleNumber: Int?, ruleID: String?)
        -> RouteDecision
    {
        let processing = action.processing ?? { () -> ProcessingRule in
            if facts.publicSector { return .b2g }
            if let country = facts.buyerCountry, country != "FR" { return .b2bInternational }
            return .b2b
        }()
        return RouteDecision(
            target: action.target, format: action.format ?? facts.preferredFormat,
            profile: action.profile ?? .en16931, processing: processing, ruleNumber: ruleNumber, ruleID: ruleID)
    }
}
