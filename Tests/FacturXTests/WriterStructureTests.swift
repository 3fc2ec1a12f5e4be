import EInvoice
import EInvoiceSyntax
@testable import FacturX
import Foundation
import Testing

@Suite("Factur-X file structure", .enabled(if: TestResources.available))
struct WriterStructureTests {
    let writer: FacturXWriter

    init() throws {
        writer = try TestResources.writer()
    }

    @Test func headerTrailerAndCrossReferenceStream() throws {
        let pdf = WrittenPDF(bytes: writer.create(invoice: SampleInvoice.make(lineCount: 3)))
        #expect(pdf.bytes.starts(with: Array("%PDF-1.7\n%".utf8)))
        #expect(pdf.bytes[10...13].allSatisfy { $0 > 127 })
        #expect(pdf.text.hasSuffix("%%EOF\n"))
        let xref = try #require(pdf.streams.first { $0.dictionary.contains("/Type /XRef") })
        #expect(xref.dictionary.contains("/ID [<"))
        #expect(xref.dictionary.contains("/Root "))
        #expect(!pdf.text.contains("/Encrypt"))
        #expect(!pdf.text.contains("\ntrailer"))
        // The startxref offset points at the cross-reference stream object.
        let offsetText = try #require(pdf.text.components(separatedBy: "startxref\n").last?.prefix { $0.isNumber })
        let offset = try #require(Int(offsetText))
        #expect(String(decoding: pdf.bytes[offset..<offset + 40], as: UTF8.self).contains("obj\n<</Type /XRef"))
    }

    @Test(arguments: FacturXProfile.allCases)
    func attachmentAndMetadataFollowTheProfile(profile: FacturXProfile) throws {
        let invoice = SampleInvoice.make(lineCount: 2)
        let pdf = WrittenPDF(bytes: writer.create(invoice: invoice, profile: profile))
        let objects = pdf.objectStreamText
        let relationship = profile == .minimum || profile == .basicWL ? "/AFRelationship /Data" : "/AFRelationship /Alternative"
        #expect(objects.contains(relationship))
        #expect(objects.contains("/F (factur-x.xml) /UF (factur-x.xml)"))
        #expect(objects.contains("/AF ["))
        #expect(objects.contains("/EmbeddedFiles << /Names [(factur-x.xml) "))
        #expect(objects.contains("/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1"))

        let xml = CIIWriter().output(invoice, profile: profile).bytes
        let embedded = try #require(pdf.streams.first { $0.dictionary.contains("/Type /EmbeddedFile") })
        #expect(embedded.data == xml)
        #expect(embedded.dictionary.contains("/Subtype /text#2Fxml"))
        #expect(embedded.dictionary.contains("/Size \(xml.count)"))
        #expect(embedded.dictionary.contains("/CheckSum <" + MD5.digest(xml).map { hex($0) }.joined() + ">"))
        #expect(embedded.dictionary.contains("/ModDate (D:"))

        let xmp = String(decoding: try #require(pdf.stream(containing: "/Type /Metadata")), as: UTF8.self)
        #expect(xmp.contains("<pdfaid:part>3</pdfaid:part>"))
        #expect(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"))
        #expect(xmp.contains("<fx:ConformanceLevel>\(profile.rawValue)</fx:ConformanceLevel>"))
        #expect(xmp.contains("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>"))
        #expect(xmp.contains("<fx:DocumentType>INVOICE</fx:DocumentType>"))
        #expect(xmp.contains("<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>"))
    }

    @Test func infoDictionaryAndXMPSayTheSame() throws {
        let pdf = WrittenPDF(bytes: writer.create(invoice: SampleInvoice.make(lineCount: 1, number: "F-1")))
        let objects = pdf.objectStreamText
        let xmp = String(decoding: try #require(pdf.stream(containing: "/Type /Metadata")), as: UTF8.self)
        #expect(objects.contains("/Title (Facture F-1)"))
        #expect(xmp.contains("<rdf:li xml:lang=\"x-default\">Facture F-1</rdf:li>"))
        #expect(objects.contains("/CreationDate (D:20260921141320+00'00')"))
        #expect(xmp.contains("<xmp:CreateDate>2026-09-21T14:13:20+00:00</xmp:CreateDate>"))
        #expect(objects.contains("/Author (Atelier Passerelle SAS)"))
        #expect(xmp.contains("<rdf:Seq><rdf:li>Atelier Passerelle SAS</rdf:li></rdf:Seq>"))
    }

    @Test func nothingPDFAForbids() {
        let text = WrittenPDF(bytes: writer.create(invoice: SampleInvoice.make(lineCount: 5))).objectStreamText
        for forbidden in ["/JavaScript", "/JS ", "/SMask", "/CA ", "/ca ", "/Encrypt", "/Launch", "/Interpolate true"] {
            #expect(!text.contains(forbidden), "\(forbidden) found")
        }
        #expect(text.contains("/CIDToGIDMap /Identity"))
        #expect(text.contains("/Subtype /CIDFontType2"))
        #expect(text.contains("/ToUnicode "))
    }

    @Test func theXMLIsEmbeddedByteForByteAndItsProfileDecides() throws {
        let invoice = SampleInvoice.make(lineCount: 2)
        var xml = CIIWriter().output(invoice, profile: .basic).bytes
        xml += Array("\n<!-- kept as given -->\n".utf8)
        let pdf = WrittenPDF(bytes: try writer.create(xml: xml))
        let embedded = try #require(pdf.streams.first { $0.dictionary.contains("/Type /EmbeddedFile") })
        #expect(embedded.data == xml)
        let xmp = String(decoding: try #require(pdf.stream(containing: "/Type /Metadata")), as: UTF8.self)
        #expect(xmp.contains("<fx:ConformanceLevel>BASIC</fx:ConformanceLevel>"))

        #expect(throws: FacturXError.profileMismatch(requested: "EXTENDED", declared: "BASIC")) {
            _ = try writer.create(xml: xml, profile: .extended)
        }
    }

    @Test func ublAndBrokenXMLAreRefusedWithReasons() {
        let ubl = UBLWriter().write(SampleInvoice.make(lineCount: 1))
        #expect(throws: FacturXError.notCII(syntax: "UBL")) { _ = try writer.create(xml: ubl) }
        do {
            _ = try writer.create(xml: Array("<rsm:CrossIndustryInvoice".utf8))
            Issue.record("broken XML accepted")
        } catch {
            guard case .unreadableXML = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
    }

    @Test func aFixedDateGivesTheSameBytes() {
        let invoice = SampleInvoice.make(lineCount: 4)
        #expect(writer.create(invoice: invoice) == writer.create(invoice: invoice))
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
