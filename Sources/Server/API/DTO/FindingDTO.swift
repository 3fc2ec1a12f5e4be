import EInvoiceRules

/// A validation finding as the API shows it: the rule, how serious, the business terms, a message in English and
/// French that says what to fix, and where.
public struct FindingDTO: Codable, Sendable, Equatable {
    public struct Message: Codable, Sendable, Equatable {
        public var en: String
        public var fr: String
    }

    public struct Location: Codable, Sendable, Equatable {
        /// A term path (`BG-25[0]/BT-146`) or an XPath into the original document.
        public var path: String
        /// 1-based line and column in the original XML, when known.
        public var line: Int?
        public var column: Int?
    }

    /// e.g. `BR-CO-10`, `BR-FR-12`, `CAT-PRODUCT-UNKNOWN`.
    public var ruleID: String
    /// `fatal` or `warning`.
    public var severity: String
    public var terms: [String]
    public var message: Message
    public var location: Location?

    public init(_ finding: Finding) {
        ruleID = finding.ruleID
        severity = finding.severity.rawValue
        terms = finding.terms
        message = Message(en: finding.message.english, fr: finding.message.french)
        location = finding.location.map {
            Location(path: $0.xpath, line: $0.line > 0 ? $0.line : nil, column: $0.column > 0 ? $0.column : nil)
        }
    }
}
