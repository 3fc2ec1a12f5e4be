import Foundation
import Testing

@testable import EInvoiceRules

/// Real invoices of the shared corpus: the French rules report exactly what the official schematron reports.
@Suite("BR-FR rules on the corpus")
struct FranceCorpusTests {
    @Test("same BR-FR findings as the official schematron", arguments: FranceCorpusExpectations.fired.keys.sorted())
    func agreesWithOfficialSchematron(path: String) throws {
        let url = FranceTestSupport.corpusRoot.appendingPathComponent(path)
        let xml = try FranceTestSupport.read(url)
        let ours = try FranceTestSupport.ruleIDs(xml)
        let official = Set(FranceCorpusExpectations.fired[path] ?? [])
        #expect(ours.subtracting(official).sorted() == [], "reported but not official")
        #expect(official.subtracting(ours).sorted() == [], "official but not reported")
    }
}
