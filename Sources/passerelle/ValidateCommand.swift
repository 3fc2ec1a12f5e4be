import ArgumentParser
import EInvoiceRules
import EInvoiceSyntax
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate CII or UBL invoices, or Factur-X PDFs, against EN 16931 (and the French rules with --rules fr).",
        discussion: """
            A JSON invoice (*.json, or a file starting with '{') is checked as the CII it converts to; line numbers \
            then point into that CII.
            A PDF is checked for PDF/A-3 and Factur-X structure (fonts, output intent, XMP, attachment, forbidden \
            features) and its embedded XML is validated like an XML file.
            Exit status: 0 when every file is valid, 1 when a fatal rule is broken, 2 when a file cannot be read.
            Warnings do not change the exit status unless --strict is given.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Invoice files (CII or UBL XML, JSON invoices, or Factur-X / ZUGFeRD PDF).")
    var files: [String]

    @Option(help: "Rule set: en16931 or fr (EN 16931 plus the French BR-FR rules).")
    var rules: RuleSet = .en16931

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    @Flag(help: "Never use colour.")
    var noColor = false

    @Option(help: "Message language: en or fr.")
    var language: Language = .en

    func run() throws {
        let validator = Validator(ruleSet: rules)
        let input = InvoiceInput()
        var reports: [FileReport] = []
        for path in files {
            if let bytes = try? InvoiceDocumentReader.loadFile(path: path, limit: 256 << 20), PDFValidation.isPDF(bytes) {
                reports.append(PDFValidation.report(path: path, bytes: bytes, validator: validator, reader: input.reader))
                continue
            }
            do {
                let parsed = try input.read(path: path)
                reports.append(FileReport(path: path, error: nil, syntax: parsed.syntax.rawValue, findings: validator.validate(parsed)))
            } catch {
                let message = language == .fr ? error.french : error.description
                reports.append(FileReport(path: path, error: message, syntax: nil, findings: []))
            }
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(ValidationReport(ruleSet: rules.rawValue, files: reports))
            print(String(decoding: data, as: UTF8.self))
        case .text:
            let terminal = Terminal(colors: noColor ? false : nil)
            for report in reports { print(report.text(terminal, language: language)) }
        }
        let status: Int32
        if reports.contains(where: { $0.error != nil }) {
            status = ExitStatus.unreadable
        } else if reports.contains(where: { $0.findings.contains { $0.severity == .fatal || strict } }) {
            status = ExitStatus.invalid
        } else {
            status = ExitStatus.valid
        }
        if status != 0 { throw ExitCode(status) }
    }
}

enum Language: String, ExpressibleByArgument { case en, fr }

extension RuleSet: ExpressibleByArgument {}

struct ValidationReport: Encodable {
    let ruleSet: String
    let files: [FileReport]
}

struct FileReport: Encodable {
    let path: String
    let error: String?
    let syntax: String?
    let findings: [Finding]

    enum CodingKeys: String, CodingKey { case path, error, syntax, valid, findings }

    var isValid: Bool { error == nil && !findings.contains { $0.severity == .fatal } }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(error, forKey: .error)
        try container.encode(syntax, forKey: .syntax)
        try container.encode(isValid, forKey: .valid)
        try container.encode(findings, forKey: .findings)
    }

    func text(_ terminal: Terminal, language: Language) -> String {
        if let error {
            return "\(terminal.bold(path)): \(terminal.red("cannot be read")): \(error)"
        }
        let fatal = findings.filter { $0.severity == .fatal }.count
        let warnings = findings.count - fatal
        var lines: [String] = []
        let verdict = fatal > 0 ? terminal.red("INVALID") : terminal.green("valid")
        var summary = "\(terminal.bold(path)): \(verdict)"
        if fatal > 0 || warnings > 0 { summary += " (\(fatal) error\(fatal == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"))" }
        lines.append(summary)
        for finding in findings.sorted(by: { ($0.severity, $0.location?.line ?? 0) < ($1.severity, $1.location?.line ?? 0) }) {
            let label = finding.severity == .fatal ? terminal.red("error  ") : terminal.yellow("warning")
            let place = finding.location.map { $0.line > 0 ? "line \($0.line)" : $0.xpath } ?? ""
            let terms = finding.terms.isEmpty ? "" : " [\(finding.terms.joined(separator: ", "))]"
            lines.append("  \(label) \(terminal.bold(finding.ruleID))\(terms) \(terminal.dim(place))")
            lines.append("          \(language == .fr ? finding.message.french : finding.message.english)")
            if let location = finding.location, location.line > 0 { lines.append("          \(terminal.dim(location.xpath))") }
        }
        return lines.joined(separator: "\n")
    }
}
