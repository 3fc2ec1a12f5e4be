import Testing
@testable import EInvoice

@Suite("Invoice calculator")
struct InvoiceCalculatorTests {
    func decimal(_ text: String) -> ExactDecimal {
        ExactDecimal(text) ?? .zero
    }

    func line(_ id: String, quantity: String, price: String, category: String = "S", rate: String? = "20",
              base: String? = nil) -> InvoiceLine {
        InvoiceLine(
            identifier: id, quantity: Quantity(decimal(quantity), unitCode: "C62"), netAmount: nil,
            price: PriceDetails(netPrice: decimal(price), baseQuantity: base.map { Quantity(decimal($0)) }),
            vat: LineVATInformation(categoryCode: category, rate: rate.map(decimal)), item: ItemInformation(name: "Item \(id)"))
    }

    @Test func lineNetAmountRoundsOncePerLine() {
        let calculator = InvoiceCalculator()
        // 3 × 0.335 = 1.005 → 1.01 (half away from zero)
        #expect(calculator.lineNetAmount(line("1", quantity: "3", price: "0.335")) == decimal("1.01"))
        // price per 100 units: 250 × (12.00 / 100) = 30.00
        #expect(calculator.lineNetAmount(line("2", quantity: "250", price: "12", base: "100")) == decimal("30.00"))
        var discounted = line("3", quantity: "2", price: "50")
        discounted.allowances = [AllowanceCharge(amount: decimal("10"))]
        discounted.charges = [AllowanceCharge(amount: decimal("2.5"))]
        #expect(calculator.lineNetAmount(discounted) == decimal("92.50"))
    }

    @Test func vatIsComputedPerCategoryAndRateNotPerLine() {
        var invoice = Invoice()
        // Three lines of 0.33 at 20 %: per-line rounding would give 3 × 0.07 = 0.21; the norm gives round(0.99 × 0.2) = 0.20.
        invoice.lines = (1...3).map { line(String($0), quantity: "1", price: "0.33") }
        invoice.lines.append(line("4", quantity: "1", price: "100", category: "S", rate: "5.5"))
        invoice.lines.append(line("5", quantity: "1", price: "40", category: "E", rate: "0"))
        invoice.allowances = [AllowanceCharge(amount: decimal("10"), vatCategoryCode: "S", vatRate: decimal("5.5"), reason: "Discount")]
        invoice.charges = [AllowanceCharge(amount: decimal("5"), vatCategoryCode: "S", vatRate: decimal("20"), reason: "Freight")]
        let result = InvoiceCalculator().complete(invoice)
        let breakdown = result.vatBreakdown
        #expect(breakdown.count == 3)
        #expect(breakdown[0].categoryCode == "S" && breakdown[0].rate == decimal("20"))
        #expect(breakdown[0].taxableAmount == decimal("5.99"))
        #expect(breakdown[0].taxAmount == decimal("1.20"))
        #expect(breakdown[1].taxableAmount == decimal("90.00"))
        #expect(breakdown[1].taxAmount == decimal("4.95"))
        #expect(breakdown[2].taxAmount == decimal("0.00"))
        #expect(result.totals.lineNetTotal == decimal("140.99"))
        #expect(result.totals.taxExclusiveAmount == decimal("135.99"))
        #expect(result.totals.vatTotal == decimal("6.15"))
        #expect(result.totals.taxInclusiveAmount == decimal("142.14"))
        #expect(result.totals.amountDue == decimal("142.14"))
    }

    @Test func creditNotesAndNegativeLinesUseTheSameSums() {
        var invoice = Invoice()
        invoice.typeCode = "381"
        invoice.lines = [line("1", quantity: "-2", price: "10"), line("2", quantity: "1", price: "5")]
        invoice.totals.paidAmount = decimal("-3.00")
        let result = InvoiceCalculator().complete(invoice)
        #expect(result.isCreditNote)
        #expect(result.totals.lineNetTotal == decimal("-15.00"))
        #expect(result.totals.vatTotal == decimal("-3.00"))
        #expect(result.totals.taxInclusiveAmount == decimal("-18.00"))
        #expect(result.totals.amountDue == decimal("-15.00"))
    }
}
