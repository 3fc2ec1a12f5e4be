import FacturX
import Foundation
import Testing

/// Attaching an invoice XML to an existing PDF by an incremental update, or saying why it cannot become PDF/A.
@Suite("Attaching the XML to an ERP's PDF")
struct AttacherTests {
    static let options = FacturXAttacher.Options(secondsSince1970: 1_764_410_400, iccProfile: Array("fake icc profile".utf8))

    /// An ERP-style PDF: one page with an embedded font, no XMP, no output intent, no attachment.
    static func erpPDF(font: String = "<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+DejaVuSans /FontDescriptor 14 0 R >>") -> [UInt8] {
        var builder = PDFTestBuilder()
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        builder.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        builder.add(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 13 0 R >> >> >>")
        builder.addStream(4, dictionary: "<< >>", data: Array("0 0 0 rg BT /F1 12 Tf 72 720 Td (Invoice F-1) Tj ET".utf8))
        builder.add(10, "<< /Title (Invoice F-1) /Producer (ERP 9) /CreationDate (D:20261101120000+01'00') >>")
        builder.add(13, font)
        builder.add(14, "<< /Type /FontDescriptor /FontName /ABCDEF+DejaVuSans /FontFile2 15 0 R >>")
        builder.addStream(15, dictionary: "<< >>", data: Array("font".utf8))
        return builder.classic(trailer: "/Root 1 0 R /Info 10 0 R /ID [<0102> <0102>]")
    }

    static let xml = Array(PDFTestBuilder.sampleXML.utf8)

    @Test func attachedFileIsFacturXAndKeepsTheOriginalBytes() throws {
        let original = Self.erpPDF()
        let attached = try FacturXAttacher().attach(xml: Self.xml, to: original, options: Self.options)
        #expect(Array(attached.prefix(original.count)) == original, "an incremental update keeps the original bytes")
        let extracted = try FacturXReader.extract(pdf: attached)
        #expect(extracted.xml == Self.xml)
        #expect(extracted.relationship == "Alternative")
        #expect(extracted.declaredProfile == "EN 16931")
        #expect(extracted.repairs.isEmpty)
        let report = FacturXChecker().check(pdf: attached)
        #expect(report.findings.filter { $0.severity == .error } == [], "\(report.findings)")
    }

    /// qpdf (installed by .ci/run) reads the update without a warning, and sees the attachment.
    @Test func qpdfAcceptsTheUpdate() throws {
        let attached = try FacturXAttacher().attach(xml: Self.xml, to: Self.erpPDF(), options: Self.options)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-attach-\(getpid()).pdf")
        try Data(attached).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        for arguments in [["--check", path.path], ["--list-attachments", path.path]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "qpdf \(arguments[0]): \(output)")
            #expect(!output.contains("WARNING"), "\(output)")
            if arguments[0] == "--list-attachments" { #expect(output.contains("factur-x.xml")) }
        }
    }

    @Test func minimumProfileIsAttachedAsData() throws {
        let minimum = PDFTestBuilder.sampleXML.replacingOccurrences(of: "urn:cen.eu:en16931:2017", with: "urn:factur-x.eu:1p0:minimum")
        let attached = try FacturXAttacher().attach(xml: Array(minimum.utf8), to: Self.erpPDF(), options: Self.options)
        let extracted = try FacturXReader.extract(pdf: attached)
        #expect(extracted.relationship == "Data")
        #expect(extracted.declaredProfile == "MINIMUM")
    }

    @Test func unembeddedFontIsNamedAsTheReason() {
        let pdf = Self.erpPDF(font: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        do {
            _ = try FacturXAttacher().attach(xml: Self.xml, to: pdf, options: Self.options)
            Issue.record("a PDF with an unembedded font was turned into Factur-X")
        } catch {
            guard case let .cannotBecomePDFA(findings) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(findings.map(\.id) == ["PDFA-FONT-NOT-EMBEDDED"])
            #expect(findings.first?.objectNumber == 13)
            #expect(error.description.contains("Helvetica"))
        }
    }

    @Test func encryptionAndMissingICCAreNamed() {
        var text = Self.erpPDF()
        text = text.replacing(Array("/ID [<0102> <0102>]".utf8), with: Array("/ID [<0102> <0102>] /Encrypt << /Filter /Standard >>".utf8))
        #expect(FacturXAttacher().blockers(pdf: text, options: Self.options).map(\.id) == ["PDFA-ENCRYPTED"])
        let noICC = FacturXAttacher.Options(secondsSince1970: 0)
        // The page paints with 'rg' (DeviceRGB): without an ICC profile no output intent can be added.
        #expect(FacturXAttacher().blockers(pdf: Self.erpPDF(), options: noICC).map(\.id) == ["PDFA-OUTPUTINTENT-MISSING"])
    }

    @Test func xmlWithoutProfileIsRefused() {
        #expect(throws: FacturXAttacher.Failure.self) {
            try FacturXAttacher().attach(xml: Array("<a/>".utf8), to: Self.erpPDF(), options: Self.options)
        }
    }
}
