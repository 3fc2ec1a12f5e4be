import EInvoice
import Foundation
import Gateway

/// How domain values are written to columns, the same way in both dialects.
enum StoredValues {
    /// Timestamps are integer milliseconds since 1970 (UTC); sub-millisecond precision is not kept.
    static func milliseconds(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        if value >= 9.2e18 { return Int64.max }
        if value <= -9.2e18 { return Int64.min }
        return Int64(value)
    }

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// BT-112 as a comparable integer: the amount × 10^4, so that amounts with up to 4 decimals (EN 16931 allows 2)
    /// compare exactly in SQL. Values beyond ±9.2 × 10^14 saturate; the exact text is stored beside it.
    static let amountScale = 4

    static func scaledAmount(_ amount: ExactDecimal) -> Int64 {
        scaled(amount, rounding: .down)
    }

    /// A filter bound scaled like stored amounts: a lower bound rounds up and an upper bound rounds down, so that
    /// `stored >= bound` and `stored <= bound` stay exact for stored amounts with at most 4 decimals.
    static func scaledBound(_ amount: ExactDecimal, lower: Bool) -> Int64 {
        scaled(amount, rounding: lower ? .up : .down)
    }

    enum Direction { case up, down }

    private static func scaled(_ amount: ExactDecimal, rounding: Direction) -> Int64 {
        var mantissa = amount.mantissa
        var digits = amount.fractionDigits
        while digits < amountScale {
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: 10)
            if overflow { return mantissa < 0 ? Int64.min : Int64.max }
            mantissa = product
            digits += 1
        }
        if digits > amountScale {
            var divisor: Int128 = 1
            for _ in 0..<(digits - amountScale) { divisor *= 10 }
            let (quotient, remainder) = mantissa.quotientAndRemainder(dividingBy: divisor)
            mantissa = quotient
            // Int128 division truncates toward zero: adjust to floor (down) or ceiling (up).
            if remainder != 0 {
                if rounding == .down, remainder < 0 { mantissa -= 1 }
                if rounding == .up, remainder > 0 { mantissa += 1 }
            }
        }
        if mantissa > Int128(Int64.max) { return Int64.max }
        if mantissa < Int128(Int64.min) { return Int64.min }
        return Int64(mantissa)
    }

    static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func json<Value: Encodable>(_ value: Value) throws -> String {
        do {
            return String(decoding: try jsonEncoder.encode(value), as: UTF8.self)
        } catch {
            throw StoreError.unavailable("could not encode \(Value.self) as JSON")
        }
    }

    static func decodeJSON<Value: Decodable>(_ type: Value.Type, from text: String, what: String) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw StoreError.unavailable("stored \(what) is not readable JSON")
        }
    }

    /// Scopes as stored: sorted raw values joined by spaces. Unknown scopes (from a newer version) are ignored.
    static func scopesText(_ scopes: Set<Scope>) -> String {
        scopes.map(\.rawValue).sorted().joined(separator: " ")
    }

    static func scopes(_ text: String) -> Set<Scope> {
        Set(text.split(separator: " ").compactMap { Scope(rawValue: String($0)) })
    }
}
