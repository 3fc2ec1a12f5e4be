/// The XMP packet written when attaching an invoice to an existing PDF: PDF/A-3b identification, the
/// Factur-X properties and their extension schema, and the document information already in `/Info`
/// (PDF/A requires the two to agree).
struct AttachmentXMP {
    var conformanceLevel: String
    var documentFileName: String
    var documentType = "INVOICE"
    var version = "1.0"
    var title: String?
    var author: String?
    var subject: String?
    var keywords: String?
    var creatorTool: String?
    var producer: String?
    /// ISO 8601 dates (`2026-11-29T10:00:00Z`).
    var createDate: String?
    var modifyDate: String

    func packet() -> [UInt8] {
        var rdf = description(namespaces: "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"",
                              body: "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>")
        var dublinCore = ""
        if let title { dublinCore += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(title))</rdf:li></rdf:Alt></dc:title>" }
        if let author { dublinCore += "<dc:creator><rdf:Seq><rdf:li>\(escape(author))</rdf:li></rdf:Seq></dc:creator>" }
        if let subject { dublinCore += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(subject))</rdf:li></rdf:Alt></dc:description>" }
        if !dublinCore.isEmpty { rdf += description(namespaces: "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"", body: dublinCore) }
        var basic = "<xmp:ModifyDate>\(modifyDate)</xmp:ModifyDate><xmp:MetadataDate>\(modifyDate)</xmp:MetadataDate>"
        if let createDate { basic += "<xmp:CreateDate>\(createDate)</xmp:CreateDate>" }
        if let creatorTool { basic += "<xmp:CreatorTool>\(escape(creatorTool))</xmp:CreatorTool>" }
        rdf += description(namespaces: "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"", body: basic)
        var pdf = ""
        if let producer { pdf += "<pdf:Producer>\(escape(producer))</pdf:Producer>" }
        if let keywords { pdf += "<pdf:Keywords>\(escape(keywords))</pdf:Keywords>" }
        if !pdf.isEmpty { rdf += description(namespaces: "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"", body: pdf) }
        rdf += description(namespaces: "xmlns:fx=\"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#\"", body: """
            <fx:DocumentType>\(escape(documentType))</fx:DocumentType><fx:DocumentFileName>\(escape(documentFileName))</fx:DocumentFileName>\
            <fx:Version>\(escape(version))</fx:Version><fx:ConformanceLevel>\(escape(conformanceLevel))</fx:ConformanceLevel>
            """)
        rdf += description(namespaces: """
            xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" \
            xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"
            """, body: extensionSchema)
        let text = "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
            + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\(rdf)</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>"
        return Array(text.utf8)
    }

    private func description(namespaces: String, body: String) -> String {
        "<rdf:Description rdf:about=\"\" \(namespaces)>\(body)</rdf:Description>"
    }

    private var extensionSchema: String {
        let properties = [
            ("DocumentFileName", "The name of the embedded XML document"),
            ("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER"),
            ("Version", "The actual version of the standard applying to the embedded XML document"),
            ("ConformanceLevel", "The conformance level of the embedded XML document"),
        ].map { name, text in
            "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>\(name)</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>"
                + "<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>\(text)</pdfaProperty:description></rdf:li>"
        }.joined()
        return "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\"><pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>"
            + "<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI><pdfaSchema:prefix>fx</pdfaSchema:prefix>"
            + "<pdfaSchema:property><rdf:Seq>\(properties)</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>"
    }

    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
