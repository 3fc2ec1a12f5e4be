/// Why a text is not a decimal number.
public enum DecimalParseError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case unexpectedCharacter(Character, offset: Int)
    case tooManyFractionDigits(Int)
    case tooLarge

    public var description: String {
        switch self {
        case .empty: "an empty value is not a number"
        case let .unexpectedCharacter(character, offset):
            "unexpected character '\(character)' at position \(offset + 1); write numbers like 1234.56 (a dot, no thousands separator)"
        case let .tooManyFractionDigits(count): "\(count) digits after the decimal point; at most 18 are accepted"
        case .tooLarge: "the number is too large; at most 19 integer digits are accepted"
        }
    }
}

extension ExactDecimal: CustomStringConvertible, LosslessStringConvertible {
    /// Parses a number strictly: an optional sign, digits, an optional dot and digits.
    /// `"1,5"`, `"12abc"`, `"1e3"`, `" 1"` and `"."` are all refused.
    public init(parsing text: some StringProtocol) throws(DecimalParseError) {
        try self.init(digitsOf: text)
    }

    /// The same for a `String`: readers in other modules call this one, which is compiled for `String` rather
    /// than going through the generic version's witness tables.
    public init(parsing text: String) throws(DecimalParseError) {
        try self.init(digitsOf: text)
    }

    public init(parsing text: Substring) throws(DecimalParseError) {
        try self.init(digitsOf: text)
    }

    private init(digitsOf text: some StringProtocol) throws(DecimalParseError) {
        var mantissa: Int128 = 0
        var fractionDigits = 0
        var negative = false
        var seenDot = false
        var seenDigit = false
        var integerDigits = 0
        var offset = 0
        for byte in text.utf8 {
            defer { offset += 1 }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                mantissa = mantissa * 10 + Int128(byte - UInt8(ascii: "0"))
                seenDigit = true
                if !seenDot, mantissa != 0 {
                    integerDigits += 1
                    if integerDigits > ExactDecimal.maximumIntegerDigits { throw .tooLarge }
                }
                if seenDot {
                    fractionDigits += 1
                    if fractionDigits > ExactDecimal.maximumFractionDigits { throw .tooManyFractionDigits(fractionDigits) }
                }
            case UInt8(ascii: "-") where offset == 0:
                negative = true
            case UInt8(ascii: "+") where offset == 0:
                break
            case UInt8(ascii: ".") where !seenDot:
                seenDot = true
            default:
                throw .unexpectedCharacter(Character(Unicode.Scalar(byte)), offset: offset)
            }
        }
        guard seenDigit else {
            if offset == 0 { throw .empty }
            throw .unexpectedCharacter(text.last ?? " ", offset: offset - 1)
        }
        self.init(mantissa: negative ? -mantissa : mantissa, fractionDigits: fractionDigits)
    }

    public init?(_ description: String) {
        guard let value = try? ExactDecimal(parsing: description) else { return nil }
        self = value
    }

    /// The plain decimal notation with exactly `fractionDigits` digits after the dot.
    public var description: String {
        let negative = mantissa < 0
        let magnitude = mantissa.magnitudeAsSigned
        if let small = UInt64(exactly: magnitude) {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.textCapacity) { buffer in
                let start = Self.writeText(small, negative: negative, fractionDigits: fractionDigits, into: buffer)
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
            }
        }
        var digits = String(magnitude)
        if fractionDigits > 0 {
            if digits.count <= fractionDigits {
                digits = String(repeating: "0", count: fractionDigits - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -fractionDigits))
        }
        return negative ? "-" + digits : digits
    }

    /// Appends the UTF-8 bytes of `description` (writers call this instead of building a string).
    public func appendDescription(to bytes: inout [UInt8]) {
        let magnitude = mantissa.magnitudeAsSigned
        guard let small = UInt64(exactly: magnitude) else {
            bytes.append(contentsOf: description.utf8)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.textCapacity) { buffer in
            let start = Self.writeText(small, negative: mantissa < 0, fractionDigits: fractionDigits, into: buffer)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// Calls `body` with the UTF-8 bytes of `description` (from a stack buffer when the magnitude fits 64 bits).
    /// Not generic, so that callers in other modules need no generic metadata at run time.
    public func withDescriptionBytes(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let magnitude = mantissa.magnitudeAsSigned
        guard let small = UInt64(exactly: magnitude) else {
            var text = description
            text.withUTF8(body)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.textCapacity) { buffer in
            let start = Self.writeText(small, negative: mantissa < 0, fractionDigits: fractionDigits, into: buffer)
            body(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// Room for a sign, 20 digits of a `UInt64`, a dot and up to 18 fraction digits.
    private static let textCapacity = 48

    /// Writes the text of a magnitude that fits 64 bits at the end of `buffer` (`textCapacity` bytes) and returns
    /// where it starts: the fraction digits (zero-padded), a dot, at least one integer digit, the sign.
    private static func writeText(
        _ magnitude: UInt64, negative: Bool, fractionDigits: Int, into buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var position = buffer.count
        var rest = magnitude
        if fractionDigits > 0 {
            for _ in 0..<fractionDigits {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            position -= 1
            buffer[position] = UInt8(ascii: ".")
        }
        repeat {
            position -= 1
            buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
        if negative {
            position -= 1
            buffer[position] = UInt8(ascii: "-")
        }
        return position
    }
}

extension ExactDecimal: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
