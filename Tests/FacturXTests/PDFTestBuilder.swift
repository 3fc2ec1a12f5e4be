import CZlib
@testable import FacturX

/// Builds small PDFs for tests: objects as text (or bytes), written with a classic xref table, an xref
/// stream, or none; offsets computed, so tests can also break them on purpose.
struct PDFTestBuilder {
    var header: [UInt8] = Array("%PDF-1.7\n%\u{e2}\u{e3}\u{cf}\u{d3}\n".utf8)
    /// Object number → body (what goes between `N 0 obj` and `endobj`).
    var objects: [(number: Int, body: [UInt8])] = []

    mutating func add(_ number: Int, _ body: String) {
        objects.append((number, Array(body.utf8)))
    }

    mutating func addStream(_ number: Int, dictionary: String, data: [UInt8], length: String? = nil) {
        var body = Array("\(dictionary.dropLast(2)) /Length \(length ?? String(data.count)) >>\nstream\n".utf8)
        body += data
        body += Array("\nendstream".utf8)
        objects.append((number, body))
    }

    /// The file with a classic xref table and a trailer holding `trailer` entries (plus /Size).
    func classic(trailer: String, startxrefOverride: Int? = nil) -> [UInt8] {
        var file = header
        var offsets: [Int: Int] = [:]
        for object in objects {
            offsets[object.number] = file.count
            file += Array("\(object.number) 0 obj\n".utf8) + object.body + Array("\nendobj\n".utf8)
        }
        let size = (offsets.keys.max() ?? 0) + 1
        let xrefOffset = file.count
        file += Array("xref\n0 \(size)\n0000000000 65535 f \n".utf8)
        for number in 1..<max(size, 1) {
            if let offset = offsets[number] {
                file += Array((String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n").utf8)
            } else {
                file += Array("0000000000 65535 f \n".utf8)
            }
        }
        file += Array("trailer\n<< /Size \(size) \(trailer) >>\nstartxref\n\(startxrefOverride ?? xrefOffset)\n%%EOF\n".utf8)
        return file
    }

    /// The file with objects `compressed` inside one object stream (number `streamNumber`) and a
    /// cross-reference stream (number `xrefNumber`) using the PNG Up predictor.
    func withObjectStream(compressed: Set<Int>, streamNumber: Int, xrefNumber: Int, trailer: String) -> [UInt8] {
        var file = header
        var entries: [Int: (type: Int, field2: Int, field3: Int)] = [:]
        var members: [(Int, [UInt8])] = []
        for object in objects {
            if compressed.contains(object.number) {
                members.append((object.number, object.body))
                continue
            }
            entries[object.number] = (1, file.count, 0)
            file += Array("\(object.number) 0 obj\n".utf8) + object.body + Array("\nendobj\n".utf8)
        }
        var headerText = ""
        var bodies: [UInt8] = []
        for (index, member) in members.enumerated() {
            headerText += "\(member.0) \(bodies.count) "
            bodies += member.1 + [0x20]
            entries[member.0] = (2, streamNumber, index)
        }
        let content = Array(headerText.utf8) + bodies
        let compressedContent = Self.deflate(content)
        entries[streamNumber] = (1, file.count, 0)
        file += Array("\(streamNumber) 0 obj\n<< /Type /ObjStm /N \(members.count) /First \(headerText.utf8.count) /Filter /FlateDecode /Length \(compressedContent.count) >>\nstream\n".utf8)
        file += compressedContent + Array("\nendstream\nendobj\n".utf8)
        let xrefOffset = file.count
        entries[xrefNumber] = (1, xrefOffset, 0)
        let size = (entries.keys.max() ?? 0) + 1
        // Rows of widths [1 4 2], PNG Up predictor: each row prefixed by filter type 2.
        var rows: [UInt8] = []
        var previous = [UInt8](repeating: 0, count: 7)
        for number in 0..<size {
            let entry = entries[number] ?? (0, 0, 65535)
            let row: [UInt8] = [UInt8(entry.type), UInt8(entry.field2 >> 24 & 0xFF), UInt8(entry.field2 >> 16 & 0xFF), UInt8(entry.field2 >> 8 & 0xFF),
                                UInt8(entry.field2 & 0xFF), UInt8(entry.field3 >> 8 & 0xFF), UInt8(entry.field3 & 0xFF)]
            rows.append(2)
            for index in 0..<7 { rows.append(row[index] &- previous[index]) }
            previous = row
        }
        let xrefData = Self.deflate(rows)
        file += Array("\(xrefNumber) 0 obj\n<< /Type /XRef /Size \(size) /W [1 4 2] /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> /Length \(xrefData.count) \(trailer) >>\nstream\n".utf8)
        file += xrefData + Array("\nendstream\nendobj\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return file
    }

    static func deflate(_ data: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { out in
            data.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &length, input.baseAddress, uLong(data.count), 9)
            }
        }
        precondition(status == Z_OK, "zlib compress2 failed in a test helper")
        return Array(output[0..<Int(length)])
    }

    /// A Factur-X-shaped document: catalog with /Names /EmbeddedFiles and /AF, one page, XMP.
    static func facturX(xml: String = sampleXML, relationship: String = "Alternative") -> PDFTestBuilder {
        var builder = PDFTestBuilder()
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> /AF [5 0 R] /Metadata 7 0 R >>")
        builder.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        builder.add(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
        builder.add(4, "<< /Names [(factur-x.xml) 5 0 R] >>")
        builder.add(5, "<< /Type /Filespec /F (factur-x.xml) /UF (factur-x.xml) /AFRelationship /\(relationship) /EF << /F 6 0 R /UF 6 0 R >> >>")
        builder.addStream(6, dictionary: "<< /Type /EmbeddedFile /Subtype /text#2Fxml /Params << /ModDate (D:20260101000000Z) >> /Filter /FlateDecode >>",
                          data: deflate(Array(xml.utf8)))
        builder.addStream(7, dictionary: "<< /Type /Metadata /Subtype /XML >>", data: Array(sampleXMP.utf8))
        return builder
    }

    static let sampleXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" \
        xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">\
        <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID>\
        </ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext></rsm:CrossIndustryInvoice>
        """

    static let sampleXMP = """
        <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\
        <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="3" pdfaid:conformance="B"/>\
        <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"><fx:DocumentType>INVOICE</fx:DocumentType>\
        <fx:DocumentFileName>factur-x.xml</fx:DocumentFileName><fx:Version>1.0</fx:Version><fx:ConformanceLevel>EN 16931</fx:ConformanceLevel></rdf:Description>\
        </rdf:RDF></x:xmpmeta><?xpacket end="w"?>
        """
}
