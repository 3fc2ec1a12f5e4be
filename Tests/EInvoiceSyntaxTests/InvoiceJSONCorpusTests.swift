import EInvoice
import EInvoiceSyntax
import Foundation
import Testing

@Suite("Invoice JSON over the corpus")
struct InvoiceJSONCorpusTests {
    /// Every CII and UBL file of the corpus that reads as an invoice.
    private static func corpusFiles() -> [URL] {
        var files = CIICorpus.candidateFiles()
        if let root = CIICorpus.root {
            for folder in UBLTestSupport.ublFolders {
                let url = root.appendingPathComponent(folder)
                let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
                files += names.filter { $0.lowercased().hasSuffix(".xml") }.sorted().map { url.appendingPathComponent($0) }
            }
        }
        return files
    }

    @Test("every corpus invoice, CII or UBL, goes to JSON and back to an equal invoice, digits kept")
    func corpusRoundTrip() throws {
        guard CIICorpus.root != nil else { throw CIICorpus.CorpusMissing() }
        var checked = 0
        var unreadable: [String] = []
        for url in Self.corpusFiles() {
            let name = url.lastPathComponent
            let parsed: ParsedInvoice
            do {
                parsed = try InvoiceDocumentReader().read(bytes: [UInt8](try Data(contentsOf: url)))
            } catch {
                unreadable.append(name)
                continue
            }
            let json = InvoiceJSON.encode(parsed.invoice)
            let decoded: Invoice
            do {
                decoded = try InvoiceJSON.decode(json)
            } catch {
                Issue.record("\(name): our own JSON is refused: \(error)")
                continue
            }
            #expect(decoded == parsed.invoice, "\(name) changed on the way through JSON")
            // Equality of decimals ignores trailing zeros; the bytes do not: the written digits survive too.
            #expect(InvoiceJSON.encode(decoded) == json, "\(name): JSON written again differs")
            checked += 1
        }
        // 55 CII files (see CIIRoundTripTests) and 76 UBL files (19 + 29 + 28).
        #expect(checked == 55 + 76, "checked \(checked) files; unreadable: \(unreadable)")
        #expect(unreadable.isEmpty)
    }

    @Test("CII → JSON → CII writes the same XML")
    func ciiThroughJSON() throws {
        for path in ["en16931/cii/CII_example5.xml", "zugferd/XML-Rechnung/CII/not_validating_full_invoice_based_onTest_EeISI_300_CENfullmodel.cii.xml"] {
            let parsed = try CIICorpus.parsed(path)
            let decoded = try InvoiceJSON.decode(InvoiceJSON.encode(parsed.invoice))
            #expect(CIIWriter().write(decoded) == CIIWriter().write(parsed.invoice), "\(path)")
        }
    }
}
