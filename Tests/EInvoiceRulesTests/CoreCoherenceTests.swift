import EInvoice
import EInvoiceSyntax
import Testing

@testable import EInvoiceRules

private let d = CoreFixture.d

@Suite("Core rules BR-CO and BR-DEC")
struct CoreCoherenceTests {
    @Test(
        "Each incoherence fires its rule",
        arguments: [
            CoreCase("BR-CO-03") {
                $0.taxPointDate = CoreFixture.date("2024-03-31")
                $0.taxPointDateCode = "5"
            },
            CoreCase("BR-CO-04") { $0.lines[1].vat.categoryCode = "" },
            CoreCase("BR-CO-09") { $0.seller.vatIdentifier = "32123456789" },
            CoreCase("BR-CO-10") { $0.lines[1].netAmount = d("119.00") },
            CoreCase("BR-CO-11") { $0.allowances[0].amount = d("11.00") },
            CoreCase("BR-CO-12") { $0.charges[0].amount = d("9.00") },
            CoreCase("BR-CO-13") {
                $0.totals.taxExclusiveAmount = d("241.00")
                $0.totals.taxInclusiveAmount = d("289.00")
                $0.totals.amountDue = d("239.00")
            },
            CoreCase("BR-CO-14") {
                $0.totals.vatTotal = d("47.00")
                $0.totals.taxInclusiveAmount = d("287.00")
                $0.totals.amountDue = d("237.00")
            },
            CoreCase("BR-CO-15") {
                $0.totals.taxInclusiveAmount = d("289.00")
                $0.totals.amountDue = d("239.00")
            },
            CoreCase("BR-CO-16") { $0.totals.amountDue = d("248.00") },
            CoreCase("BR-CO-17") { CoreCoherenceTests.setBreakdownTax(&$0, d("49.01")) },
            CoreCase("BR-CO-18", "BR-CO-14") { $0.vatBreakdown = [] },
            CoreCase("BR-CO-19") { $0.invoicingPeriod = Period() },
            CoreCase("BR-CO-20") { $0.lines[1].period = Period() },
            CoreCase("BR-CO-21", "BR-33") {
                $0.allowances[0].reason = nil
                $0.allowances[0].reasonCode = nil
            },
            CoreCase("BR-CO-22", "BR-38") {
                $0.charges[0].reason = nil
                $0.charges[0].reasonCode = nil
            },
            CoreCase("BR-CO-23", "BR-42") { $0.lines[0].allowances[0].reason = nil },
            CoreCase("BR-CO-24", "BR-44") { $0.lines[0].charges[0].reasonCode = nil },
            CoreCase("BR-CO-26") {
                $0.seller.legalRegistrationIdentifier = nil
                $0.seller.vatIdentifier = nil
            },
            CoreCase("BR-DEC-01") { $0.allowances[0].amount = d("10.000") },
            CoreCase("BR-DEC-02") { $0.allowances[0].baseAmount = d("242.001") },
            CoreCase("BR-DEC-05") { $0.charges[0].amount = d("8.000") },
            CoreCase("BR-DEC-06") { $0.charges[0].baseAmount = d("100.125") },
            CoreCase("BR-DEC-09") { $0.totals.lineNetTotal = d("242.000") },
            CoreCase("BR-DEC-10") { $0.totals.allowanceTotal = d("10.000") },
            CoreCase("BR-DEC-11") { $0.totals.chargeTotal = d("8.000") },
            CoreCase("BR-DEC-12") { $0.totals.taxExclusiveAmount = d("240.000") },
            CoreCase("BR-DEC-13") { $0.totals.vatTotal = d("48.000") },
            CoreCase("BR-DEC-14") { $0.totals.taxInclusiveAmount = d("288.000") },
            CoreCase("BR-DEC-15") {
                $0.vatAccountingCurrencyCode = "USD"
                $0.totals.vatTotalInAccountingCurrency = d("52.125")
            },
            CoreCase("BR-DEC-16") { $0.totals.paidAmount = d("50.000") },
            CoreCase("BR-DEC-17") { $0.totals.roundingAmount = d("0.000") },
            CoreCase("BR-DEC-18") { $0.totals.amountDue = d("238.000") },
            CoreCase("BR-DEC-19") { $0.vatBreakdown[0].taxableAmount = d("240.000") },
            CoreCase("BR-DEC-20") { $0.vatBreakdown[0].taxAmount = d("48.000") },
            CoreCase("BR-DEC-23") { $0.lines[1].netAmount = d("120.000") },
            CoreCase("BR-DEC-24") { $0.lines[0].allowances[0].amount = d("5.000") },
            CoreCase("BR-DEC-25") { $0.lines[0].allowances[0].baseAmount = d("125.0000") },
            CoreCase("BR-DEC-27") { $0.lines[0].charges[0].amount = d("2.000") },
            CoreCase("BR-DEC-28") { $0.lines[0].charges[0].baseAmount = d("125.001") },
        ])
    func incoherenceFiresItsRule(_ testCase: CoreCase) {
        let invoice = CoreFixture.invoice(testCase.change)
        #expect(CoreFixture.ruleIDs(invoice) == testCase.expected)
    }

    /// Sets the breakdown's VAT and the totals that follow from it, so that only BR-CO-17 can fire.
    static func setBreakdownTax(_ invoice: inout Invoice, _ tax: Amount) {
        invoice.vatBreakdown[0].taxAmount = tax
        invoice.totals.vatTotal = tax
        invoice.totals.taxInclusiveAmount = d("240.00") + tax
        invoice.totals.amountDue = d("190.00") + tax
    }

    @Test("BR-CO-17 tolerates one unit: CII and in memory include the bound, UBL excludes it")
    func vatAmountTolerance() {
        let atBound = CoreFixture.invoice { CoreCoherenceTests.setBreakdownTax(&$0, d("49.00")) }
        #expect(CoreFixture.ruleIDs(atBound).isEmpty)
        #expect(CoreFixture.ruleIDs(atBound, syntax: .cii).isEmpty)
        #expect(CoreFixture.ruleIDs(atBound, syntax: .ublInvoice) == ["BR-CO-17"])
        let within = CoreFixture.invoice { CoreCoherenceTests.setBreakdownTax(&$0, d("48.99")) }
        #expect(CoreFixture.ruleIDs(within, syntax: .ublInvoice).isEmpty)
    }

    @Test("BR-CO-17 on a zero rate wants a VAT amount that rounds to zero")
    func zeroRate() {
        var invoice = CoreFixture.invoice()
        invoice.vatBreakdown[0].rate = d("0.4")
        invoice.vatBreakdown[0].taxAmount = d("0.49")
        #expect(!CoreFixture.ruleIDs(invoice).contains("BR-CO-17"))
        invoice.vatBreakdown[0].taxAmount = d("0.50")
        #expect(CoreFixture.ruleIDs(invoice).contains("BR-CO-17"))
    }

    @Test("Sums are rounded like XPath round(): halves go up, also for negative sums")
    func xpathRounding() {
        #expect(CoreXPath.round2(d("1.005")) == d("1.01"))
        #expect(CoreXPath.round2(d("-1.005")) == d("-1.00"))
        #expect(CoreXPath.round0(d("-0.5")) == d("0"))
        #expect(CoreXPath.percentRounded2(d("240.00"), d("20")) == d("48.00"))
        #expect(CoreXPath.percentRounded2(d("0.05"), d("10")) == d("0.01"))
    }

    @Test("BR-CO-13 counts a missing BT-107 and BT-108 as zero")
    func taxExclusiveWithoutAllowancesOrCharges() {
        var invoice = CoreFixture.invoice()
        invoice.allowances = []
        invoice.charges = []
        invoice.totals.allowanceTotal = nil
        invoice.totals.chargeTotal = nil
        invoice.totals.taxExclusiveAmount = d("242.00")
        invoice.totals.vatTotal = d("48.40")
        invoice.vatBreakdown[0].taxableAmount = d("242.00")
        invoice.vatBreakdown[0].taxAmount = d("48.40")
        invoice.totals.taxInclusiveAmount = d("290.40")
        invoice.totals.amountDue = d("240.40")
        #expect(CoreFixture.ruleIDs(invoice).isEmpty)
        invoice.totals.allowanceTotal = d("0.00")  // present and matching the (empty) allowances
        #expect(CoreFixture.ruleIDs(invoice).isEmpty)
    }

    @Test("BR-CO-16 with a rounding amount")
    func amountDueWithRounding() {
        var invoice = CoreFixture.invoice()
        invoice.totals.roundingAmount = d("0.40")
        invoice.totals.amountDue = d("238.40")
        #expect(CoreFixture.ruleIDs(invoice).isEmpty)
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice).isEmpty)
        invoice.totals.amountDue = d("238.00")
        #expect(CoreFixture.ruleIDs(invoice) == ["BR-CO-16"])
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice) == ["BR-CO-16"])
    }

    @Test("BR-CO-25 only where the Factur-X EXTENDED schematron checks it")
    func paymentTermsInExtended() {
        var invoice = CoreFixture.invoice()
        invoice.dueDate = nil
        #expect(CoreFixture.ruleIDs(invoice).isEmpty)
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice).isEmpty)
        invoice.processControl.specificationIdentifier = FacturXProfile.extended.guidelineID
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii) == ["BR-CO-25"])
        invoice.paymentTerms = "30 days net"
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii).isEmpty)
    }
}
