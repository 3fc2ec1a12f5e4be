@testable import FacturX
import Testing

/// The reader on handcrafted files: each cross-reference form, incremental updates, and repairs.
@Suite("PDF reader structures")
struct ReaderStructureTests {
    @Test func classicTableExtractsTheXML() throws {
        let pdf = PDFTestBuilder.facturX().classic(trailer: "/Root 1 0 R /ID [<01> <01>]")
        let extracted = try FacturXReader.extract(pdf: pdf)
        #expect(String(decoding: extracted.xml, as: UTF8.self) == PDFTestBuilder.sampleXML)
        #expect(extracted.fileName == "factur-x.xml")
        #expect(extracted.standard == .facturX)
        #expect(extracted.relationship == "Alternative")
        #expect(extracted.mimeType == "text/xml")
        #expect(extracted.declaredProfile == "EN 16931")
        #expect(extracted.xmp?.pdfaPart == "3")
        #expect(extracted.repairs.isEmpty)
        #expect(extracted.xmlProfile == "EN 16931")
        #expect(extracted.profilesAgree == true)
    }

    @Test func xmpAndXMLProfileMismatchIsFlagged() throws {
        let minimum = PDFTestBuilder.sampleXML.replacingOccurrences(of: "urn:cen.eu:en16931:2017", with: "urn:factur-x.eu:1p0:minimum")
        let extracted = try FacturXReader.extract(pdf: PDFTestBuilder.facturX(xml: minimum).classic(trailer: "/Root 1 0 R"))
        #expect(extracted.guidelineID == "urn:factur-x.eu:1p0:minimum")
        #expect(extracted.xmlProfile == "MINIMUM")
        #expect(extracted.declaredProfile == "EN 16931")
        #expect(extracted.profilesAgree == false)
    }

    @Test func xrefStreamAndObjectStreamExtractTheXML() throws {
        let builder = PDFTestBuilder.facturX()
        let pdf = builder.withObjectStream(compressed: [1, 2, 3, 4, 5], streamNumber: 8, xrefNumber: 9, trailer: "/Root 1 0 R")
        var document = try PDFDocument(bytes: pdf)
        #expect(!document.isReconstructed)
        let extracted = try FacturXReader.extract(from: &document)
        #expect(String(decoding: extracted.xml, as: UTF8.self) == PDFTestBuilder.sampleXML)
        #expect(document.repairs.isEmpty)
    }

    /// A hybrid file: the classic table lists objects 6 and 7 only; the others are reached through /XRefStm.
    @Test func hybridFileReadsCompressedObjectsThroughXRefStm() throws {
        let streamed = PDFTestBuilder.facturX().withObjectStream(compressed: [1, 2, 3, 4, 5], streamNumber: 8, xrefNumber: 9, trailer: "/Root 1 0 R")
        let xrefStreamOffset = try PDFXrefReader(bytes: streamed, limits: PDFLimits()).startxrefOffset()
        func offset(of header: String) -> Int? {
            streamed.indices.first { streamed[$0...].starts(with: Array(header.utf8)) }
        }
        let six = try #require(offset(of: "6 0 obj"))
        let seven = try #require(offset(of: "7 0 obj"))
        func entry(_ value: Int) -> String { String(repeating: "0", count: 10 - String(value).count) + "\(value) 00000 n \n" }
        var hybrid = streamed
        let tableOffset = hybrid.count
        hybrid += Array("xref\n0 1\n0000000000 65535 f \n6 2\n\(entry(six))\(entry(seven))trailer\n<< /Size 10 /Root 1 0 R /XRefStm \(xrefStreamOffset) >>\nstartxref\n\(tableOffset)\n%%EOF\n".utf8)
        var document = try PDFDocument(bytes: hybrid)
        #expect(!document.isReconstructed)
        let extracted = try FacturXReader.extract(from: &document)
        #expect(String(decoding: extracted.xml, as: UTF8.self) == PDFTestBuilder.sampleXML)
        #expect(document.repairs.isEmpty, "\(document.repairs)")
    }

    @Test func incrementalUpdateReplacesTheAttachment() throws {
        var builder = PDFTestBuilder.facturX()
        let original = builder.classic(trailer: "/Root 1 0 R")
        let firstXref = try PDFXrefReader(bytes: original, limits: PDFLimits()).startxrefOffset()
        // Append an update that rewrites object 6 with another XML.
        let newXML = PDFTestBuilder.sampleXML.replacingOccurrences(of: "en16931:2017", with: "en16931:2017#updated")
        builder.objects = []
        builder.addStream(6, dictionary: "<< /Type /EmbeddedFile /Subtype /text#2Fxml >>", data: Array(newXML.utf8))
        var update = original
        let objectOffset = update.count
        update += Array("6 0 obj\n".utf8) + builder.objects[0].body + Array("\nendobj\n".utf8)
        let xrefOffset = update.count
        let entry = String(repeating: "0", count: 10 - String(objectOffset).count) + "\(objectOffset) 00000 n \n"
        update += Array("xref\n6 1\n\(entry)trailer\n<< /Size 8 /Root 1 0 R /Prev \(firstXref) >>\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        let extracted = try FacturXReader.extract(pdf: update)
        #expect(String(decoding: extracted.xml, as: UTF8.self) == newXML)
        #expect(extracted.declaredProfile == "EN 16931", "objects not in the update come from the older section")
    }

    @Test func wrongLengthIsRecoveredAndReported() throws {
        var builder = PDFTestBuilder.facturX()
        builder.objects.removeAll { $0.number == 6 }
        builder.addStream(6, dictionary: "<< /Type /EmbeddedFile /Subtype /text#2Fxml >>", data: Array(PDFTestBuilder.sampleXML.utf8), length: "17")
        let extracted = try FacturXReader.extract(pdf: builder.classic(trailer: "/Root 1 0 R"))
        #expect(String(decoding: extracted.xml, as: UTF8.self) == PDFTestBuilder.sampleXML)
        #expect(extracted.repairs.contains { $0.kind == .streamLength && $0.objectNumber == 6 })
    }

    @Test func indirectLengthIsResolved() throws {
        var builder = PDFTestBuilder.facturX()
        builder.objects.removeAll { $0.number == 6 }
        let data = Array(PDFTestBuilder.sampleXML.utf8)
        builder.addStream(6, dictionary: "<< /Type /EmbeddedFile >>", data: data, length: "10 0 R")
        builder.add(10, "\(data.count)")
        let extracted = try FacturXReader.extract(pdf: builder.classic(trailer: "/Root 1 0 R"))
        #expect(extracted.xml == data)
        #expect(extracted.repairs.isEmpty)
    }

    @Test func brokenXrefIsRebuiltByScanning() throws {
        let pdf = PDFTestBuilder.facturX().classic(trailer: "/Root 1 0 R", startxrefOverride: 12)
        var document = try PDFDocument(bytes: pdf)
        #expect(document.isReconstructed)
        #expect(document.repairs.contains { $0.kind == .xrefRebuilt })
        let extracted = try FacturXReader.extract(from: &document)
        #expect(String(decoding: extracted.xml, as: UTF8.self) == PDFTestBuilder.sampleXML)
    }

    @Test func shiftedOffsetsAreFoundByScanning() throws {
        let builder = PDFTestBuilder.facturX()
        let xrefOffset = try PDFXrefReader(bytes: builder.classic(trailer: "/Root 1 0 R"), limits: PDFLimits()).startxrefOffset()
        var pdf = builder.classic(trailer: "/Root 1 0 R", startxrefOverride: xrefOffset + 7)
        // Insert junk after the header: startxref is right, every xref entry is now 7 bytes early.
        pdf.insert(contentsOf: Array("%junk!\n".utf8), at: builder.header.count)
        let extracted = try FacturXReader.extract(pdf: pdf)
        #expect(String(decoding: extracted.xml, as: UTF8.self) == PDFTestBuilder.sampleXML)
        #expect(extracted.repairs.contains { $0.kind == .xrefEntry })
        #expect(!extracted.repairs.contains { $0.kind == .xrefRebuilt })
    }

    @Test func missingAttachmentIsAPreciseError() throws {
        var builder = PDFTestBuilder()
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        builder.add(2, "<< /Type /Pages /Kids [] /Count 0 >>")
        #expect(throws: PDFError.self) { try FacturXReader.extract(pdf: builder.classic(trailer: "/Root 1 0 R")) }
        do {
            _ = try FacturXReader.extract(pdf: builder.classic(trailer: "/Root 1 0 R"))
        } catch {
            #expect(error.code == .noInvoice)
            #expect(error.description.contains("no embedded files"))
        }
    }

    @Test func encryptedDocumentIsRefused() throws {
        let pdf = PDFTestBuilder.facturX().classic(trailer: "/Root 1 0 R /Encrypt << /Filter /Standard >>")
        do {
            _ = try FacturXReader.extract(pdf: pdf)
            Issue.record("an encrypted document was read")
        } catch {
            #expect(error.code == .encrypted)
        }
    }
}
