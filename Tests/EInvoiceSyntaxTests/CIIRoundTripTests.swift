import EInvoice
import EInvoiceSyntax
import Foundation
import Testing

@Suite("CII round trip over the corpus")
struct CIIRoundTripTests {
    @Test("every corpus CII file reads, writes and reads back to an equal invoice")
    func corpusRoundTrip() throws {
        guard CIICorpus.root != nil else { throw CIICorpus.CorpusMissing() }
        let files = CIICorpus.candidateFiles()
        var read = 0
        var skipped: [String] = []
        for url in files {
            let tree = try CIICorpus.tree(url)
            guard CIICorpus.isCII(tree) else {
                skipped.append(url.lastPathComponent)
                continue
            }
            let parsed: ParsedInvoice
            do {
                parsed = try CIIReader().read(tree)
            } catch {
                Issue.record("\(url.lastPathComponent): \(error)")
                continue
            }
            let bytes = CIIWriter().write(parsed.invoice)
            let again = try CIIReader().read(try SafeXMLParser().parse(bytes))
            #expect(again.invoice == parsed.invoice, "\(url.lastPathComponent) changed on the way back")
            // What was written is exactly the EN 16931 content: nothing left over the second time.
            #expect(again.notCarried.isEmpty, "\(url.lastPathComponent): \(again.notCarried)")
            read += 1
        }
        // 15 EN 16931 examples, 27 XML-Rechnung files and 13 ZUGFeRD files, all of them CII.
        #expect(read == 55, "read \(read) CII files, skipped \(skipped.count): \(skipped)")
        #expect(skipped.isEmpty)
    }

    @Test("the round trip keeps the written form of amounts")
    func amountsKeepTheirDigits() throws {
        let parsed = try CIICorpus.parsed(
            "zugferd/ZUGFeRDv2/correct/Mustangproject/testout-ZF2PushItemChargesAllowances.xml")
        let text = String(decoding: CIIWriter().write(parsed.invoice), as: UTF8.self)
        #expect(text.contains("<ram:ChargeAmount>3.0000</ram:ChargeAmount>"))
        #expect(text.contains("<ram:BilledQuantity unitCode=\"C62\">1.0000</ram:BilledQuantity>"))
        #expect(text.contains("<ram:RateApplicablePercent>19.00</ram:RateApplicablePercent>"))
    }

    @Test(
        "a fully populated invoice survives the round trip",
        arguments: [
            "en16931/cii/CII_example5.xml",
            "zugferd/XML-Rechnung/CII/not_validating_full_invoice_based_onTest_EeISI_300_CENfullmodel.cii.xml",
        ])
    func fullModel(path: String) throws {
        let parsed = try CIICorpus.parsed(path)
        let again = try CIIReader().read(try SafeXMLParser().parse(CIIWriter().write(parsed.invoice)))
        #expect(again.invoice == parsed.invoice)
        // The same terms are found again, each at an element of the written document.
        #expect(Set(again.sourceMap.keys) == Set(parsed.sourceMap.keys))
    }
}
