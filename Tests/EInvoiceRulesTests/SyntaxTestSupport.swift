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

/// Editing corpus invoices as text, keeping track of the line the edit lands on.
enum SyntaxEdit {
    struct MarkerNotFound: Error { var marker: String }

    /// Inserts `fragment` right before the first occurrence of `marker`; returns the new text and the
    /// 1-based line the fragment starts on.
    static func inserting(_ fragment: String, before marker: String, in xml: String) throws -> (xml: String, line: Int) {
        guard let range = xml.range(of: marker) else { throw MarkerNotFound(marker: marker) }
        let line = xml[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        return (xml.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: fragment), line)
    }

    /// Replaces the first occurrence of `marker`; returns the new text and the line of the replacement.
    static func replacing(_ marker: String, with replacement: String, in xml: String) throws -> (xml: String, line: Int) {
        guard let range = xml.range(of: marker) else { throw MarkerNotFound(marker: marker) }
        let line = xml[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        return (xml.replacingCharacters(in: range, with: replacement), line)
    }

    /// Removes the text from the first `start` to the end of the following `end`.
    static func removing(from start: String, through end: String, in xml: String) throws -> String {
        guard let lower = xml.range(of: start) else { throw MarkerNotFound(marker: start) }
        guard let upper = xml.range(of: end, range: lower.upperBound..<xml.endIndex) else { throw MarkerNotFound(marker: end) }
        return xml.replacingCharacters(in: lower.lowerBound..<upper.upperBound, with: "")
    }
}
