/// Reads the invoice XML out of a Factur-X, ZUGFeRD 1/2 or XRechnung PDF.
///
/// Only the objects on the path catalog → `/Names` and `/AF` → file specification → `/EF` stream (and the
/// catalog's `/Metadata`) are parsed; a broken or hostile file gives a `PDFError`, never a crash.
public enum FacturXReader {
    public static func extract(pdf: [UInt8], limits: PDFLimits = PDFLimits()) throws(PDFError) -> ExtractedInvoice {
        var document = try PDFDocument(bytes: pdf, limits: limits)
        return try extract(from: &document)
    }

    public static func extract(from document: inout PDFDocument) throws(PDFError) -> ExtractedInvoice {
        let catalog = try document.catalog().dictionary
        let files = try document.embeddedFiles(catalog: catalog)
        guard let (file, xml, root) = try choose(files, in: &document) else {
            let listed = files.isEmpty ? "it has no embedded files" : "its attachments are " + files.map { "'\($0.name)'" }.joined(separator: ", ")
            throw PDFError(.noInvoice, "no embedded invoice XML (factur-x.xml, zugferd-invoice.xml, ZUGFeRD-invoice.xml, xrechnung.xml): \(listed)")
        }
        var xmp: XMPMetadata?
        var xmpError: String?
        if let metadata = try? document.value("Metadata", in: catalog)?.stream {
            do {
                xmp = XMPScanner.scan(try document.decodedData(of: metadata))
            } catch {
                xmpError = error.description
            }
        }
        var extracted = ExtractedInvoice(xml: xml, fileName: file.name, standard: InvoiceStandard.detect(fileName: file.name, rootElement: root),
                                         rootElement: root, relationship: file.relationship, mimeType: file.mimeType, xmp: xmp, xmpError: xmpError,
                                         attachment: file, attachmentNames: files.map(\.name), repairs: document.repairs)
        if let id = EmbeddedInvoiceProfile.quickGuidelineID(xml) {
            let declared = EmbeddedInvoiceProfile.declared(guidelineID: id)
            extracted.guidelineID = id
            extracted.xmlProfile = declared.conformanceLevel
            extracted.profilesAgree = xmp?.conformanceLevel.flatMap { EmbeddedInvoiceProfile.agrees($0, with: declared) }
        }
        return extracted
    }

    /// The invoice attachment: the first with a standard file name; otherwise the first `.xml` attachment
    /// whose root element is an invoice's.
    static func choose(_ files: [EmbeddedFile], in document: inout PDFDocument) throws(PDFError) -> (EmbeddedFile, [UInt8], String)? {
        var firstError: PDFError?
        for known in InvoiceStandard.knownFileNames {
            for file in files where file.names.contains(where: { $0.lowercased() == known }) {
                do {
                    let xml = try document.contents(of: file)
                    return (file, xml, InvoiceStandard.rootElementName(xml) ?? "")
                } catch {
                    firstError = firstError ?? error
                }
            }
        }
        if let firstError { throw firstError }
        for file in files where file.names.contains(where: { $0.lowercased().hasSuffix(".xml") }) {
            guard let xml = try? document.contents(of: file), let root = InvoiceStandard.rootElementName(xml),
                  InvoiceStandard.invoiceRoots.contains(root) else { continue }
            return (file, xml, root)
        }
        return nil
    }
}
