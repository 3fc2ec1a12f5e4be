/// How a value is rounded when fraction digits are dropped.
public enum RoundingRule: Sendable {
    /// Commercial rounding, used when amounts are computed: 2.345 → 2.35, −2.345 → −2.35.
    case halfAwayFromZero
    /// XPath `round()`: halves go towards positive infinity (−2.5 → −2). The official schematron
    /// compares amounts this way, so the rules use it to agree with it.
    case halfTowardsPositiveInfinity
    /// Drop the extra digits.
    case towardsZero
}

extension ExactDecimal {
    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let digits = max(lhs.fractionDigits, rhs.fractionDigits)
        return ExactDecimal(mantissa: saturating(lhs.scaled(to: digits), plus: rhs.scaled(to: digits)), fractionDigits: digits)
    }

    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let digits = max(lhs.fractionDigits, rhs.fractionDigits)
        return ExactDecimal(mantissa: saturating(lhs.scaled(to: digits), plus: -rhs.scaled(to: digits)), fractionDigits: digits)
    }

    static func saturating(_ lhs: Int128, plus rhs: Int128) -> Int128 {
        let result = lhs.addingReportingOverflow(rhs)
        if result.overflow { return lhs < 0 ? Int128.min + 1 : Int128.max }
        return result.partialValue
    }

    public static prefix func - (value: ExactDecimal) -> ExactDecimal {
        ExactDecimal(mantissa: -value.mantissa, fractionDigits: value.fractionDigits)
    }

    public static func += (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs + rhs }
    public static func -= (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs - rhs }

    /// The exact product. When the product needs more than 18 fraction digits it is rounded
    /// half away from zero at 18 digits, far below any precision an invoice uses.
    public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let digits = lhs.fractionDigits + rhs.fractionDigits
        let product = lhs.mantissa.multipliedReportingOverflow(by: rhs.mantissa)
        if !product.overflow, digits <= maximumFractionDigits {
            return ExactDecimal(mantissa: product.partialValue, fractionDigits: digits)
        }
        // Drop precision first so that the product fits.
        let left = lhs.normalized()
        let right = rhs.normalized()
        if left.fractionDigits + right.fractionDigits <= maximumFractionDigits {
            let retry = left.mantissa.multipliedReportingOverflow(by: right.mantissa)
            if !retry.overflow {
                return ExactDecimal(mantissa: retry.partialValue, fractionDigits: left.fractionDigits + right.fractionDigits)
            }
        }
        let reducedLeft = left.rounded(to: min(left.fractionDigits, 9), .halfAwayFromZero)
        let reducedRight = right.rounded(to: min(right.fractionDigits, 9), .halfAwayFromZero)
        let last = reducedLeft.mantissa.multipliedReportingOverflow(by: reducedRight.mantissa)
        return ExactDecimal(
            mantissa: last.overflow ? (lhs.isNegative != rhs.isNegative ? Int128.min + 1 : Int128.max) : last.partialValue,
            fractionDigits: reducedLeft.fractionDigits + reducedRight.fractionDigits)
    }

    /// Division rounded half away from zero to `fractionDigits` digits; nil when dividing by zero or on overflow.
    public func divided(by divisor: ExactDecimal, fractionDigits digits: Int) -> ExactDecimal? {
        guard !divisor.isZero else { return nil }
        // value = (a / 10^fa) / (b / 10^fb); result mantissa = a * 10^(digits + fb - fa) / b
        let shift = digits + divisor.fractionDigits - fractionDigits
        var numerator = mantissa
        var denominator = divisor.mantissa
        if shift >= 0 {
            let product = numerator.multipliedReportingOverflow(by: ExactDecimal.powerOfTen(shift + 1))
            guard !product.overflow else { return nil }
            numerator = product.partialValue
        } else {
            let product = denominator.multipliedReportingOverflow(by: ExactDecimal.powerOfTen(-shift))
            guard !product.overflow else { return nil }
            denominator = product.partialValue
            numerator *= 10
        }
        let tenfold = numerator / denominator
        let rounded = tenfold >= 0 ? (tenfold + 5) / 10 : (tenfold - 5) / 10
        return ExactDecimal(mantissa: rounded, fractionDigits: digits)
    }

    /// The value rounded to `digits` fraction digits.
    public func rounded(to digits: Int, _ rule: RoundingRule = .halfAwayFromZero) -> ExactDecimal {
        guard digits < fractionDigits else { return self }
        let divisor = ExactDecimal.powerOfTen(fractionDigits - digits)
        let quotient: Int128
        let remainder: Int128
        if let small = Int64(exactly: mantissa), let smallDivisor = Int64(exactly: divisor) {
            // The same quotient and remainder with the processor's 64-bit division (Int128's is done in software).
            quotient = Int128(small / smallDivisor)
            remainder = Int128(small % smallDivisor)
        } else {
            quotient = mantissa / divisor
            remainder = mantissa % divisor
        }
        let twice = remainder.magnitudeAsSigned * 2
        var result = quotient
        switch rule {
        case .towardsZero:
            break
        case .halfAwayFromZero:
            if twice >= divisor { result += mantissa < 0 ? -1 : 1 }
        case .halfTowardsPositiveInfinity:
            if mantissa >= 0 {
                if twice >= divisor { result += 1 }
            } else if twice > divisor {
                result -= 1
            }
        }
        return ExactDecimal(mantissa: result, fractionDigits: digits)
    }

    /// Sum of a sequence of values.
    public static func sum<S: Sequence>(_ values: S) -> ExactDecimal where S.Element == ExactDecimal {
        values.reduce(ExactDecimal.zero, +)
    }

    /// The same for an array, compiled for it (callers in other modules avoid the generic version).
    public static func sum(_ values: [ExactDecimal]) -> ExactDecimal {
        values.reduce(ExactDecimal.zero, +)
    }
}
