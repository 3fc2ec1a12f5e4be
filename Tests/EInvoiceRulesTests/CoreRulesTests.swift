import EInvoice
import EInvoiceSyntax
import Testing

@testable import EInvoiceRules

/// One minimal break of the fixture and the rule ids it must fire (the rule itself and, where the
/// official tests fire them too, its companions).
struct CoreCase: Sendable, CustomTestStringConvertible {
    let expected: Set<String>
    let change: @Sendable (inout Invoice) -> Void

    init(_ expected: String..., change: @escaping @Sendable (inout Invoice) -> Void) {
        self.expected = Set(expected)
        self.change = change
    }

    var testDescription: String { expected.sorted().joined(separator: " + ") }
}

private let d = CoreFixture.d

@Suite("Core rules BR-01 … BR-65")
struct CoreRulesTests {
    @Test("The fixture invoice is valid")
    func validInvoiceHasNoFinding() {
        let findings = CoreFixture.findings(CoreFixture.invoice())
        #expect(findings.isEmpty, "\(findings.map(\.ruleID))")
    }

    @Test("The fixture is valid whatever syntax it was read from", arguments: [InvoiceSyntax.cii, .ublInvoice])
    func validInvoiceInBothSyntaxes(syntax: InvoiceSyntax) {
        #expect(CoreFixture.ruleIDs(CoreFixture.invoice(), syntax: syntax).isEmpty)
    }

    @Test("A credit note with positive amounts is valid")
    func creditNoteIsValid() {
        let note = CoreFixture.creditNote()
        #expect(note.isCreditNote)
        #expect(CoreFixture.findings(note).isEmpty)
    }

    @Test("A negative return line with a positive price is valid, and its sums are checked")
    func negativeLine() {
        var invoice = CoreFixture.invoice()
        var returned = CoreFixture.secondLine()
        returned.identifier = "3"
        returned.quantity = Quantity(d("-1"), unitCode: "HUR")
        returned.netAmount = d("-60.00")
        invoice.lines.append(returned)
        invoice.vatBreakdown[0].taxableAmount = d("180.00")
        invoice.vatBreakdown[0].taxAmount = d("36.00")
        invoice.totals.lineNetTotal = d("182.00")
        invoice.totals.taxExclusiveAmount = d("180.00")
        invoice.totals.vatTotal = d("36.00")
        invoice.totals.taxInclusiveAmount = d("216.00")
        invoice.totals.amountDue = d("166.00")
        #expect(CoreFixture.findings(invoice).isEmpty)

        invoice.totals.lineNetTotal = d("302.00")  // the return counted as positive
        #expect(CoreFixture.ruleIDs(invoice) == ["BR-CO-10", "BR-CO-13"])
    }

    @Test(
        "Each broken term fires its rule",
        arguments: [
            CoreCase("BR-01") { $0.processControl.specificationIdentifier = "" },
            CoreCase("BR-02") { $0.number = " " },
            CoreCase("BR-03") { $0.issueDate = nil },
            CoreCase("BR-04") { $0.typeCode = "" },
            CoreCase("BR-05") { $0.currencyCode = "" },
            CoreCase("BR-06") { $0.seller.name = "" },
            CoreCase("BR-07") { $0.buyer.name = "" },
            CoreCase("BR-08") { $0.seller.postalAddress = nil },
            CoreCase("BR-09") { $0.seller.postalAddress?.countryCode = "" },
            CoreCase("BR-10") { $0.buyer.postalAddress = nil },
            CoreCase("BR-11") { $0.buyer.postalAddress?.countryCode = "" },
            CoreCase("BR-12", "BR-CO-10", "BR-CO-13") { $0.totals.lineNetTotal = nil },
            CoreCase("BR-13", "BR-CO-13", "BR-CO-15") { $0.totals.taxExclusiveAmount = nil },
            CoreCase("BR-14", "BR-CO-15", "BR-CO-16") { $0.totals.taxInclusiveAmount = nil },
            CoreCase("BR-15", "BR-CO-16") { $0.totals.amountDue = nil },
            CoreCase("BR-16", "BR-CO-10") { $0.lines = [] },
            CoreCase("BR-17") { $0.payee?.name = "" },
            CoreCase("BR-18") {
                $0.sellerTaxRepresentative = TaxRepresentative(
                    name: "", vatIdentifier: "FR11223344556", postalAddress: CoreFixture.address("FR"))
            },
            CoreCase("BR-19") {
                $0.sellerTaxRepresentative = TaxRepresentative(name: "Rep", vatIdentifier: "FR11223344556")
            },
            CoreCase("BR-20") {
                $0.sellerTaxRepresentative = TaxRepresentative(
                    name: "Rep", vatIdentifier: "FR11223344556", postalAddress: CoreFixture.address(""))
            },
            CoreCase("BR-21") { $0.lines[1].identifier = "" },
            CoreCase("BR-22", "BR-23") { $0.lines[1].quantity = nil },
            CoreCase("BR-23") { $0.lines[1].quantity?.unitCode = nil },
            CoreCase("BR-24", "BR-CO-10") { $0.lines[1].netAmount = nil },
            CoreCase("BR-25") { $0.lines[0].item.name = "" },
            CoreCase("BR-26", "BR-27") { $0.lines[0].price.netPrice = nil },
            CoreCase("BR-27") { $0.lines[0].price.netPrice = d("-12.50") },
            CoreCase("BR-28") { $0.lines[0].price.grossPrice = d("-13.00") },
            CoreCase("BR-29") { $0.invoicingPeriod?.endDate = CoreFixture.date("2024-02-29") },
            CoreCase("BR-30") { $0.lines[0].period?.startDate = CoreFixture.date("2024-03-16") },
            CoreCase("BR-31", "BR-CO-11") { $0.allowances[0].amount = nil },
            CoreCase("BR-32") { $0.allowances[0].vatCategoryCode = nil },
            CoreCase("BR-33", "BR-CO-21") {
                $0.allowances[0].reason = nil
                $0.allowances[0].reasonCode = nil
            },
            CoreCase("BR-36", "BR-CO-12") { $0.charges[0].amount = nil },
            CoreCase("BR-37") { $0.charges[0].vatCategoryCode = nil },
            CoreCase("BR-38", "BR-CO-22") {
                $0.charges[0].reason = nil
                $0.charges[0].reasonCode = nil
            },
            CoreCase("BR-41") { $0.lines[0].allowances[0].amount = nil },
            CoreCase("BR-42", "BR-CO-23") { $0.lines[0].allowances[0].reason = nil },
            CoreCase("BR-43") { $0.lines[0].charges[0].amount = nil },
            CoreCase("BR-44", "BR-CO-24") { $0.lines[0].charges[0].reasonCode = nil },
            CoreCase("BR-45", "BR-CO-17") { $0.vatBreakdown[0].taxableAmount = nil },
            CoreCase("BR-46", "BR-CO-14", "BR-CO-17") { $0.vatBreakdown[0].taxAmount = nil },
            CoreCase("BR-47") { $0.vatBreakdown[0].categoryCode = "" },
            CoreCase("BR-48", "BR-CO-17") { $0.vatBreakdown[0].rate = nil },
            CoreCase("BR-49") { $0.paymentInstructions?.meansTypeCode = "" },
            CoreCase("BR-50") {
                $0.paymentInstructions?.creditTransfers.append(
                    CreditTransfer(accountIdentifier: "", accountName: "Old"))
            },
            CoreCase("BR-51") { $0.paymentInstructions?.card = PaymentCard(primaryAccountNumber: "4970101234567890") },
            CoreCase("BR-52") { $0.supportingDocuments[0].reference = "" },
            CoreCase("BR-53") { $0.vatAccountingCurrencyCode = "USD" },
            CoreCase("BR-54") { $0.lines[0].item.attributes[0].value = "" },
            CoreCase("BR-55") { $0.precedingInvoices = [PrecedingInvoiceReference(number: "")] },
            CoreCase("BR-56") {
                $0.sellerTaxRepresentative = TaxRepresentative(name: "Rep", postalAddress: CoreFixture.address("BE"))
            },
            CoreCase("BR-57") { $0.delivery?.address?.countryCode = "" },
            CoreCase("BR-61") { $0.paymentInstructions?.creditTransfers = [] },
            CoreCase("BR-62") { $0.seller.electronicAddress?.schemeID = nil },
            CoreCase("BR-63") { $0.buyer.electronicAddress?.schemeID = "" },
            CoreCase("BR-64") { $0.lines[0].item.standardIdentifier?.schemeID = nil },
            CoreCase("BR-65") { $0.lines[0].item.classifications[0].listID = nil },
            CoreCase("BR-B-01") { invoice in CoreRulesTests.useSplitPayment(&invoice) },
            CoreCase("BR-B-02") { invoice in
                CoreRulesTests.useItalianAddresses(&invoice)
                invoice.charges[0].vatCategoryCode = "B"
            },
        ])
    func brokenTermFiresItsRule(_ testCase: CoreCase) {
        let invoice = CoreFixture.invoice(testCase.change)
        #expect(CoreFixture.ruleIDs(invoice) == testCase.expected)
    }

    static func useSplitPayment(_ invoice: inout Invoice) {
        for index in invoice.lines.indices { invoice.lines[index].vat.categoryCode = "B" }
        invoice.allowances[0].vatCategoryCode = "B"
        invoice.charges[0].vatCategoryCode = "B"
        invoice.vatBreakdown[0].categoryCode = "B"
    }

    static func useItalianAddresses(_ invoice: inout Invoice) {
        invoice.seller.postalAddress?.countryCode = "IT"
        invoice.buyer.postalAddress?.countryCode = "IT"
        invoice.delivery?.address?.countryCode = "IT"
    }

    @Test("A domestic Italian split payment invoice passes BR-B-01 and BR-B-02")
    func italianSplitPayment() {
        let invoice = CoreFixture.invoice {
            CoreRulesTests.useSplitPayment(&$0)
            CoreRulesTests.useItalianAddresses(&$0)
        }
        #expect(CoreFixture.ruleIDs(invoice).isEmpty)
    }

    @Test("Findings carry the rule, its terms, a term path and both languages with the values")
    func findingContents() {
        let invoice = CoreFixture.invoice { $0.lines[0].price.netPrice = d("-12.50") }
        let findings = CoreFixture.findings(invoice)
        #expect(findings.count == 1)
        guard let finding = findings.first else { return }
        #expect(finding.ruleID == "BR-27")
        #expect(finding.severity == .fatal)
        #expect(finding.terms == ["BT-146"])
        #expect(finding.message.english.contains("-12.50"))
        #expect(finding.message.french.contains("-12.50"))
        #expect(finding.message.english.contains("line 1 (1)"))
        #expect(finding.location == nil)
    }
}
