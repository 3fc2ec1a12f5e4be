import EInvoice

/// The binary floating point the official schematrons fall into, reproduced where it decides a result.
///
/// XPath casts an untyped value to `xs:double` as soon as it meets arithmetic with an integer
/// (`cbc:TaxableAmount - 1`) or a comparison with a decimal. The tolerance tests of BR-x-08 and BR-S-09 then
/// compare amounts one unit apart through doubles: `183.23 - 1` is 183.229999…, which is *less* than 183.23. At
/// exactly one unit of difference the official result depends on that noise, so the rules compute the same way.
/// Nowhere else: money in Passerelle is exact.
enum VATXPathArithmetic {
    /// `xs:double` of a decimal written in the source (correctly rounded, as XPath casts).
    static func double(_ value: ExactDecimal) -> Double {
        // Exact fast path (as in strtod): a mantissa of at most 53 bits and a power of ten up to 10^22 are both
        // exact doubles, so their one division is the correctly rounded quotient, the same as parsing the text.
        let mantissa = value.mantissa
        if mantissa.magnitude <= 1 << 53, value.fractionDigits < exactPowersOfTen.count {
            return Double(Int64(mantissa)) / exactPowersOfTen[value.fractionDigits]
        }
        return Double(value.description) ?? .nan
    }

    /// 10^0 … 10^22, each exactly representable as a double.
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// `fn:round` on a double: half towards positive infinity.
    static func round(_ value: Double) -> Double {
        let floor = value.rounded(.down)
        return value - floor >= 0.5 ? floor + 1 : floor
    }

    /// Compares the exact value of a double with a decimal (XPath `xs:decimal(double)` is exact in Saxon).
    /// Returns a negative number, zero or a positive number.
    static func compare(_ double: Double, _ decimal: ExactDecimal) -> Int {
        guard double.isFinite else { return double.isNaN ? 1 : (double < 0 ? -1 : 1) }
        if double == 0 { return decimal.isZero ? 0 : (decimal.isNegative ? 1 : -1) }
        let nearest = self.double(decimal)
        if double != nearest { return double < nearest ? -1 : 1 }
        // Same nearest double: compare exactly. double = significand × 2^exponent, decimal = mantissa ÷ 10^digits,
        // so compare significand × 10^digits × 2^max(exponent, 0) with mantissa × 2^max(−exponent, 0).
        let exponent = Int(double.exponent) - Double.significandBitCount
        let significand = Int128(double.significandBitPattern | (double.isNormal ? 1 << 52 : 0))
        let signed = double < 0 ? -significand : significand
        var left = signed.multipliedReportingOverflow(by: powerOfTen(decimal.fractionDigits))
        var right = (decimal.mantissa, false)
        if exponent >= 0 {
            left = left.partialValue.multipliedReportingOverflow(by: Int128(1) << exponent)
        } else if -exponent < 120 {
            right = decimal.mantissa.multipliedReportingOverflow(by: Int128(1) << -exponent)
        } else {
            right.1 = true
        }
        guard !left.overflow, !right.1 else { return 0 }
        return left.partialValue < right.0 ? -1 : (left.partialValue > right.0 ? 1 : 0)
    }

    private static func powerOfTen(_ exponent: Int) -> Int128 {
        (0..<exponent).reduce(Int128(1)) { value, _ in value * 10 }
    }

    /// UBL BR-S/AF/AG-08: `xs:decimal(TaxableAmount - 1) < sum and xs:decimal(TaxableAmount + 1) > sum`.
    static func withinOneUBL(_ taxable: ExactDecimal?, _ sum: ExactDecimal) -> Bool {
        guard let taxable else { return false }
        let value = double(taxable)
        return compare(value - 1, sum) < 0 && compare(value + 1, sum) > 0
    }

    /// CII BR-Z/E/AE/IC/G-08: `BasisAmount - 1 <= sums and BasisAmount + 1 > sums`, all in doubles.
    static func withinOneCII(_ taxable: ExactDecimal?, _ sum: ExactDecimal) -> Bool {
        guard let taxable else { return false }
        let value = double(taxable)
        let expected = double(sum)
        return value - 1 <= expected && value + 1 > expected
    }

    /// CII BR-S-09: `abs(CalculatedAmount) - 1 < round(abs(BasisAmount) * RateApplicablePercent) div 100`
    /// and `abs(CalculatedAmount) + 1 >` the same, the right-hand side in doubles.
    static func taxWithinOneCII(tax: ExactDecimal, base: ExactDecimal, rate: ExactDecimal) -> Bool {
        let expected = round(double(base.magnitude) * double(rate)) / 100
        return double(tax.magnitude - .one) < expected && double(tax.magnitude + .one) > expected
    }
}
