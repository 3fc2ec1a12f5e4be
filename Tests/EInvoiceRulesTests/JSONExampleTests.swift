import EInvoice
import EInvoiceRules
import EInvoiceSyntax
import Foundation
import Testing

@Suite("The OpenAPI example invoice")
struct JSONExampleTests {
    private static let example = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("openapi/examples/invoice.json")

    @Test("openapi/examples/invoice.json is a valid French B2B invoice, written as CII or UBL", arguments: ["cii", "ubl"])
    func validUnderFrenchRules(syntax: String) throws {
        let invoice = try InvoiceJSON.decode(try Data(contentsOf: Self.example))
        let xml = syntax == "cii" ? CIIWriter().write(invoice) : UBLWriter().write(invoice)
        let parsed = try InvoiceDocumentReader().read(bytes: xml)
        #expect(parsed.invoice == invoice)
        let findings = Validator(ruleSet: .fr).validate(parsed)
        #expect(findings.isEmpty, "\(findings.map { "\($0.ruleID): \($0.message.english)" })")
        // Not an empty shell: the terms the French rules look at are there.
        #expect(invoice.notes.map(\.subjectCode) == ["BAR", "PMD", "PMT", "AAB"])
        #expect(invoice.seller.legalRegistrationIdentifier?.schemeID == "0002")
        #expect(invoice.buyer.electronicAddress?.schemeID == "0225")
        #expect(invoice.lines.count == 3)
    }
}
