/// An exact decimal number: an integer mantissa with an explicit number of fractional digits.
///
/// Money, quantities, prices and percentages are all `ExactDecimal`. There is no binary floating point
/// anywhere on the path from input to output. Equality compares values (`1.5 == 1.50`), while
/// `fractionDigits` keeps the written form so that a document is written back as it was read.
public struct ExactDecimal: Sendable, Hashable, Comparable {
    /// The value times 10^fractionDigits.
    public private(set) var mantissa: Int128
    /// The number of digits after the decimal point, 0 ... 18.
    public private(set) var fractionDigits: Int

    public static let maximumFractionDigits = 18
    /// At most 19 integer digits are read, so any parsed value scaled to 18 fraction digits fits in Int128.
    static let maximumIntegerDigits = 19

    public init(mantissa: Int128, fractionDigits: Int) {
        self.mantissa = mantissa
        self.fractionDigits = min(max(fractionDigits, 0), Self.maximumFractionDigits)
    }

    public init(_ integer: Int) {
        self.init(mantissa: Int128(integer), fractionDigits: 0)
    }

    public static let zero = ExactDecimal(0)
    public static let one = ExactDecimal(1)
    public static let hundred = ExactDecimal(100)

    public var isZero: Bool { mantissa == 0 }
    public var isNegative: Bool { mantissa < 0 }
    public var magnitude: ExactDecimal { ExactDecimal(mantissa: mantissa.magnitudeAsSigned, fractionDigits: fractionDigits) }

    /// Number of fractional digits that are significant (trailing zeros removed).
    public var significantFractionDigits: Int {
        var digits = fractionDigits
        var m = mantissa
        while digits > 0, m % 10 == 0 {
            m /= 10
            digits -= 1
        }
        return digits
    }

    static func powerOfTen(_ exponent: Int) -> Int128 {
        if exponent >= 0, exponent < powersOfTen.count { return powersOfTen[exponent] }
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// 10^0 … 10^38, the powers an Int128 holds.
    private static let powersOfTen: [Int128] = (0...38).map { exponent in
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// The same value with `digits` fraction digits; only valid when `digits >= fractionDigits`.
    /// Saturates instead of trapping, so hostile magnitudes cannot crash the process.
    func scaled(to digits: Int) -> Int128 {
        if digits == fractionDigits { return mantissa }
        let result = mantissa.multipliedReportingOverflow(by: Self.powerOfTen(digits - fractionDigits))
        if result.overflow { return mantissa < 0 ? Int128.min + 1 : Int128.max }
        return result.partialValue
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let digits = max(lhs.fractionDigits, rhs.fractionDigits)
        return lhs.scaled(to: digits) == rhs.scaled(to: digits)
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let digits = max(lhs.fractionDigits, rhs.fractionDigits)
        return lhs.scaled(to: digits) < rhs.scaled(to: digits)
    }

    public func hash(into hasher: inout Hasher) {
        let normal = normalized()
        hasher.combine(normal.mantissa)
        hasher.combine(normal.fractionDigits)
    }

    /// The same value without trailing fractional zeros.
    public func normalized() -> ExactDecimal {
        var digits = fractionDigits
        guard digits > 0 else { return self }
        if var small = Int64(exactly: mantissa) {
            // The same steps with the processor's 64-bit division (Int128's is done in software).
            while digits > 0, small % 10 == 0 {
                small /= 10
                digits -= 1
            }
            return ExactDecimal(mantissa: Int128(small), fractionDigits: digits)
        }
        var m = mantissa
        while digits > 0, m % 10 == 0 {
            m /= 10
            digits -= 1
        }
        return ExactDecimal(mantissa: m, fractionDigits: digits)
    }

    /// The same value written with exactly `digits` fraction digits, padding with zeros or rounding
    /// half away from zero.
    public func withFractionDigits(_ digits: Int) -> ExactDecimal {
        if digits >= fractionDigits {
            return ExactDecimal(mantissa: scaled(to: digits), fractionDigits: digits)
        }
        return rounded(to: digits, .halfAwayFromZero)
    }
}

extension Int128 {
    var magnitudeAsSigned: Int128 { self < 0 ? -self : self }
}
