import EInvoice
import EInvoiceSyntax

/// What a rule sees: the invoice in the semantic model and, when it was read from XML, the source
/// (for syntax rules and for locating findings). Rules report through `report`.
public struct RuleContext: Sendable {
    public let invoice: Invoice
    public let parsed: ParsedInvoice?
    /// The Factur-X profile named by BT-24, nil for unknown guideline ids.
    public let profile: FacturXProfile?
    public internal(set) var findings: [Finding] = []
    /// The CII schematron profile of the source, worked out once for all the syntax groups.
    var schematronProfileCache: SchematronProfile?

    public init(invoice: Invoice, parsed: ParsedInvoice? = nil) {
        self.invoice = invoice
        self.parsed = parsed
        self.profile = FacturXProfile(guidelineID: invoice.processControl.specificationIdentifier)
    }

    public init(parsed: ParsedInvoice) {
        self.init(invoice: parsed.invoice, parsed: parsed)
    }

    public var syntax: InvoiceSyntax? { parsed?.syntax }

    /// Which official CII schematron applies to the source tree (see `SchematronProfile(cii:)`).
    mutating func schematronProfile(cii tree: XMLTree) -> SchematronProfile {
        if let cached = schematronProfileCache { return cached }
        let profile = SchematronProfile(cii: tree)
        schematronProfileCache = profile
        return profile
    }

    /// Records a finding. `path` is a term path (see `ParsedInvoice.sourceMap`); the location is the
    /// deepest element on that path that the source has, so a missing term points at its parent group.
    public mutating func report(
        _ ruleID: String, _ severity: Severity = .fatal, terms: [String], at path: String? = nil,
        en: String, fr: String
    ) {
        findings.append(
            Finding(
                ruleID: ruleID, severity: severity, terms: terms, message: LocalizedMessage(en: en, fr: fr),
                location: path.flatMap(locate) ?? rootLocation))
    }

    /// Records a finding located at a source element (syntax rules).
    public mutating func report(
        _ ruleID: String, _ severity: Severity = .fatal, terms: [String] = [], element: Int, en: String, fr: String
    ) {
        findings.append(
            Finding(
                ruleID: ruleID, severity: severity, terms: terms, message: LocalizedMessage(en: en, fr: fr),
                location: location(of: element)))
    }

    func location(of element: Int) -> SourceLocation? {
        guard let tree = parsed?.tree, element >= 0, element < tree.elements.count else { return nil }
        let node = tree[element]
        return SourceLocation(xpath: tree.xpath(of: element), line: node.line, column: node.column)
    }

    var rootLocation: SourceLocation? { parsed == nil ? nil : location(of: 0) }

    func locate(_ path: String) -> SourceLocation? {
        guard parsed != nil else { return nil }
        var candidate = Substring(path)
        while true {
            if let element = parsed?.sourceElement(String(candidate)) { return location(of: element) }
            guard let slash = candidate.lastIndex(of: "/") else { return nil }
            candidate = candidate[..<slash]
        }
    }
}
