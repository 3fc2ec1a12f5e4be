import EInvoiceSyntax

/// Checks what veraPDF and Factur-X validators most often reject, without veraPDF: fonts embedded, output
/// intent, one XMP packet that declares PDF/A-3 and matches the embedded XML, the attachment and its
/// relationship, forbidden features (encryption, JavaScript, launch actions, transparency, LZW) and the
/// trailer `/ID`. It reads the whole file (every object) and never throws: an unreadable file is a finding.
public struct FacturXChecker: Sendable {
    public var limits: PDFLimits

    public init(limits: PDFLimits = PDFLimits()) {
        self.limits = limits
    }

    public func check(pdf: [UInt8]) -> PDFCheckReport {
        var document: PDFDocument
        do {
            document = try PDFDocument(bytes: pdf, limits: limits)
        } catch {
            return PDFCheckReport(findings: [PDFFinding(error.code.rawValue, .error, "the file cannot be read as a PDF: \(error.message)", object: error.objectNumber, offset: error.offset)],
                                  invoice: nil, xmlProfile: nil)
        }
        var context = CheckContext(document: document)
        context.checkHeader()
        context.checkTrailer()
        if context.document.trailer["Encrypt"] == nil {
            context.checkCatalog()
            context.checkFonts()
            context.checkForbiddenFeatures()
        }
        context.reportRepairs()
        return PDFCheckReport(findings: context.findings, invoice: context.invoice, xmlProfile: context.xmlProfile?.conformanceLevel)
    }
}

/// The state of one check: the document (its cache fills as the checks read it) and the findings so far.
struct CheckContext {
    var document: PDFDocument
    var findings: [PDFFinding] = []
    var invoice: ExtractedInvoice?
    var xmlProfile: EmbeddedInvoiceProfile.Declared?

    mutating func add(_ id: String, _ severity: PDFFinding.Severity = .error, _ message: String, object: Int? = nil, offset: Int? = nil) {
        let finding = PDFFinding(id, severity, message, object: object, offset: offset)
        if !findings.contains(finding) { findings.append(finding) }
    }

    mutating func add(_ error: PDFError, as id: String? = nil, _ what: String) {
        add(id ?? error.code.rawValue, .error, "\(what): \(error.message)", object: error.objectNumber, offset: error.offset)
    }

    mutating func checkHeader() {
        let bytes = document.bytes
        guard PDFBytes.firstIndex(of: "%PDF-", in: bytes, range: 0..<min(bytes.count, 5)) == 0 else {
            add("PDFA-HEADER", .error, "the file does not start with '%PDF-1.n' at byte 0 (PDF/A allows nothing before the header): remove the bytes before it", offset: 0)
            return
        }
        // The header line is followed by a comment of at least four bytes above 127 (ISO 19005-2 §6.1.2).
        var index = 5
        while index < min(bytes.count, 64), bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        while index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
        var binary = 0
        if index < bytes.count, bytes[index] == 0x25 {
            var scan = index + 1
            while scan < min(bytes.count, index + 64), bytes[scan] != 0x0A, bytes[scan] != 0x0D {
                if bytes[scan] > 127 { binary += 1 }
                scan += 1
            }
        }
        if binary < 4 {
            add("PDFA-HEADER-BINARY-COMMENT", .error, "the header line is not followed by a comment of at least four bytes above 127: add one (e.g. '%âãÏÓ') so the file is seen as binary", offset: index)
        }
    }

    mutating func checkTrailer() {
        let trailer = document.trailer
        if trailer["Encrypt"] != nil {
            add("PDFA-ENCRYPTED", .error, "the document is encrypted (/Encrypt in the trailer); PDF/A forbids encryption: save it without a password or permissions")
        }
        let identifier = (try? document.value("ID", in: trailer))??.array
        if identifier == nil || identifier?.count != 2 {
            add("PDFA-TRAILER-ID-MISSING", .error, "the trailer has no /ID array of two strings; PDF/A requires the file identifier: write /ID [<…> <…>]")
        }
    }

    /// Repairs the reader made become findings: PDF/A requires exact stream lengths and a valid xref.
    mutating func reportRepairs() {
        for repair in document.repairs {
            let severity: PDFFinding.Severity = repair.kind == .xrefEntry ? .warning : .error
            add(repair.kind.rawValue, severity, repair.message + " — rewrite the file so that the cross-reference table and stream lengths are exact",
                object: repair.objectNumber, offset: repair.offset)
        }
    }
}
