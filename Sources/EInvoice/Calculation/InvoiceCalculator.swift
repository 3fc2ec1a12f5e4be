/// Computes line net amounts, the VAT breakdown and the document totals from the parts an ERP knows
/// (quantities, prices, rates, allowances and charges), with the rounding EN 16931 prescribes:
/// every amount is rounded to 2 decimals, half away from zero, at the level where the norm defines it.
///
/// - Line net amount (BT-131) = quantity × (net price ÷ base quantity) + line charges − line allowances, rounded.
/// - VAT category taxable amount (BT-116) = Σ line net amounts + Σ document charges − Σ document allowances
///   of that category and rate.
/// - VAT category tax amount (BT-117) = BT-116 × rate ÷ 100, rounded once per category and rate (never summed
///   from rounded line taxes).
/// - Totals BT-106 … BT-115 follow BR-CO-10 … BR-CO-16.
///
/// Credit notes and negative lines need no special case: signs flow through the same sums.
public struct InvoiceCalculator: Sendable {
    /// Fraction digits for amounts (BR-DEC rules allow at most 2).
    public var amountDigits = 2

    public init() {}

    /// BT-131 for one line.
    public func lineNetAmount(_ line: InvoiceLine) -> Amount {
        let netPrice = line.price.netPrice ?? .zero
        let unitPrice: ExactDecimal
        if let base = line.price.baseQuantity?.value, !base.isZero {
            unitPrice = netPrice.divided(by: base, fractionDigits: 12) ?? netPrice
        } else {
            unitPrice = netPrice
        }
        var amount = ((line.quantity?.value ?? .zero) * unitPrice).rounded(to: amountDigits)
        amount += Self.sum(of: line.charges)
        amount -= Self.sum(of: line.allowances)
        return amount.withFractionDigits(amountDigits)
    }

    /// Σ amounts of allowances or charges (a missing amount counts as zero), added in order from zero.
    static func sum(of items: [AllowanceCharge]) -> ExactDecimal {
        var total = ExactDecimal.zero
        for index in items.indices { total += items[index].amount ?? .zero }
        return total
    }

    /// An allowance or charge amount from its base and percentage (BT-92 = BT-93 × BT-94 ÷ 100), rounded.
    public func amount(base: Amount, percentage: ExactDecimal) -> Amount {
        (base * percentage).divided(by: .hundred, fractionDigits: amountDigits) ?? .zero
    }

    /// Fills BT-131 on every line, BG-23 and BG-22 (keeping BT-113 paid amount and BT-114 rounding amount).
    public func complete(_ invoice: consuming Invoice) -> Invoice {
        // Consuming: the caller's last use hands over the invoice, so its lines are updated in place, not copied.
        for index in invoice.lines.indices { fillNetAmount(&invoice.lines[index]) }
        invoice.vatBreakdown = vatBreakdown(invoice)
        invoice.totals = totals(invoice, vatBreakdown: invoice.vatBreakdown)
        return consume invoice
    }

    /// BT-131 of a line, computed in place (reading the line through `inout` borrows it; an array subscript
    /// read would copy every field).
    private func fillNetAmount(_ line: inout InvoiceLine) {
        line.netAmount = lineNetAmount(line)
    }

    /// BG-23: one entry per VAT category and rate, in first-seen order. Exemption reasons already on the
    /// invoice for a category are kept.
    public func vatBreakdown(_ invoice: Invoice) -> [VATBreakdown] {
        struct Key: Hashable {
            let category: String
            let rate: ExactDecimal?
        }
        // A handful of categories and rates: a list searched in order is cheaper than hashing every key.
        var order: [Key] = []
        var sums: [Amount] = []
        func add(_ key: Key, _ amount: Amount) {
            if let index = order.firstIndex(of: key) {
                sums[index] += amount
            } else {
                order.append(key)
                sums.append(.zero + amount)
            }
        }
        // By index, reading only the terms needed (iterating the lines would copy each whole line).
        let lines = invoice.lines
        for index in lines.indices {
            let vat = lines[index].vat
            add(Key(category: vat.categoryCode, rate: vat.rate?.normalized()), lines[index].netAmount ?? .zero)
        }
        for charge in invoice.charges {
            add(Key(category: charge.vatCategoryCode ?? "", rate: charge.vatRate?.normalized()), charge.amount ?? .zero)
        }
        for allowance in invoice.allowances {
            add(Key(category: allowance.vatCategoryCode ?? "", rate: allowance.vatRate?.normalized()), -(allowance.amount ?? .zero))
        }
        return zip(order, sums).map { key, sum in
            let base = sum.withFractionDigits(amountDigits)
            let rate = key.rate ?? .zero
            let tax = (base * rate).divided(by: .hundred, fractionDigits: amountDigits) ?? .zero
            let existing = invoice.vatBreakdown.first { $0.categoryCode == key.category && $0.rate == key.rate }
            return VATBreakdown(
                taxableAmount: base, taxAmount: tax, categoryCode: key.category,
                rate: key.rate.map { $0.withFractionDigits(max(2, $0.fractionDigits)) },
                exemptionReason: existing?.exemptionReason, exemptionReasonCode: existing?.exemptionReasonCode)
        }
    }

    /// BG-22 from the lines, the document allowances and charges and a VAT breakdown.
    public func totals(_ invoice: Invoice, vatBreakdown: [VATBreakdown]) -> DocumentTotals {
        var totals = DocumentTotals()
        let lines = invoice.lines
        var lineNetSum = ExactDecimal.zero
        for index in lines.indices { lineNetSum += lines[index].netAmount ?? .zero }
        totals.lineNetTotal = lineNetSum.withFractionDigits(amountDigits)
        let allowances = Self.sum(of: invoice.allowances).withFractionDigits(amountDigits)
        let charges = Self.sum(of: invoice.charges).withFractionDigits(amountDigits)
        totals.allowanceTotal = invoice.allowances.isEmpty ? nil : allowances
        totals.chargeTotal = invoice.charges.isEmpty ? nil : charges
        let lineNetTotal = totals.lineNetTotal ?? .zero
        let taxExclusive = lineNetTotal - allowances + charges
        totals.taxExclusiveAmount = taxExclusive
        var vatSum = ExactDecimal.zero
        for breakdown in vatBreakdown { vatSum += breakdown.taxAmount ?? .zero }
        let vat = vatSum.withFractionDigits(amountDigits)
        totals.vatTotal = vat
        totals.vatTotalInAccountingCurrency = invoice.totals.vatTotalInAccountingCurrency
        let taxInclusive = taxExclusive + vat
        totals.taxInclusiveAmount = taxInclusive
        totals.paidAmount = invoice.totals.paidAmount
        totals.roundingAmount = invoice.totals.roundingAmount
        totals.amountDue = taxInclusive - (totals.paidAmount ?? .zero) + (totals.roundingAmount ?? .zero)
        return totals
    }
}
