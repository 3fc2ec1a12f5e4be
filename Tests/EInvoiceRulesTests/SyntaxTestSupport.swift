import EInvoice
import EInvoiceSyntax
import Foundation
import Testing

@testable import EInvoiceRules

/// Helpers of the syntax-rule tests: reading corpus files and running one syntax group on them.
enum SyntaxTestSupport {
    /// The shared corpus: ../shared/corpus from the repository (as in CI), else /work/shared/corpus.
    static let corpus: URL = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let sibling = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        if FileManager.default.fileExists(atPath: sibling.path) { return sibling }
        return URL(fileURLWithPath: "/work/shared/corpus")
    }()

    static func files(in folder: String) -> [String] {
        let url = corpus.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".xml") }.sorted().map { "\(folder)/\($0)" }
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: corpus.appendingPathComponent(path), encoding: .utf8)
    }

    static func parsed(_ xml: String) throws -> ParsedInvoice {
        let tree = try SafeXMLParser().parse(xml)
        let root = tree.root
        let syntax: InvoiceSyntax =
            root?.namespace == Namespaces.ublInvoice ? .ublInvoice
            : root?.namespace == Namespaces.ublCreditNote ? .ublCreditNote : .cii
        return ParsedInvoice(invoice: Invoice(), syntax: syntax, tree: tree, sourceMap: [:], notCarried: [])
    }

    /// The findings of the syntax groups on a document.
    static func findings(_ xml: String, groups: [RuleGroup] = RuleGroups.syntaxGroups) throws -> [Finding] {
        Validator(groups: groups).validate(try parsed(xml))
    }

    static func ids(_ findings: [Finding]) -> Set<String> { Set(findings.map(\.ruleID)) }
}
