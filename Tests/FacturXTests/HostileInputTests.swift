@testable import FacturX
import Testing

/// Decompression bombs, cycles and deep nesting are refused with a precise error, never a crash or hang.
@Suite("Hostile PDFs", .timeLimit(.minutes(1)))
struct HostileInputTests {
    @Test func decompressionBombIsRefusedByTheAbsoluteLimit() throws {
        var builder = PDFTestBuilder.facturX()
        builder.objects.removeAll { $0.number == 6 }
        let zeros = [UInt8](repeating: 0x20, count: 8 << 20)
        builder.addStream(6, dictionary: "<< /Type /EmbeddedFile /Filter /FlateDecode >>", data: PDFTestBuilder.deflate(zeros))
        var limits = PDFLimits()
        limits.maximumDecodedBytes = 4 << 20
        limits.maximumCompressionRatio = 100_000
        do {
            _ = try FacturXReader.extract(pdf: builder.classic(trailer: "/Root 1 0 R"), limits: limits)
            Issue.record("the bomb was inflated")
        } catch {
            #expect(error.code == .decompressionLimit)
            #expect(error.objectNumber == 6)
            #expect(error.offset != nil)
        }
    }

    @Test func decompressionBombIsRefusedByTheRatioLimit() throws {
        var builder = PDFTestBuilder.facturX()
        builder.objects.removeAll { $0.number == 6 }
        let zeros = [UInt8](repeating: 0x20, count: 8 << 20)
        builder.addStream(6, dictionary: "<< /Type /EmbeddedFile /Filter /FlateDecode >>", data: PDFTestBuilder.deflate(zeros))
        do {
            _ = try FacturXReader.extract(pdf: builder.classic(trailer: "/Root 1 0 R"))
            Issue.record("the bomb was inflated")
        } catch {
            #expect(error.code == .decompressionLimit)
            #expect(error.message.contains("ratio"))
        }
    }

    @Test func selfReferencingLengthDoesNotLoop() throws {
        var builder = PDFTestBuilder.facturX()
        builder.objects.removeAll { $0.number == 6 }
        builder.addStream(6, dictionary: "<< /Type /EmbeddedFile >>", data: Array(PDFTestBuilder.sampleXML.utf8), length: "6 0 R")
        // The /Length cannot be resolved (it is the stream itself); the data is found by scanning.
        let extracted = try FacturXReader.extract(pdf: builder.classic(trailer: "/Root 1 0 R"))
        #expect(String(decoding: extracted.xml, as: UTF8.self) == PDFTestBuilder.sampleXML)
        #expect(extracted.repairs.contains { $0.kind == .streamLength })
    }

    @Test func referenceChainCycleIsAnError() throws {
        var builder = PDFTestBuilder()
        builder.add(1, "<< /Type /Catalog /Names 2 0 R >>")
        builder.add(2, "3 0 R")
        builder.add(3, "2 0 R")
        var document = try PDFDocument(bytes: builder.classic(trailer: "/Root 1 0 R"))
        do {
            _ = try document.resolve(.reference(PDFReference(2)))
            Issue.record("a reference cycle resolved")
        } catch {
            #expect(error.code == .cycle)
        }
        #expect(throws: PDFError.self) { try FacturXReader.extract(from: &document) }
    }

    @Test func prevLoopIsCutAndReported() throws {
        let base = PDFTestBuilder.facturX().classic(trailer: "/Root 1 0 R")
        let xrefOffset = try PDFXrefReader(bytes: base, limits: PDFLimits()).startxrefOffset()
        // The trailer's /Prev points back to its own section.
        let looped = base.replacing(Array("/Root 1 0 R >>".utf8), with: Array("/Root 1 0 R /Prev \(xrefOffset) >>".utf8))
        #expect(looped != base)
        let extracted = try FacturXReader.extract(pdf: looped)
        #expect(extracted.repairs.contains { $0.kind == .prevLoop })
    }

    @Test func deepNestingIsRefused() throws {
        var builder = PDFTestBuilder.facturX()
        builder.objects.removeAll { $0.number == 3 }
        builder.add(3, "<< /Type /Page /Parent 2 0 R /Deep " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + " >>")
        var document = try PDFDocument(bytes: builder.classic(trailer: "/Root 1 0 R"))
        do {
            _ = try document.object(3)
            Issue.record("100,000 nested arrays were parsed")
        } catch {
            #expect(error.code == .limit)
            #expect(error.objectNumber == 3)
        }
        // The attachment is still reachable: the deep object is not on its path.
        #expect((try? FacturXReader.extract(from: &document)) != nil)
    }

    @Test func nameTreeLoopIsRefused() throws {
        var builder = PDFTestBuilder.facturX()
        builder.objects.removeAll { $0.number == 4 }
        builder.add(4, "<< /Kids [11 0 R] >>")
        builder.add(11, "<< /Kids [4 0 R] >>")
        do {
            _ = try FacturXReader.extract(pdf: builder.classic(trailer: "/Root 1 0 R"))
            Issue.record("a looping name tree was walked")
        } catch {
            #expect(error.code == .cycle)
            #expect(error.objectNumber == 4)
        }
    }

    @Test func objectStreamHoldingItsOwnStreamIsACycle() throws {
        var builder = PDFTestBuilder.facturX()
        let pdf = builder.withObjectStream(compressed: [1, 2, 3, 4, 5], streamNumber: 8, xrefNumber: 9, trailer: "/Root 1 0 R")
        // Say object 8 (the object stream) is itself inside object stream 8.
        var document = try PDFDocument(bytes: pdf)
        document.xref.sections.insert(.parsed(first: 8, entries: [.compressed(stream: 8, index: 0)]), at: 0)
        do {
            _ = try document.object(1)
            Issue.record("an object stream inside itself was read")
        } catch {
            #expect(error.code == .cycle)
        }
        builder.objects = []
    }

    @Test func notAPDFIsAPreciseError() {
        do {
            _ = try FacturXReader.extract(pdf: Array("<?xml version='1.0'?><a/>".utf8))
            Issue.record("XML was read as a PDF")
        } catch {
            #expect(error.code == .notPDF)
            #expect(error.offset == 0)
        }
    }
}

/// Numbers at the edge of `Int` in the places they size or offset something.
@Suite("Hostile numbers")
struct HostileNumberTests {
    @Test func hugePredictorColumnsDoNotSizeABuffer() throws {
        var parameters = PDFPredictor.Parameters(PDFDictionary(entries: [
            .init(key: "Predictor", value: .integer(12)), .init(key: "Columns", value: .integer(16_000_000)), .init(key: "Colors", value: .integer(32)),
            .init(key: "BitsPerComponent", value: .integer(16)),
        ]))
        let decoded = try PDFPredictor.apply([2, 1, 2, 3], parameters)
        #expect(decoded.count <= 4)
        parameters.predictor = 2
        #expect(try PDFPredictor.apply([1, 2, 3], parameters).count == 3)
    }

    @Test func objectStreamOffsetsNearIntMaxAreErrors() throws {
        let data = Array("5 9223372036854775807 <<>>".utf8)
        let dictionary = PDFDictionary(entries: [.init(key: "N", value: .integer(1)), .init(key: "First", value: .integer(22))])
        let contents = try PDFObjectStreamContents(number: 9, dictionary: dictionary, data: data, limits: PDFLimits())
        #expect(throws: PDFError.self) { try contents.object(5, at: 0, limits: PDFLimits()) }
    }

    @Test func xrefStreamIndexNearIntMaxIsAnError() throws {
        var builder = PDFTestBuilder()
        builder.addStream(1, dictionary: "<< /Type /XRef /Size 3 /W [1 2 1] /Index [9223372036854775800 3] >>", data: [UInt8](repeating: 1, count: 12))
        let pdf = builder.classic(trailer: "/Root 2 0 R")
        var reader = PDFXrefReader(bytes: pdf, limits: PDFLimits())
        do {
            _ = try reader.readSection(at: builder.header.count)
            Issue.record("an /Index near Int.max was accepted")
        } catch {
            #expect(error.code == .xref)
            #expect(error.message.contains("out of range"))
            #expect(error.objectNumber == 1)
        }
    }
}
