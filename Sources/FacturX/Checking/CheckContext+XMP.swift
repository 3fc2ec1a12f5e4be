extension CheckContext {
    static let invoiceProperties = ["DocumentType", "DocumentFileName", "Version", "ConformanceLevel"]

    /// One XMP packet on the catalog, declaring PDF/A-3 (A, B or U) and the Factur-X properties, which
    /// agree with the embedded XML and are declared in a PDF/A extension schema.
    mutating func checkXMP(_ catalog: PDFDictionary, _ catalogNumber: Int?) {
        guard let raw = catalog["Metadata"] else {
            add("PDFA-XMP-MISSING", .error, "the catalog has no /Metadata XMP stream: add one declaring pdfaid:part 3 and the Factur-X properties", object: catalogNumber)
            return
        }
        let metadataObject = raw.reference?.number ?? catalogNumber
        guard let stream = (try? document.resolve(raw))?.stream else {
            add("PDFA-XMP-MISSING", .error, "the catalog's /Metadata is not a stream: make it an XMP metadata stream", object: metadataObject)
            return
        }
        if stream.dictionary["Type"]?.name != "Metadata" || stream.dictionary["Subtype"]?.name != "XML" {
            add("PDFA-XMP-STREAM-TYPE", .error, "the XMP metadata stream's dictionary lacks /Type /Metadata and /Subtype /XML: add both keys", object: metadataObject)
        }
        let packet: [UInt8]
        do {
            packet = try document.decodedData(of: stream)
        } catch {
            add(error, as: "PDFA-XMP-UNREADABLE", "the XMP metadata stream cannot be decoded")
            return
        }
        let xmp: XMPMetadata
        do {
            xmp = try XMPMetadata.parse(packet)
        } catch {
            add("PDFA-XMP-UNREADABLE", .error, "the XMP metadata is not well-formed XML (\(error.description)): rewrite it", object: metadataObject)
            return
        }
        if xmp.packetCount == 0 {
            add("PDFA-XMP-PACKETS", .error, "the catalog's metadata is not wrapped in an XMP packet (<?xpacket begin=…?> … <?xpacket end=…?>): wrap it in exactly one packet", object: metadataObject)
        } else if xmp.packetCount > 1 {
            add("PDFA-XMP-PACKETS", .error, "the catalog's metadata stream holds \(xmp.packetCount) XMP packets (<?xpacket begin …?>); PDF/A requires exactly one: merge them into one packet", object: metadataObject)
        }
        if xmp.pdfaConformance == "A" {
            let marked = ((try? document.value("MarkInfo", in: catalog)) ?? nil)?.dictionary?["Marked"]
            if catalog["StructTreeRoot"] == nil || marked.map({ if case .boolean(true) = $0 { return false } else { return true } }) ?? true {
                add("PDFA-A-NOT-TAGGED", .error, "the XMP claims PDF/A-3a (conformance A), which requires a tagged document, but the catalog lacks /StructTreeRoot or /MarkInfo << /Marked true >>: tag the document or declare conformance B", object: catalogNumber)
            }
        }
        if xmp.pdfaPart != "3" {
            add("PDFA-XMP-PART", .error, "the XMP declares pdfaid:part '\(xmp.pdfaPart ?? "(none)")'; Factur-X requires PDF/A-3: write pdfaid:part 3", object: metadataObject)
        }
        if !["A", "B", "U"].contains(xmp.pdfaConformance ?? "") {
            add("PDFA-XMP-CONFORMANCE", .error, "the XMP declares pdfaid:conformance '\(xmp.pdfaConformance ?? "(none)")'; write A, B or U (B for a Factur-X file)", object: metadataObject)
        }
        checkInvoiceXMP(xmp, metadataObject)
    }

    private mutating func checkInvoiceXMP(_ xmp: XMPMetadata, _ object: Int?) {
        let missing = Self.invoiceProperties.filter { name in
            switch name {
            case "DocumentType": xmp.documentType == nil
            case "DocumentFileName": xmp.documentFileName == nil
            case "Version": xmp.version == nil
            default: xmp.conformanceLevel == nil
            }
        }
        if !missing.isEmpty {
            add("FX-XMP-PROPERTIES-MISSING", .error, "the XMP lacks the Factur-X properties \(missing.joined(separator: ", ")) (namespace urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#): add them", object: object)
        }
        if let namespace = xmp.invoiceNamespace {
            if !xmp.extensionSchemaNamespaces.contains(namespace) {
                add("FX-XMP-EXTENSION-SCHEMA-MISSING", .error, "the XMP uses the namespace \(namespace) but no pdfaExtension:schemas entry declares it: add the Factur-X PDF/A extension schema", object: object)
            } else {
                let undeclared = Self.invoiceProperties.filter { !xmp.extensionPropertyNames.contains($0) }
                if !undeclared.isEmpty {
                    add("FX-XMP-EXTENSION-SCHEMA-INCOMPLETE", .error, "the Factur-X extension schema does not declare the properties \(undeclared.joined(separator: ", ")): add them to its pdfaSchema:property sequence", object: object)
                }
            }
        }
        if let type = xmp.documentType, !["INVOICE", "ORDER", "ORDER_RESPONSE", "ORDER_CHANGE"].contains(type) {
            add("FX-XMP-DOCUMENTTYPE", .error, "the XMP DocumentType is '\(type)'; write INVOICE", object: object)
        }
        guard let invoice else { return }
        if let name = xmp.documentFileName, name != invoice.fileName {
            add("FX-XMP-FILENAME-MISMATCH", .error, "the XMP DocumentFileName is '\(name)' but the embedded invoice is '\(invoice.fileName)': make them the same", object: object)
        }
        if let level = xmp.conformanceLevel, let expected = xmlProfile?.conformanceLevel {
            let accepted = [expected] + (xmlProfile?.alsoAccepted ?? [])
            if !accepted.contains(where: { EmbeddedInvoiceProfile.sameLevel(level, $0) }) {
                add("FX-XMP-PROFILE-MISMATCH", .error, "the XMP ConformanceLevel is '\(level)' but the XML's guideline id (BT-24) '\(xmlProfile?.guidelineID ?? "")' is the \(expected) profile: make them agree", object: object)
            } else if !accepted.contains(level) {
                add("FX-XMP-PROFILE-SPELLING", .warning, "the XMP ConformanceLevel '\(level)' should be written '\(expected)'", object: object)
            }
        }
    }
}
