import EInvoiceSyntax

/// Turns an existing PDF (the one the ERP prints) into a Factur-X file by an incremental update: the
/// invoice XML as an associated file, a PDF/A-3b + Factur-X XMP packet, an output intent when it lacks one,
/// a new `/ID`. The original bytes are kept as they are, so a signature over them stays valid.
///
/// What an update cannot repair is refused with the checker's findings (`blockingIDs`): fonts not
/// embedded, encryption, JavaScript and other forbidden actions, LZW, a header without its binary comment,
/// wrong stream lengths or a broken xref. Re-render the invoice with Passerelle's own layout then.
public struct FacturXAttacher: Sendable {
    public struct Options: Sendable {
        public var fileName = "factur-x.xml"
        /// An ICC profile (e.g. sRGB) for the output intent, used when the PDF has none.
        public var iccProfile: [UInt8]?
        /// Seconds since 1970 (UTC) for the modification dates.
        public var secondsSince1970: Int

        public init(secondsSince1970: Int, iccProfile: [UInt8]? = nil, fileName: String = "factur-x.xml") {
            self.secondsSince1970 = secondsSince1970
            self.iccProfile = iccProfile
            self.fileName = fileName
        }
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The PDF cannot become PDF/A-3 by adding to it: each finding says why.
        case cannotBecomePDFA([PDFFinding])
        /// The XML names no Factur-X profile (BT-24), so the XMP cannot declare one.
        case invoiceXML(String)

        public var description: String {
            switch self {
            case let .cannotBecomePDFA(findings):
                "this PDF cannot become PDF/A-3 by attaching the XML; re-render the invoice with Passerelle's layout instead:\n"
                    + findings.map { "  - " + $0.description }.joined(separator: "\n")
            case let .invoiceXML(reason): "the invoice XML cannot be attached: \(reason)"
            }
        }
    }

    /// Errors an incremental update cannot fix (the original objects stay as they are).
    public static let blockingIDs: Set<String> = [
        "PDFA-ENCRYPTED", "PDFA-FONT-NOT-EMBEDDED", "PDFA-JAVASCRIPT", "PDFA-LAUNCH-ACTION", "PDFA-ACTION-FORBIDDEN",
        "PDFA-ADDITIONAL-ACTIONS", "PDFA-LZW", "PDFA-HEADER", "PDFA-HEADER-BINARY-COMMENT", "PDF-STREAM-LENGTH",
        "PDF-XREF-REBUILT", "PDF-XREF-PREV-LOOP", "PDF-SYNTAX", "PDF-XREF", "PDF-FILTER", "PDF-CYCLE", "PDF-LIMIT", "PDF-NOT-PDF",
        "PDFA-AFRELATIONSHIP-MISSING", "PDFA-EMBEDDED-FILE-MIMETYPE-MISSING", "PDFA-EMBEDDED-FILE-STREAM-MISSING",
    ]

    public init() {}

    /// Why `pdf` cannot become a Factur-X PDF/A-3 file by attaching an invoice (empty when it can).
    public func blockers(pdf: [UInt8], options: Options) -> [PDFFinding] {
        let report = FacturXChecker().check(pdf: pdf)
        var found = report.findings.filter { $0.severity == .error && Self.blockingIDs.contains($0.id) }
        if let invoice = report.invoice {
            found.append(PDFFinding("FX-ALREADY-ATTACHED", .error, "the PDF already carries an invoice XML ('\(invoice.fileName)'): start from the PDF without it",
                                    object: invoice.attachment.fileSpecObject))
        }
        if options.iccProfile == nil, let missing = report.findings.first(where: { $0.id == "PDFA-OUTPUTINTENT-MISSING" && $0.severity == .error }) {
            found.append(PDFFinding(missing.id, .error, missing.message + " (pass an ICC profile to add the output intent)", object: missing.objectNumber))
        }
        return found
    }

    public func attach(xml: [UInt8], to pdf: [UInt8], options: Options) throws(Failure) -> [UInt8] {
        let profile: EmbeddedInvoiceProfile.Declared
        do {
            let tree = try SafeXMLParser().parse(xml)
            guard let declared = EmbeddedInvoiceProfile.declared(in: tree), declared.conformanceLevel != nil, !declared.legacy else {
                throw Failure.invoiceXML("its guideline id (BT-24) names no Factur-X profile")
            }
            profile = declared
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .invoiceXML("it is not well-formed XML (\(error))")
        }
        let blocking = blockers(pdf: pdf, options: options)
        guard blocking.isEmpty else { throw .cannotBecomePDFA(blocking) }
        do {
            var builder = try AttachmentUpdateBuilder(pdf: pdf, options: options)
            return try builder.build(xml: xml, profile: profile)
        } catch {
            throw .cannotBecomePDFA([PDFFinding(error.code.rawValue, .error, error.message, object: error.objectNumber, offset: error.offset)])
        }
    }
}
