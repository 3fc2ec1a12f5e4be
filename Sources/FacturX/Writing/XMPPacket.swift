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

    func packet() -> [UInt8] {
        var text = """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
            <pdfaid:part>3</pdfaid:part>
            <pdfaid:conformance>B</pdfaid:conformance>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(escape(title))</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>\(escape(author))</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">\(escape(subject))</rdf:li></rdf:Alt></dc:description>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>\(escape(producer))</pdf:Producer>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreatorTool>\(escape(creatorTool))</xmp:CreatorTool>
            <xmp:CreateDate>\(date.xmpText)</xmp:CreateDate>
            <xmp:ModifyDate>\(date.xmpText)</xmp:ModifyDate>
            <xmp:MetadataDate>\(date.xmpText)</xmp:MetadataDate>
            </rdf:Description>

            """
        text += Self.extensionSchema
        text += """
            <rdf:Description rdf:about="" xmlns:fx="\(Self.facturXNamespace)">
            <fx:DocumentType>INVOICE</fx:DocumentType>
            <fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>
            <fx:Version>1.0</fx:Version>
            <fx:ConformanceLevel>\(escape(conformanceLevel))</fx:ConformanceLevel>
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
        return Array(text.utf8)
    }

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

    private func escape(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default:
                // XML 1.0 forbids most control characters; they carry nothing in a title anyway.
                if scalar.value < 0x20 { result += " " } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
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
