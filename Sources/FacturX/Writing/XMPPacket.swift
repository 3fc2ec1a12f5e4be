import EInvoiceSyntax

/// The document's XMP packet: PDF/A-3B identification, Dublin Core and XMP basic properties that repeat the
/// Info dictionary word for word, and the Factur-X extension schema with its four properties
/// (Factur-X 1.07, section "PDF/A-3 XMP metadata"). Written uncompressed so that any tool can read it.
struct XMPPacket: Sendable {
    var title: String
    var author: String
    var subject: String
    var creatorTool: String
    var producer: String
    var date: PDFDate
    var conformanceLevel: String

    static let facturXNamespace = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"

    /// The packet's bytes, written piece by piece (string interpolation of the whole packet cost more than
    /// compressing the page).
    func packet() -> [UInt8] {
        var out = PDFWriteBuffer(capacity: 4096)
        out.append("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
        out.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
        out.append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
        out.append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n")
        out.append("<pdfaid:part>3</pdfaid:part>\n")
        out.append("<pdfaid:conformance>B</pdfaid:conformance>\n")
        out.append("</rdf:Description>\n")
        out.append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
        out.append("<dc:format>application/pdf</dc:format>\n")
        out.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">")
        escape(title, into: &out)
        out.append("</rdf:li></rdf:Alt></dc:title>\n")
        out.append("<dc:creator><rdf:Seq><rdf:li>")
        escape(author, into: &out)
        out.append("</rdf:li></rdf:Seq></dc:creator>\n")
        out.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">")
        escape(subject, into: &out)
        out.append("</rdf:li></rdf:Alt></dc:description>\n")
        out.append("</rdf:Description>\n")
        out.append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
        out.append("<pdf:Producer>")
        escape(producer, into: &out)
        out.append("</pdf:Producer>\n")
        out.append("</rdf:Description>\n")
        out.append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n")
        out.append("<xmp:CreatorTool>")
        escape(creatorTool, into: &out)
        out.append("</xmp:CreatorTool>\n")
        let date = Array(self.date.xmpText.utf8)
        out.append("<xmp:CreateDate>")
        out.append(raw: date)
        out.append("</xmp:CreateDate>\n")
        out.append("<xmp:ModifyDate>")
        out.append(raw: date)
        out.append("</xmp:ModifyDate>\n")
        out.append("<xmp:MetadataDate>")
        out.append(raw: date)
        out.append("</xmp:MetadataDate>\n")
        out.append("</rdf:Description>\n")
        out.append(raw: Self.extensionSchemaBytes)
        out.append("<rdf:Description rdf:about=\"\" xmlns:fx=\"")
        out.append(string: Self.facturXNamespace)
        out.append("\">\n")
        out.append("<fx:DocumentType>INVOICE</fx:DocumentType>\n")
        out.append("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>\n")
        out.append("<fx:Version>1.0</fx:Version>\n")
        out.append("<fx:ConformanceLevel>")
        escape(conformanceLevel, into: &out)
        out.append("</fx:ConformanceLevel>\n")
        out.append("</rdf:Description>\n")
        out.append("</rdf:RDF>\n")
        out.append("</x:xmpmeta>\n")
        out.append("<?xpacket end=\"w\"?>")
        return out.bytes
    }

    private static let extensionSchemaBytes = Array(extensionSchema.utf8)

    /// PDF/A requires a description of every schema that is not predefined: here, Factur-X's.
    private static let extensionSchema: String = {
        let properties: [(String, String)] = [
            ("DocumentFileName", "The name of the embedded XML document"),
            ("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER"),
            ("Version", "The actual version of the standard applying to the embedded XML document"),
            ("ConformanceLevel", "The conformance level of the embedded XML document"),
        ]
        var text = """
            <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
            xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas>
            <rdf:Bag>
            <rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>\(facturXNamespace)</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>fx</pdfaSchema:prefix>
            <pdfaSchema:property>
            <rdf:Seq>

            """
        for (name, description) in properties {
            text += """
                <rdf:li rdf:parseType="Resource">
                <pdfaProperty:name>\(name)</pdfaProperty:name>
                <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                <pdfaProperty:category>external</pdfaProperty:category>
                <pdfaProperty:description>\(description)</pdfaProperty:description>
                </rdf:li>

                """
        }
        text += """
            </rdf:Seq>
            </pdfaSchema:property>
            </rdf:li>
            </rdf:Bag>
            </pdfaExtension:schemas>
            </rdf:Description>

            """
        return text
    }()

    /// XML text: `&`, `<`, `>` and `"` as entities; control characters (which XML 1.0 forbids, and which carry
    /// nothing in a title anyway) as spaces.
    private func escape(_ value: String, into out: inout PDFWriteBuffer) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append("&amp;")
            case UInt8(ascii: "<"): out.append("&lt;")
            case UInt8(ascii: ">"): out.append("&gt;")
            case UInt8(ascii: "\""): out.append("&quot;")
            case 0..<0x20: out.append(byte: UInt8(ascii: " "))
            default: out.append(byte: byte)
            }
        }
    }
}

extension FacturXProfile {
    /// The `fx:ConformanceLevel` value for the profile.
    var xmpConformanceLevel: String { rawValue }

    /// `/AFRelationship` of `factur-x.xml`: Data for MINIMUM and BASIC WL (the PDF is the invoice),
    /// Alternative for the others (the XML is an equivalent of the PDF).
    var attachmentRelationship: StaticString {
        self == .minimum || self == .basicWL ? "Data" : "Alternative"
    }
}
