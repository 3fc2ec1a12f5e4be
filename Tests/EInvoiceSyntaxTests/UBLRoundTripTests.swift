import EInvoice
import Foundation
import Testing

import EInvoiceSyntax

@Suite("UBL round trip over the corpus")
struct UBLRoundTripTests {
    @Test("every corpus file is found")
    func corpusIsThere() throws {
        let files = try UBLTestSupport.ublFiles()
        #expect(files.count >= 70, "expected the ~76 UBL files of the corpus, found \(files.count)")
    }

    @Test("read, write, read again gives an equal invoice", arguments: try UBLTestSupport.ublFiles())
    func roundTrip(_ file: String) throws {
        let first = try UBLTestSupport.parse(try UBLTestSupport.bytes(file))
        #expect(!first.invoice.number.isEmpty)
        #expect(!first.invoice.lines.isEmpty)
        let written = UBLWriter().write(first.invoice)
        let second = try UBLTestSupport.parse(written)
        #expect(second.syntax == first.syntax, "\(file): the syntax changed")
        #expect(second.invoice == first.invoice, "\(file): the invoice changed through write and read")
        #expect(second.notCarried.isEmpty, "\(file): our own output has unread elements \(second.notCarried)")
        // Writing is stable: the second write is byte for byte the first.
        #expect(UBLWriter().write(second.invoice) == written)
        // The other document type carries the same invoice.
        let swapped = try UBLTestSupport.parse(UBLWriter().write(first.invoice, asCreditNote: !first.invoice.isCreditNote))
        #expect(swapped.syntax != first.syntax)
        #expect(swapped.invoice == first.invoice, "\(file): the invoice changed when written as the other type")
    }

    @Test("every term path points at a cbc element, every group path at a cac element", arguments: try UBLTestSupport.ublFiles())
    func sourceMapInvariants(_ file: String) throws {
        let parsed = try UBLTestSupport.parse(try UBLTestSupport.bytes(file))
        #expect(parsed.sourceMap["BT-1"] != nil)
        #expect(parsed.sourceMap.count > 30, "\(file): only \(parsed.sourceMap.count) terms located")
        for (path, index) in parsed.sourceMap {
            let element = parsed.tree[index]
            let last = path.split(separator: "/").last ?? ""
            let expected = last.hasPrefix("BT-") ? Namespaces.ublCBC : Namespaces.ublCAC
            // BG-1 (a note) is a single cbc:Note element.
            if last.hasPrefix("BG-1[") { continue }
            #expect(element.namespace == expected, "\(file): \(path) points at \(element.qualifiedName)")
        }
        // Each line path points at its own line element.
        let lines = parsed.tree.children(of: 0, named: parsed.syntax == .ublCreditNote ? "CreditNoteLine" : "InvoiceLine")
        for position in parsed.invoice.lines.indices {
            #expect(parsed.sourceMap["BG-25[\(position)]"] == lines[position])
        }
    }

    @Test("the written files are valid against the UBL 2.1 XSD")
    func outputsValidateAgainstXSD() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-ubl-xsd-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var written: [URL] = []
        for (position, file) in try UBLTestSupport.ublFiles().enumerated() {
            let invoice = try UBLTestSupport.parse(try UBLTestSupport.bytes(file)).invoice
            // Each file once as it is, and the first ten once more in the other document type.
            var variants: [(String, Bool?)] = [("", nil)]
            if position < 10 { variants.append(("-swapped", !invoice.isCreditNote)) }
            for (suffix, asCreditNote) in variants {
                let url = folder.appendingPathComponent("\(position)\(suffix).xml")
                try Data(UBLWriter().write(invoice, asCreditNote: asCreditNote)).write(to: url)
                written.append(url)
            }
        }
        let results = try UBLTestSupport.validateAgainstXSD(written)
        #expect(results.count == written.count, "the validator answered for \(results.count) of \(written.count) files")
        let failures = results.filter { !$0.hasPrefix("OK ") }
        #expect(failures.isEmpty, "XSD errors:\n\(failures.joined(separator: "\n"))")
    }

    @Test("the official EN 16931 UBL schematron fires the same rules on our output as on the source")
    func sameSchematronFindings() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-ubl-sch-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var pairs: [(file: String, source: URL, written: URL)] = []
        for (position, file) in try UBLTestSupport.ublFiles().enumerated() {
            let bytes = try UBLTestSupport.bytes(file)
            let source = folder.appendingPathComponent("\(position)-source.xml")
            let written = folder.appendingPathComponent("\(position)-written.xml")
            try Data(bytes).write(to: source)
            try Data(UBLWriter().write(try UBLTestSupport.parse(bytes).invoice)).write(to: written)
            pairs.append((file, source, written))
        }
        let fired = try UBLTestSupport.firedRules(pairs.flatMap { [$0.source, $0.written] })
        for pair in pairs {
            let before = try #require(fired[pair.source.path], "no oracle result for \(pair.file)")
            let after = try #require(fired[pair.written.path], "no oracle result for the rewrite of \(pair.file)")
            #expect(before == after, "\(pair.file): source fires \(before.sorted()), our output \(after.sorted())")
        }
    }

    @Test("an invoice written as a credit note reads back equal")
    func invoiceAsCreditNote() throws {
        for file in ["en16931/ubl-testfiles/Invoice-Max_content.xml", "en16931/ubl/ubl-tc434-example1.xml"] {
            let invoice = try UBLTestSupport.parse(try UBLTestSupport.bytes(file)).invoice
            let asCreditNote = try UBLTestSupport.parse(UBLWriter().write(invoice, asCreditNote: true))
            #expect(asCreditNote.syntax == .ublCreditNote)
            #expect(asCreditNote.invoice == invoice, "\(file) changed when written as a CreditNote")
        }
    }
}
