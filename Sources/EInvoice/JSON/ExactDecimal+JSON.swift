import Foundation

/// A decimal is written as a JSON string that keeps its digits ("1234.50") and read from a string or a number.
///
/// - A string must be plain decimal notation: `-?[0-9]+(\.[0-9]+)?` ("1,5", "12abc", "", "1.", "+1", "1e2" are refused),
///   with at most 19 integer and 18 fraction digits.
/// - A JSON number is read exactly from its text, as `InvoiceJSON.decode` parsed it: 0.1 is 0.1 and 1.50 keeps its
///   two digits. Exponents are applied exactly (1e2 is 100, 2.50E-1 is 0.250). Through another decoder such as
///   JSONDecoder, a number is read as a Foundation `Decimal` (exact, but trailing zeros are lost).
extension ExactDecimal: Codable {
    public init(from decoder: any Decoder) throws {
        if let tree = decoder as? JSONTreeDecoder {
            switch tree.kind {
            case .string:
                self = try Self.decoded(tree.document.string(tree.index), codingPath: decoder) { text throws(DecimalParseError) in
                    try ExactDecimal(jsonString: text)
                }
                return
            case .number:
                self = try Self.decoded(tree.document.numberText(tree.index), codingPath: decoder) { text throws(DecimalParseError) in
                    try ExactDecimal(jsonNumber: text)
                }
                return
            default:
                break
            }
        } else {
            let single = try decoder.singleValueContainer()
            if let text = try? single.decode(String.self) {
                self = try Self.decoded(text, codingPath: decoder) { text throws(DecimalParseError) in
                    try ExactDecimal(jsonString: text)
                }
                return
            }
            if let decimal = try? single.decode(Decimal.self) {
                self = try Self.decoded(decimal.description, codingPath: decoder) { text throws(DecimalParseError) in
                    try ExactDecimal(parsing: text)
                }
                return
            }
        }
        let problem = JSONProblem.wrongType(expected: .decimal, found: decoder.foundKind())
        throw DecodingError.typeMismatch(
            ExactDecimal.self,
            DecodingError.Context(codingPath: decoder.codingPath, debugDescription: problem.english, underlyingError: problem))
    }

    public func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(description)
    }

    private static func decoded(
        _ text: String, codingPath decoder: any Decoder, _ parse: (String) throws(DecimalParseError) -> ExactDecimal
    ) throws -> ExactDecimal {
        do {
            return try parse(text)
        } catch {
            let problem = JSONProblem.notADecimal(text: text, reason: error)
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: problem.english, underlyingError: problem))
        }
    }

    /// A decimal string of the canonical JSON: `-?[0-9]+(\.[0-9]+)?`, then the strict parser's limits.
    init(jsonString text: String) throws(DecimalParseError) {
        let utf8 = text.utf8
        guard !utf8.isEmpty else { throw .empty }
        var index = utf8.startIndex
        var offset = 0
        func skipDigits() -> Int {
            var count = 0
            while index < utf8.endIndex, Self.isDigit(utf8[index]) {
                utf8.formIndex(after: &index)
                count += 1
            }
            offset += count
            return count
        }
        if utf8[index] == UInt8(ascii: "-") {
            utf8.formIndex(after: &index)
            offset += 1
        }
        var valid = skipDigits() > 0
        if valid, index < utf8.endIndex, utf8[index] == UInt8(ascii: ".") {
            utf8.formIndex(after: &index)
            offset += 1
            valid = skipDigits() > 0
        }
        guard valid, index == utf8.endIndex else {
            let at = index < utf8.endIndex ? index : utf8.index(before: utf8.endIndex)
            throw .unexpectedCharacter(Character(Unicode.Scalar(utf8[at])), offset: index < utf8.endIndex ? offset : offset - 1)
        }
        try self.init(parsing: text)
    }

    /// The text of a JSON number (already checked by `JSONParser`), exponent included, without rounding.
    init(jsonNumber text: String) throws(DecimalParseError) {
        let parts = text.split(whereSeparator: { $0 == "e" || $0 == "E" }).map(String.init)
        var value = try ExactDecimal(parsing: parts.first ?? "")
        guard parts.count == 2 else {
            self = value
            return
        }
        // The exponent; beyond ±60 no result fits 19 integer and 18 fraction digits anyway.
        guard let exponent = Int(parts[1]), abs(exponent) <= 60 else {
            throw (parts[1].hasPrefix("-") ? .tooManyFractionDigits(61) : .tooLarge)
        }
        if value.isZero {
            self.init(mantissa: 0, fractionDigits: max(value.fractionDigits - exponent, 0))
            return
        }
        if value.fractionDigits - exponent > ExactDecimal.maximumFractionDigits {
            value = value.normalized()
        }
        let shifted = value.fractionDigits - exponent
        guard shifted <= ExactDecimal.maximumFractionDigits else { throw .tooManyFractionDigits(shifted) }
        if shifted >= 0 {
            self.init(mantissa: value.mantissa, fractionDigits: shifted)
        } else {
            guard -shifted <= ExactDecimal.maximumIntegerDigits else { throw .tooLarge }
            let product = value.mantissa.multipliedReportingOverflow(by: ExactDecimal.powerOfTen(-shifted))
            guard !product.overflow else { throw .tooLarge }
            self.init(mantissa: product.partialValue, fractionDigits: 0)
        }
        // The same bound on integer digits as the parser's.
        let integerPart = mantissa.magnitudeAsSigned / ExactDecimal.powerOfTen(fractionDigits)
        guard integerPart < ExactDecimal.powerOfTen(ExactDecimal.maximumIntegerDigits) else { throw .tooLarge }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
