import EInvoice
import EInvoiceSyntax

/// A finding's message in English and French.
struct FrenchMessage: Sendable {
    let en: String
    let fr: String
}

/// Where a French finding points: a source element, a term path of the model, or the whole document.
enum FrenchPlace {
    case element(Int)
    case term(String)
    case document
}

/// What the French rules evaluate: the source tree of a CII or UBL document when there is one (the official
/// schematron reads the tree, so the rules do too), or the semantic model of an invoice built in memory.
enum FrenchSource {
    case cii(FrenchTree)
    case ubl(FrenchTree)
    case model(Invoice)
    /// A source that is neither CII nor UBL: the French rules say nothing about it.
    case unknown

    init(_ context: RuleContext) {
        guard let parsed = context.parsed else {
            self = .model(context.invoice)
            return
        }
        guard let root = parsed.tree.root else {
            self = .unknown
            return
        }
        switch (root.namespace, root.localName) {
        case (Namespaces.ciiRSM, "CrossIndustryInvoice"): self = .cii(FrenchTree(parsed.tree))
        case (Namespaces.ublInvoice, "Invoice"), (Namespaces.ublCreditNote, "CreditNote"):
            self = .ubl(FrenchTree(parsed.tree))
        default: self = .unknown
        }
    }
}

/// The billing framework (BT-23) as the special-contract rules read it: `normalize-space` of the first value.
struct FrenchFramework: Sendable {
    let code: String?

    init(code: String?) { self.code = code.map(FrenchText.normalizeSpace) }

    init(cii tree: FrenchTree) {
        let ids =
            tree.root.map {
                tree.select(
                    $0, "rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID")
            } ?? []
        self.init(code: ids.first.map(tree.text))
    }

    init(ubl tree: FrenchTree) {
        let ids = tree.root.map { tree.children($0, "cbc:ProfileID") } ?? []
        self.init(code: ids.first.map(tree.text))
    }

    /// Multi-vendor (S8, B8, M8) or disbursement (S9, B9, M9) invoices.
    var isSpecialContract: Bool { isMultiVendor || isDisbursement }
    var isMultiVendor: Bool { code.map(FrenchCodes.multiVendorFrameworks.contains) ?? false }
    var isDisbursement: Bool { code.map(FrenchCodes.disbursementFrameworks.contains) ?? false }
}

/// One assertion of the official schematron checked on every element its rule context matches.
struct FrenchElementCheck: Sendable {
    let id: String
    let terms: [String]
    let pattern: FrenchPattern
    /// Whether the assertion holds on a matched element.
    let holds: @Sendable (FrenchTree, Int, FrenchFramework) -> Bool
    let message: FrenchMessage

    init(
        _ id: String, terms: [String], _ pattern: String, _ message: FrenchMessage,
        holds: @escaping @Sendable (FrenchTree, Int, FrenchFramework) -> Bool
    ) {
        self.id = id
        self.terms = terms
        self.pattern = FrenchPattern(pattern)
        self.holds = holds
        self.message = message
    }

    /// An assertion on the element's own string value.
    init(
        _ id: String, terms: [String], _ pattern: String, _ message: FrenchMessage,
        value: @escaping @Sendable (String) -> Bool
    ) {
        self.init(id, terms: terms, pattern, message) { tree, element, _ in value(tree.text(element)) }
    }
}

extension RuleContext {
    mutating func report(_ ruleID: String, terms: [String], _ place: FrenchPlace, _ message: FrenchMessage) {
        switch place {
        case .element(let element):
            report(ruleID, terms: terms, element: element, en: message.en, fr: message.fr)
        case .term(let path):
            report(ruleID, terms: terms, at: path, en: message.en, fr: message.fr)
        case .document:
            if parsed != nil {
                report(ruleID, terms: terms, element: 0, en: message.en, fr: message.fr)
            } else {
                report(ruleID, terms: terms, en: message.en, fr: message.fr)
            }
        }
    }

    /// Runs element checks on a tree.
    mutating func run(_ checks: [FrenchElementCheck], on tree: FrenchTree, framework: FrenchFramework) {
        for check in checks {
            for element in tree.elements(matching: check.pattern) where !check.holds(tree, element, framework) {
                report(check.id, terms: check.terms, .element(element), check.message)
            }
        }
    }
}
