import EInvoice
import EInvoiceRules
import EInvoiceSyntax
import Testing

@Suite("VAT category rules")
struct VATCategoryRulesTests {
    @Test("The fixture of every category is valid in both readings", arguments: VATFixtures.categoryCodes)
    func fixtureIsValid(_ code: String) throws {
        let invoice = VATFixtures.invoice(code)
        #expect(invoice.vatBreakdown.count == 1)
        for syntax in [InvoiceSyntax.cii, .ublInvoice, nil] {
            let findings = try VATFixtures.findings(invoice, syntax)
            #expect(findings.isEmpty, "\(code) \(String(describing: syntax)): \(findings.map(\.ruleID))")
        }
    }

    @Test("A minimal breaking change fires its rule", arguments: VATBreakingChange.all)
    func breakingChangeFires(_ breaking: VATBreakingChange) throws {
        var invoice = VATFixtures.invoice(breaking.category)
        breaking.change(&invoice)
        let findings = try VATFixtures.findings(invoice, breaking.syntax)
        let finding = try #require(findings.first { $0.ruleID == breaking.ruleID }, "fired: \(findings.map(\.ruleID))")
        #expect(finding.severity == .fatal)
        #expect(!finding.terms.isEmpty)
        #expect(!finding.message.english.isEmpty && !finding.message.french.isEmpty)
    }

    @Test("Every rule id of the group has a breaking change")
    func everyRuleIsCovered() {
        let covered = Set(VATBreakingChange.all.map(\.ruleID))
        let declared = Set(RuleGroups.vatCategories.ruleIDs)
        #expect(declared.count == 96)
        #expect(declared == covered)
    }

    @Test("BR-S-09 tells what the tax should be")
    func standardRatedTaxMessage() throws {
        var invoice = VATFixtures.invoice("S")
        invoice.vatBreakdown[0].taxableAmount = VATFixtures.decimal("100.00")
        invoice.vatBreakdown[0].taxAmount = VATFixtures.decimal("19.00")
        let finding = try #require(try VATFixtures.findings(invoice, .cii).first { $0.ruleID == "BR-S-09" })
        #expect(
            finding.message.english.contains(
                "VAT category S with rate 20 has taxable amount 100.00, so its tax (BT-117) should be 20.00, not 19.00")
        )
        #expect(finding.message.french.contains("devrait être 20.00, et non 19.00"))
        #expect(finding.terms.contains("BT-117"))
    }

    @Test("BR-S-09 accepts a tax within one unit of the rounded product, as the schematrons do")
    func standardRatedTaxTolerance() throws {
        var invoice = VATFixtures.invoice("S")
        invoice.vatBreakdown[0].taxAmount = VATFixtures.decimal("25.99")  // 125.25 × 20 % = 25.05
        #expect(try !VATFixtures.firedIDs(invoice, .ublInvoice).contains("BR-S-09"))
        invoice.vatBreakdown[0].taxAmount = VATFixtures.decimal("26.05")
        #expect(try VATFixtures.firedIDs(invoice, .ublInvoice).contains("BR-S-09"))
    }

    @Test("BR-S-08 sums per rate: a second rate needs its own breakdown amount")
    func standardRatedPerRate() throws {
        var invoice = VATFixtures.invoice("S")
        invoice.lines[1].vat.rate = 10
        invoice = InvoiceCalculator().complete(invoice)
        #expect(invoice.vatBreakdown.count == 2)
        #expect(try VATFixtures.firedIDs(invoice, .cii).isEmpty)
        invoice.vatBreakdown[1].taxableAmount = VATFixtures.decimal("30.00")  // the 10 % line is 30.25
        #expect(try VATFixtures.firedIDs(invoice, .cii) == ["BR-S-08"])
    }
}
