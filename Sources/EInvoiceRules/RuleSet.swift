/// Which rules to run.
public enum RuleSet: String, Sendable, CaseIterable, Codable {
    /// EN 16931 business rules, the syntax rules of the source, and the Factur-X profile rules.
    case en16931
    /// Everything in `en16931` plus the French rules of XP Z12-012 (FNFE-MPE BR-FR 1.4.0).
    case fr
}
