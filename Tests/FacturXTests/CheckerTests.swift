import FacturX
import Testing

/// The structural checker on handcrafted files: each finding fires on the defect it names, at its object.
@Suite("PDF/A-3 and Factur-X checker")
struct CheckerTests {
    /// A complete, valid-looking Factur-X file: output intent, /ID, one embedded TrueType font.
    static func compliant() -> PDFTestBuilder {
        var builder = PDFTestBuilder.facturX()
        builder.objects.removeAll { $0.number == 1 || $0.number == 3 || $0.number == 7 }
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> /AF [5 0 R] /Metadata 7 0 R /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile 12 0 R >>] >>")
        builder.add(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 13 0 R >> >> >>")
        builder.addStream(7, dictionary: "<< /Type /Metadata /Subtype /XML >>", data: Array(xmpWithExtension.utf8))
        builder.addStream(12, dictionary: "<< /N 3 >>", data: Array("icc".utf8))
        builder.add(13, "<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+DejaVuSans /FontDescriptor 14 0 R >>")
        builder.add(14, "<< /Type /FontDescriptor /FontName /ABCDEF+DejaVuSans /FontFile2 15 0 R >>")
        builder.addStream(15, dictionary: "<< >>", data: Array("font".utf8))
        return builder
    }

    static let xmpWithExtension = PDFTestBuilder.sampleXMP.replacingOccurrences(of: "</rdf:RDF>", with: """
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" \
        xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"><pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">\
        <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI><pdfaSchema:property><rdf:Seq>\
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentFileName</pdfaProperty:name></rdf:li>\
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentType</pdfaProperty:name></rdf:li>\
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>Version</pdfaProperty:name></rdf:li>\
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>ConformanceLevel</pdfaProperty:name></rdf:li>\
        </rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description></rdf:RDF>
        """)

    static func errors(_ builder: PDFTestBuilder, trailer: String = "/Root 1 0 R /ID [<01> <02>]") -> [PDFFinding] {
        FacturXChecker().check(pdf: builder.classic(trailer: trailer)).findings.filter { $0.severity == .error }
    }

    static func replacing(_ number: Int, with body: String, in builder: PDFTestBuilder) -> PDFTestBuilder {
        var copy = builder
        copy.objects.removeAll { $0.number == number }
        copy.add(number, body)
        return copy
    }

    @Test func compliantFileHasNoError() {
        let report = FacturXChecker().check(pdf: Self.compliant().classic(trailer: "/Root 1 0 R /ID [<01> <02>]"))
        #expect(report.findings.filter { $0.severity == .error } == [])
        #expect(report.xmlProfile == "EN 16931")
        #expect(report.invoice?.fileName == "factur-x.xml")
    }

    @Test func standardFontNotEmbeddedIsFound() {
        let builder = Self.replacing(13, with: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", in: Self.compliant())
        let findings = Self.errors(builder)
        #expect(findings.map(\.id) == ["PDFA-FONT-NOT-EMBEDDED"])
        #expect(findings.first?.objectNumber == 13)
        #expect(findings.first?.message.contains("14 standard fonts") == true)
    }

    @Test func type0DescendantWithoutProgramIsFound() {
        var builder = Self.replacing(13, with: "<< /Type /Font /Subtype /Type0 /BaseFont /Arial /DescendantFonts [16 0 R] >>", in: Self.compliant())
        builder.add(16, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Arial /FontDescriptor 17 0 R >>")
        builder.add(17, "<< /Type /FontDescriptor /FontName /Arial >>")
        let findings = Self.errors(builder)
        #expect(findings.map(\.id) == ["PDFA-FONT-NOT-EMBEDDED"])
        #expect(findings.first?.objectNumber == 16)
    }

    @Test func missingTrailerIDAndEncryptionAreFound() {
        #expect(Self.errors(Self.compliant(), trailer: "/Root 1 0 R").map(\.id) == ["PDFA-TRAILER-ID-MISSING"])
        let encrypted = Self.errors(Self.compliant(), trailer: "/Root 1 0 R /ID [<01> <02>] /Encrypt << /Filter /Standard >>")
        #expect(encrypted.map(\.id) == ["PDFA-ENCRYPTED"])
    }

    @Test func forbiddenFeaturesAreFound() {
        var builder = Self.compliant()
        builder.add(20, "<< /S /JavaScript /JS (app.alert(1)) >>")
        builder.add(21, "<< /Type /Action /S /Launch /F (calc.exe) >>")
        builder.addStream(22, dictionary: "<< /Filter /LZWDecode >>", data: [1, 2, 3])
        builder.add(23, "<< /Type /ExtGState /SMask << /S /Luminosity >> >>")
        let report = FacturXChecker().check(pdf: builder.classic(trailer: "/Root 1 0 R /ID [<01> <02>]"))
        let byID = Dictionary(grouping: report.findings, by: \.id)
        #expect(byID["PDFA-JAVASCRIPT"]?.first?.objectNumber == 20)
        #expect(byID["PDFA-LAUNCH-ACTION"]?.first?.objectNumber == 21)
        #expect(byID["PDFA-LZW"]?.first?.objectNumber == 22)
        #expect(byID["PDFA-TRANSPARENCY"]?.first?.objectNumber == 23)
        #expect(byID["PDFA-TRANSPARENCY"]?.first?.severity == .warning)
    }

    @Test func outputIntentAndXMPProblemsAreFound() {
        var builder = Self.replacing(1, with: "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> /Metadata 7 0 R >>", in: Self.compliant())
        builder.objects.removeAll { $0.number == 7 }
        let wrong = Self.xmpWithExtension.replacingOccurrences(of: "pdfaid:part=\"3\"", with: "pdfaid:part=\"1\"")
            .replacingOccurrences(of: ">EN 16931<", with: ">BASIC<")
        builder.addStream(7, dictionary: "<< /Type /Metadata /Subtype /XML >>", data: Array(wrong.utf8))
        let ids = Set(Self.errors(builder).map(\.id))
        #expect(ids == ["FX-AF-MISSING", "PDFA-XMP-PART", "FX-XMP-PROFILE-MISMATCH"])
        // Without device colours the missing output intent is a warning.
        let report = FacturXChecker().check(pdf: builder.classic(trailer: "/Root 1 0 R /ID [<01> <02>]"))
        #expect(report.findings.contains { $0.id == "PDFA-OUTPUTINTENT-MISSING" && $0.severity == .warning })
    }

    @Test func attachmentProblemsAreFound() {
        var builder = Self.replacing(5, with: "<< /Type /Filespec /F (factur-x.xml) /UF (factur-x.xml) /EF << /F 6 0 R >> >>", in: Self.compliant())
        builder.objects.removeAll { $0.number == 6 }
        builder.addStream(6, dictionary: "<< /Type /EmbeddedFile >>", data: Array(PDFTestBuilder.sampleXML.utf8))
        let ids = Set(Self.errors(builder).map(\.id))
        #expect(ids == ["FX-AFRELATIONSHIP-MISSING", "PDFA-EMBEDDED-FILE-MIMETYPE-MISSING", "PDFA-EMBEDDED-FILE-MODDATE-MISSING"])
    }

    @Test func unreadablePDFIsOneFinding() {
        let report = FacturXChecker().check(pdf: Array("%PDF-1.7\nnothing here".utf8))
        #expect(report.findings.map(\.id) == ["PDF-XREF"])
        #expect(report.invoice == nil)
    }
}
