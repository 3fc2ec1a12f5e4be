import EInvoice

/// The arithmetic of the special-contract sums, as XPath does it: `sum()` of untyped values is a double sum,
/// while `xs:decimal` differences are exact.
enum FrenchNumbers {
    /// XPath `xs:decimal(value)` within the range of `ExactDecimal`.
    static func decimal(_ text: String) -> ExactDecimal? {
        try? ExactDecimal(parsing: text.trimmingWhitespace())
    }

    /// The canonical form of an `xs:decimal` of any size (no `+`, no leading or trailing zeros), nil when the
    /// value is not a decimal. Two decimals are equal when their canonical forms are.
    static func canonical(_ text: String) -> String? {
        var scalars = Substring(text.trimmingWhitespace()).unicodeScalars[...]
        var negative = false
        if let sign = scalars.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            scalars = scalars.dropFirst()
        }
        let integer = scalars.prefix { ("0"..."9").contains($0) }
        var fraction = scalars.dropFirst(integer.count)
        if fraction.first == "." { fraction = fraction.dropFirst() } else if !fraction.isEmpty { return nil }
        guard fraction.allSatisfy({ ("0"..."9").contains($0) }), !integer.isEmpty || !fraction.isEmpty else {
            return nil
        }
        var whole = String(String.UnicodeScalarView(integer.drop { $0 == "0" }))
        let decimals = String(String.UnicodeScalarView(fraction.reversed().drop { $0 == "0" }.reversed()))
        if whole.isEmpty { whole = "0" }
        let body = decimals.isEmpty ? whole : whole + "." + decimals
        return negative && body != "0" ? "-" + body : body
    }

    /// XPath cast of an untyped value to `xs:double`.
    static func double(_ text: String) -> Double? {
        let trimmed = text.trimmingWhitespace()
        switch trimmed {
        case "INF": return .infinity
        case "-INF": return -.infinity
        case "NaN": return .nan
        default:
            guard trimmed.unicodeScalars.allSatisfy({ "0123456789.+-eE".unicodeScalars.contains($0) }) else {
                return nil
            }
            return Double(trimmed)
        }
    }

    /// `abs(xs:decimal(own) - sum(values)) <= 0.01 * tolerance`. A missing `own` fails; a value that cannot be
    /// cast stops the official schematron, so nothing is reported then.
    static func withinTolerance(_ own: String?, minusDoubles values: [String], tolerance: Int) -> Bool {
        guard let own else { return false }
        guard let ownValue = canonical(own).flatMap(double) else { return true }
        var sum = 0.0
        for value in values {
            guard let number = double(value) else { return true }
            sum += number
        }
        return abs(ownValue - sum) <= Double(tolerance) / 100
    }

    /// `abs(xs:decimal(first) - xs:decimal(each of others)) <= 0.01 * tolerance`, exactly. A missing operand
    /// fails; one that cannot be cast stops the official schematron, so nothing is reported then.
    static func exactlyWithin(_ first: String, minus others: [String?], tolerance: Int) -> Bool {
        var texts: [String] = []
        for text in [first] + others {
            guard let text else { return false }
            guard let value = canonical(text) else { return true }
            texts.append(value)
        }
        let exact = texts.compactMap(decimal)
        if exact.count == texts.count, let head = exact.first {
            let difference = exact.dropFirst().reduce(head) { $0 - $1 }
            return difference.magnitude <= ExactDecimal(mantissa: Int128(tolerance), fractionDigits: 2)
        }
        // Beyond 19 digits: far outside any tolerance, so doubles decide as well as exact arithmetic would.
        let doubles = texts.compactMap(double)
        guard let head = doubles.first else { return true }
        return abs(doubles.dropFirst().reduce(head, -)) <= Double(tolerance) / 100
    }
}
