import EInvoice
import EInvoiceRules
import EInvoiceSyntax
import Foundation
import Testing

/// Real corpus invoices read into a bare `ParsedInvoice` (the source tree only, as the code-list rules need).
enum CodeListCorpus {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// `PASSERELLE_CORPUS`, or `../shared/corpus` next to the repository (as in CI).
    static var directory: URL {
        if let configured = ProcessInfo.processInfo.environment["PASSERELLE_CORPUS"] {
            return URL(fileURLWithPath: configured)
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }

    static func text(_ relativePath: String) throws -> String {
        let url = directory.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Missing(description: "corpus file \(url.path) is missing; set PASSERELLE_CORPUS")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func files(in folder: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)
        return names.filter { $0.lowercased().hasSuffix(".xml") }.sorted().map { "\(folder)/\($0)" }
    }

    static func parsed(_ text: String) throws -> ParsedInvoice {
        let tree = try SafeXMLParser().parse(text)
        let syntax: InvoiceSyntax =
            switch tree.root?.localName {
            case "Invoice": .ublInvoice
            case "CreditNote": .ublCreditNote
            default: .cii
            }
        return ParsedInvoice(invoice: Invoice(), syntax: syntax, tree: tree, sourceMap: [:], notCarried: [])
    }

    static let codeListGroups = [RuleGroups.codeListsCII, RuleGroups.codeListsUBL]

    static func findings(_ text: String) throws -> [Finding] {
        Validator(groups: codeListGroups).validate(try parsed(text))
    }
}

/// Bad codes written into a corpus invoice, and the code-list rules that must fire, exactly.
struct CodeInjection: Sendable, CustomStringConvertible {
    /// Replace the `occurrence`-th (1-based) `original` with `replacement`.
    struct Edit: Sendable {
        let original: String
        let replacement: String
        var occurrence = 1
    }

    let file: String
    let edits: [Edit]
    let expected: Set<String>

    init(_ file: String, _ original: String, _ replacement: String, occurrence: Int = 1, expect: Set<String>) {
        self.init(file, [Edit(original: original, replacement: replacement, occurrence: occurrence)], expect: expect)
    }

    init(_ file: String, _ edits: [Edit], expect: Set<String>) {
        self.file = file
        self.edits = edits
        expected = expect
    }

    var description: String {
        let changes = edits.map { "\($0.original) → \($0.replacement)" }.joined(separator: "; ")
        return "\(file): \(changes) fires [\(expected.sorted().joined(separator: " "))]"
    }

    func mutatedText() throws -> String {
        var text = try CodeListCorpus.text(file)
        for edit in edits {
            var searchStart = text.startIndex
            var found: Range<String.Index>?
            for _ in 0..<edit.occurrence {
                found = text.range(of: edit.original, range: searchStart..<text.endIndex)
                guard let range = found else {
                    throw CodeListCorpus.Missing(
                        description: "'\(edit.original)' occurs fewer than "
                            + "\(edit.occurrence) times in \(file)")
                }
                searchStart = range.upperBound
            }
            if let found { text.replaceSubrange(found, with: edit.replacement) }
        }
        return text
    }
}
