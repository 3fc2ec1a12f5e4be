import EInvoice
import Testing

@testable import EInvoiceRules

/// The French rules on invoices built in memory (no XML): they check the EN 16931 terms with the CII rule ids.
@Suite("BR-FR rules on the invoice model")
struct FranceModelTests {
    @Test("a valid French invoice has no BR-FR finding")
    func validInvoice() {
        #expect(FranceTestSupport.validator.validate(FranceInvoiceFixture.invoice).map(\.ruleID) == [])
    }

    @Test("a minimal break fires its rule", arguments: FranceInvoiceBreaks.ids)
    func breakFires(id: String) throws {
        let invoice = try #require(FranceInvoiceBreaks.broken(for: id))
        let findings = FranceTestSupport.validator.validate(invoice)
        #expect(findings.map(\.ruleID).contains(id), "reported \(findings.map(\.ruleID))")
        let finding = try #require(findings.first { $0.ruleID == id })
        #expect(finding.severity == .fatal)
        #expect(!finding.terms.isEmpty && !finding.message.english.isEmpty && !finding.message.french.isEmpty)
        #expect(FranceMutationTests.implemented.contains(id))
    }

    @Test("every break names a distinct rule")
    func breaksAreDistinct() {
        #expect(Set(FranceInvoiceBreaks.ids).count == FranceInvoiceBreaks.ids.count)
        #expect(FranceInvoiceBreaks.ids.count == 100)
    }

    @Test("the SIRET must start with the SIREN")
    func siretAgainstSIREN() {
        var invoice = FranceInvoiceFixture.invoice
        invoice.seller.identifiers = [Identifier("12345678200010", schemeID: "0009")]
        #expect(!FranceTestSupport.ruleIDs(invoice).contains("BR-FR-09_BT-29"))
        invoice.seller.legalRegistrationIdentifier = nil
        #expect(FranceTestSupport.ruleIDs(invoice).isSuperset(of: ["BR-FR-09_BT-29", "BR-FR-10_BT-30"]))
    }

    @Test("a disbursement invoice may carry negative unit prices")
    func disbursementPrices() {
        var invoice = FranceInvoiceFixture.invoice
        invoice.lines[0].price.netPrice = FranceInvoiceFixture.amount("-4.50")
        #expect(FranceTestSupport.ruleIDs(invoice).contains("BR-FR-DEC-03_BT-146"))
        invoice.processControl.businessProcessType = "B9"
        invoice.typeCode = "389"
        #expect(!FranceTestSupport.ruleIDs(invoice).contains("BR-FR-DEC-03_BT-146"))
    }

    @Test("an already-paid invoice is exempt from the due-date order")
    func paidInvoiceDueDate() {
        var invoice = FranceInvoiceFixture.invoice
        invoice.dueDate = FranceInvoiceFixture.date(2025, 1, 10)
        #expect(FranceTestSupport.ruleIDs(invoice).contains("BR-FR-CO-07_BT-9"))
        invoice.processControl.businessProcessType = "S2"
        invoice.totals.paidAmount = FranceInvoiceFixture.amount("162.00")
        invoice.totals.amountDue = FranceInvoiceFixture.amount("0.00")
        #expect(FranceTestSupport.ruleIDs(invoice) == [])
    }
}
