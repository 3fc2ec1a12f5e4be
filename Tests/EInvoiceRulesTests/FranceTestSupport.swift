import EInvoice
import EInvoiceSyntax
import Foundation
import Testing

@testable import EInvoiceRules

/// Helpers of the French rule tests: run only the BR-FR groups on a document or an invoice.
enum FranceTestSupport {
    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shared corpus of real invoices: `../shared/corpus` next to the repository.
    static let corpusRoot = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// The French seeds: valid invoices for the French rules.
    static let seedsRoot = repositoryRoot.appendingPathComponent("conformance/seeds")

    static let validator = Validator(ruleSet: .fr, groups: RuleGroups.france)

    static func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    static func seed(_ name: String) throws -> String {
        try read(seedsRoot.appendingPathComponent(name))
    }

    /// Parses a document and wraps it as the readers would, with an empty model: the French rules read the tree.
    static func parsed(_ xml: String) throws -> ParsedInvoice {
        let tree = try SafeXMLParser().parse(xml)
        let syntax: InvoiceSyntax =
            switch tree.root?.namespace {
            case Namespaces.ublInvoice: .ublInvoice
            case Namespaces.ublCreditNote: .ublCreditNote
            default: .cii
            }
        return ParsedInvoice(invoice: Invoice(), syntax: syntax, tree: tree, sourceMap: [:], notCarried: [])
    }

    static func findings(_ xml: String) throws -> [Finding] {
        validator.validate(try parsed(xml))
    }

    static func ruleIDs(_ xml: String) throws -> Set<String> {
        Set(try findings(xml).map(\.ruleID))
    }

    static func ruleIDs(_ invoice: Invoice) -> Set<String> {
        Set(validator.validate(invoice).map(\.ruleID))
    }
}
