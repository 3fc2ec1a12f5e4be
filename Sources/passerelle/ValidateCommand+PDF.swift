import EInvoiceRules
import EInvoiceSyntax
import FacturX

/// `passerelle validate FILE.pdf`: the PDF/A-3 and Factur-X structural checker, then the XML rules on the
/// embedded invoice, merged into one report.
enum PDFValidation {
    static func isPDF(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(1024).firstRange(of: Array("%PDF-".utf8)) != nil
    }

    static func report(path: String, bytes: [UInt8], validator: Validator, reader: InvoiceDocumentReader) -> FileReport {
        let check = FacturXChecker().check(pdf: bytes)
        var findings = check.findings.map(finding)
        guard let invoice = check.invoice else {
            // No XML to validate: the structural findings say why (unreadable PDF, no attachment).
            if let unreadable = check.findings.first(where: { $0.message.hasPrefix("the file cannot be read") }) {
                return FileReport(path: path, error: unreadable.description, syntax: nil, findings: [])
            }
            return FileReport(path: path, error: nil, syntax: "pdf", findings: findings)
        }
        let syntax = "pdf+\(invoice.fileName)"
        do {
            let parsed = try reader.read(bytes: invoice.xml)
            findings += validator.validate(parsed)
            return FileReport(path: path, error: nil, syntax: syntax + " (\(parsed.syntax.rawValue))", findings: findings)
        } catch {
            if !check.findings.contains(where: { $0.id == "FX-XML-UNREADABLE" }) {
                findings.append(Finding(ruleID: "FX-XML-UNREADABLE", severity: .fatal, terms: [],
                                        message: LocalizedMessage(en: "the embedded \(invoice.fileName) cannot be read as an invoice: \(error.description)",
                                                                  fr: "le \(invoice.fileName) intégré ne peut être lu comme une facture : \(error.description)")))
            }
            return FileReport(path: path, error: nil, syntax: syntax, findings: findings)
        }
    }

    static func finding(_ pdf: PDFFinding) -> Finding {
        Finding(ruleID: pdf.id, severity: pdf.severity == .error ? .fatal : .warning, terms: [],
                message: LocalizedMessage(en: pdf.message, fr: pdf.message),
                location: pdf.place.isEmpty ? nil : SourceLocation(xpath: "PDF " + pdf.place, line: 0, column: 0))
    }
}
