import EInvoice

/// How numbers are written in a file: `1234.56` or `1234,56`, optionally with a thousands separator.
public struct NumberFormat: Sendable, Hashable {
    public var decimalComma: Bool
    /// Characters ignored between digits (e.g. a space or `.` in `1 234,56`); empty = none accepted.
    public var thousandsSeparators: Set<Character>

    public init(decimalComma: Bool = false, thousandsSeparators: Set<Character> = []) {
        self.decimalComma = decimalComma
        self.thousandsSeparators = thousandsSeparators
    }

    /// Parses strictly: with a decimal comma, a `.` is refused unless it is a declared thousands separator.
    public func parse(_ text: String) throws(ValueError) -> ExactDecimal {
        var plain = ""
        plain.reserveCapacity(text.utf8.count)
        for character in text {
            if thousandsSeparators.contains(character) { continue }
            if decimalComma {
                if character == "," { plain.append(".") } else if character == "." {
                    throw ValueError("\"\(text)\" uses '.' but this file writes decimals with a comma (1234,56)")
                } else { plain.append(character) }
            } else {
                if character == "," {
                    throw ValueError("\"\(text)\" uses ',' but this file writes decimals with a point (1234.56)")
                }
                plain.append(character)
            }
        }
        do {
            return try ExactDecimal(parsing: plain)
        } catch {
            let example = decimalComma ? "1234,56" : "1234.56"
            throw ValueError("\"\(text)\" is not a number (\(error.reason)); write numbers like \(example)")
        }
    }
}

/// Date patterns such as `dd/MM/yyyy`, `yyyy-MM-dd`, `yyyyMMdd`: `dd` and `MM` take two digits, `d` and `M` one
/// or two, `yyyy` four; any other character must appear as written. The first pattern that reads the text wins.
public struct DateFormats: Sendable, Hashable {
    public var patterns: [String]

    public init(_ patterns: [String]) {
        self.patterns = patterns.isEmpty ? ["yyyy-MM-dd"] : patterns
    }

    public func parse(_ text: String) throws(ValueError) -> CalendarDate {
        for pattern in patterns {
            if let date = Self.read(text, pattern: pattern) { return date }
        }
        throw ValueError("\"\(text)\" is not a date in the format \(patterns.joined(separator: " or "))")
    }

    /// Checks a pattern when the mapping is loaded.
    static func isValid(_ pattern: String) -> Bool {
        pattern.contains("yyyy") && pattern.contains("M") && pattern.contains("d")
    }

    static func read(_ text: String, pattern: String) -> CalendarDate? {
        let input = Array(text.utf8)
        let format = Array(pattern.utf8)
        var position = 0
        var index = 0
        var day: Int?
        var month: Int?
        var year: Int?
        func digits(minimum: Int, maximum: Int) -> Int? {
            var value = 0
            var count = 0
            while count < maximum, position < input.count, (48...57).contains(input[position]) {
                value = value * 10 + Int(input[position] - 48)
                position += 1
                count += 1
            }
            return count >= minimum ? value : nil
        }
        func run(of byte: UInt8) -> Int {
            var length = 0
            while index + length < format.count, format[index + length] == byte { length += 1 }
            return length
        }
        while index < format.count {
            let byte = format[index]
            switch byte {
            case UInt8(ascii: "d"), UInt8(ascii: "M"), UInt8(ascii: "y"):
                let length = run(of: byte)
                let value: Int?
                if byte == UInt8(ascii: "y") {
                    guard length == 4 else { return nil }
                    value = digits(minimum: 4, maximum: 4)
                } else {
                    value = length >= 2 ? digits(minimum: 2, maximum: 2) : digits(minimum: 1, maximum: 2)
                }
                guard let value else { return nil }
                if byte == UInt8(ascii: "d") { day = value } else if byte == UInt8(ascii: "M") { month = value } else {
                    year = value
                }
                index += length
            default:
                guard position < input.count, input[position] == byte else { return nil }
                position += 1
                index += 1
            }
        }
        guard position == input.count, let day, let month, let year else { return nil }
        return CalendarDate(text: CalendarDate(year: year, month: month, day: day).isoText)
    }
}

extension DecimalParseError {
    /// The reason without the advice on how to write a number (which depends on the file's conventions).
    var reason: String {
        switch self {
        case .empty: "empty"
        case .unexpectedCharacter(let character, let offset): "unexpected '\(character)' at position \(offset + 1)"
        case .tooManyFractionDigits(let count): "\(count) decimals, at most 18"
        case .tooLarge: "too large"
        }
    }
}

/// A value that does not fit its field; the message says what was expected.
public struct ValueError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
