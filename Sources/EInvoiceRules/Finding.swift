import EInvoice

/// How serious a finding is, as the official artefacts flag it.
public enum Severity: String, Sendable, Codable, Comparable {
    /// The document must be rejected.
    case fatal
    /// The document is accepted, but something should be fixed.
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .fatal && rhs == .warning }
}

/// A message in French and English that says what is wrong and what to change.
public struct LocalizedMessage: Sendable, Hashable, Codable {
    public var english: String
    public var french: String

    public init(en english: String, fr french: String) {
        self.english = english
        self.french = french
    }
}

/// Where a finding points in the source document.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var xpath: String
    public var line: Int
    public var column: Int

    public init(xpath: String, line: Int, column: Int) {
        self.xpath = xpath
        self.line = line
        self.column = column
    }
}

/// One broken rule.
public struct Finding: Sendable, Hashable, Codable {
    /// The official rule id, e.g. `BR-CO-10` or `BR-FR-12_BT-49`.
    public var ruleID: String
    public var severity: Severity
    /// The business terms concerned, e.g. `["BT-106", "BT-131"]`.
    public var terms: [String]
    public var message: LocalizedMessage
    public var location: SourceLocation?

    public init(ruleID: String, severity: Severity, terms: [String], message: LocalizedMessage,
                location: SourceLocation? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.terms = terms
        self.message = message
        self.location = location
    }
}
