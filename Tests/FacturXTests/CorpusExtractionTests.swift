@testable import FacturX
import EInvoiceSyntax
import Foundation
import Testing

/// Every PDF of ZUGFeRDv2/correct gives its invoice XML; every corpus PDF is read or refused without a crash.
@Suite("Corpus PDFs")
struct CorpusExtractionTests {
    @Test func everyCorrectPDFGivesItsInvoiceXML() throws {
        let files = try PDFCorpus.pdfs(under: "zugferd/ZUGFeRDv2/correct")
        #expect(files.count == 52)
        for url in files {
            let extracted: ExtractedInvoice
            do {
                extracted = try FacturXReader.extract(pdf: try PDFCorpus.bytes(url))
            } catch {
                Issue.record("\(url.lastPathComponent): \(error)")
                continue
            }
            #expect(extracted.rootElement == "CrossIndustryInvoice", "\(url.lastPathComponent)")
            #expect(["factur-x.xml", "zugferd-invoice.xml"].contains(extracted.fileName), "\(url.lastPathComponent)")
            #expect(extracted.xml.count > 1000, "\(url.lastPathComponent)")
            #expect(extracted.declaredProfile != nil, "\(url.lastPathComponent): no XMP ConformanceLevel")
            #expect(extracted.repairs.isEmpty, "\(url.lastPathComponent): \(extracted.repairs)")
            // BT-24 read without parsing equals the parsed tree's, and the XMP names the same profile.
            let tree = try SafeXMLParser().parse(extracted.xml)
            #expect(extracted.guidelineID == EmbeddedInvoiceProfile.declared(in: tree)?.guidelineID, "\(url.lastPathComponent)")
            #expect(extracted.profilesAgree == true, "\(url.lastPathComponent): XMP \(extracted.declaredProfile ?? "-") XML \(extracted.xmlProfile ?? "-")")
        }
    }

    @Test func quickXMPScanAgreesWithTheFullParse() throws {
        for url in try PDFCorpus.pdfs(under: "zugferd/ZUGFeRDv2") {
            var document = try PDFDocument(bytes: try PDFCorpus.bytes(url))
            guard let metadata = try document.value("Metadata", in: try document.catalog().dictionary)?.stream else { continue }
            let packet = try document.decodedData(of: metadata)
            let quick = XMPScanner.scan(packet)
            var full = try XMPMetadata.parse(packet)
            full.extensionSchemaNamespaces = []
            full.extensionPropertyNames = []
            #expect(quick == full, "\(url.lastPathComponent)")
        }
    }

    @Test func standardsAreNamedFromFileNameAndRoot() throws {
        guard let root = PDFCorpus.root else { throw PDFCorpus.CorpusMissing() }
        let zugferd2 = try FacturXReader.extract(pdf: try PDFCorpus.bytes(root.appendingPathComponent("zugferd/ZUGFeRDv2/correct/intarsys/MINIMUM/zugferd_2p0_MINIMUM.pdf")))
        #expect(zugferd2.standard == .zugferd2)
        #expect(zugferd2.relationship == "Alternative")
        #expect(zugferd2.xmp?.invoiceNamespace == "urn:zugferd:pdfa:CrossIndustryDocument:invoice:2p0#")
        // A file that carries both a ZUGFeRD 1 and a Factur-X XML: the Factur-X one is preferred.
        let both = try FacturXReader.extract(pdf: try PDFCorpus.bytes(root.appendingPathComponent("zugferd/ZUGFeRDv2/fail/MustangRE-20171118_506_ZUGFeRD1and2.pdf")))
        #expect(both.fileName == "factur-x.xml")
        #expect(both.attachmentNames == ["ZUGFeRD-invoice.xml", "factur-x.xml"])
        // Xref streams, object streams and incremental updates (three %%EOF).
        let elektron = try FacturXReader.extract(pdf: try PDFCorpus.bytes(root.appendingPathComponent("zugferd/ZUGFeRDv2/correct/symtrax/Beispiele/EN16931/zugferd_2p1_EN16931_Elektron.pdf")))
        #expect(elektron.attachmentNames.sorted() == ["Aufmass.png", "ElektronRapport.pdf", "factur-x.xml"])
        #expect(elektron.declaredProfile == "EN 16931")
    }

    @Test func everyCorpusPDFIsReadOrRefusedAndChecked() throws {
        let files = try PDFCorpus.pdfs(under: "")
        #expect(files.count >= 72)
        var extracted = 0
        for url in files {
            let bytes = try PDFCorpus.bytes(url)
            if (try? FacturXReader.extract(pdf: bytes)) != nil { extracted += 1 }
            let report = FacturXChecker().check(pdf: bytes)
            #expect(report.invoice != nil, "\(url.lastPathComponent): the checker found no invoice")
        }
        #expect(extracted == files.count)
    }
}
