/// The lexical checks of the FNFE-MPE BR-FR schematron 1.4.0, on values exactly as the source writes them.
///
/// XPath details are kept: `\d` is any Unicode decimal digit, lengths count characters (code points),
/// and whitespace is trimmed only where the official test calls `normalize-space`.
enum FrenchText {
    static func isXMLSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    /// XPath `normalize-space`: trims and collapses runs of whitespace to one space.
    static func normalizeSpace(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isXMLSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// XPath `string-length`.
    static func length(_ text: String) -> Int { text.unicodeScalars.count }

    /// XPath `substring(text, 1, count)`.
    static func prefix(_ text: String, _ count: Int) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: text.unicodeScalars.prefix(count))
        return result
    }

    /// The regular-expression class `\d`: any Unicode decimal digit.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }

    /// `^\d{count}$`.
    static func isDigits(_ text: String, count: Int) -> Bool {
        let scalars = text.unicodeScalars
        return scalars.count == count && scalars.allSatisfy(isDigit)
    }

    /// BR-FR-02: letters, digits and `+ - _ /` only, without any space (custom:is-valid-id-format).
    static func isValidDocumentIdentifier(_ text: String) -> Bool {
        let normalized = normalizeSpace(text)
        guard !normalized.isEmpty, !text.unicodeScalars.contains(" ") else { return false }
        return normalized.unicodeScalars.allSatisfy { scalar in
            isASCIIAlphanumeric(scalar) || scalar == "+" || scalar == "-" || scalar == "_" || scalar == "/"
        }
    }

    /// BR-FR-23 / BR-FR-24: letters, digits and `+ - _ .` only (custom:is-valid-schemeid-format).
    static func isValidSchemeIdentifier(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        return !scalars.isEmpty
            && scalars.allSatisfy { scalar in
                isASCIIAlphanumeric(scalar) || scalar == "+" || scalar == "-" || scalar == "_" || scalar == "."
            }
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// BR-FR-03 for CII: the first 8 characters are a real date `YYYYMMDD` of the years 2000 to 2099.
    static func isValidCIIDate(_ text: String) -> Bool {
        let digits = Array(prefix(text, 8).unicodeScalars)
        guard digits.count == 8, digits.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        return isValidDate(year: number(digits[0..<4]), month: number(digits[4..<6]), day: number(digits[6..<8]))
    }

    /// BR-FR-03 for UBL: exactly `YYYY-MM-DD`, a real date of the years 2000 to 2099.
    static func isValidUBLDate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-" else { return false }
        let digits = Array(scalars[0..<4] + scalars[5..<7] + scalars[8..<10])
        guard digits.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        return isValidDate(year: number(digits[0..<4]), month: number(digits[4..<6]), day: number(digits[6..<8]))
    }

    private static func number(_ digits: ArraySlice<Unicode.Scalar>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1.value - 48) }
    }

    static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        guard (2000...2099).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let maximum =
            switch month {
            case 2: leap ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        return day <= maximum
    }

    /// `^[-]?\d{1,19}(\.\d{1,fraction})?$` and at most 19 characters besides the dot
    /// (custom:is-valid-decimal-19-2, -19-4, -19-6 and, without sign, -19-6-positive).
    static func isDecimal(_ text: String, fractionDigits fraction: Int, signed: Bool = true) -> Bool {
        isNumber(text, integerDigits: 19, fractionDigits: fraction, signed: signed, maximumLength: 19)
    }

    /// `^\d{1,4}(\.\d{1,2})?$` and at most 4 digits (custom:is-valid-percent-4-2-positive).
    static func isPercent(_ text: String) -> Bool {
        isNumber(text, integerDigits: 4, fractionDigits: 2, signed: false, maximumLength: 4)
    }

    private static func isNumber(
        _ text: String, integerDigits: Int, fractionDigits: Int, signed: Bool,
        maximumLength: Int
    ) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if signed, scalars.first == "-" { scalars = scalars.dropFirst() }
        let integer = scalars.prefix(while: isDigit)
        guard (1...integerDigits).contains(integer.count) else { return false }
        let rest = scalars.dropFirst(integer.count)
        if let dot = rest.first {
            guard dot == "." else { return false }
            let fraction = rest.dropFirst()
            guard (1...fractionDigits).contains(fraction.count), fraction.allSatisfy(isDigit) else { return false }
        }
        return text.unicodeScalars.filter { $0 != "." }.count <= maximumLength
    }

    /// BR-FR-10 / BR-FR-32: a SIREN is 9 digits once trimmed.
    static func isSIREN(_ text: String) -> Bool { isDigits(normalizeSpace(text), count: 9) }

    /// custom:check-siret-siren-coherence: a SIRET is 14 digits and starts with the SIREN.
    static func isSIRET(_ siret: String, of siren: String?) -> Bool {
        guard let siren else { return false }
        return isDigits(siret, count: 14) && prefix(siret, 9) == siren
    }

    /// XPath `starts-with`.
    static func startsWith(_ text: String, _ start: String) -> Bool {
        text.unicodeScalars.starts(with: start.unicodeScalars)
    }

    /// XPath string order (`lt`, `ge` on untyped values): Unicode code point order.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }

    /// Number of non-overlapping occurrences of `needle`, left to right (what `tokenize` and `replace` count).
    static func occurrences(of needle: String, in text: String) -> Int {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return 0 }
        var count = 0
        var index = 0
        while index + pattern.count <= haystack.count {
            if haystack[index..<(index + pattern.count)].elementsEqual(pattern) {
                count += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return count
    }

    /// XPath `substring-after` (nil when `needle` does not occur).
    static func after(_ needle: String, in text: String) -> String? {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        guard haystack.count >= pattern.count else { return nil }
        for index in 0...(haystack.count - pattern.count)
        where haystack[index..<(index + pattern.count)].elementsEqual(pattern) {
            var rest = ""
            rest.unicodeScalars.append(contentsOf: haystack[(index + pattern.count)...])
            return rest
        }
        return nil
    }

    /// XPath `substring-before` (the whole text when `needle` does not occur).
    static func before(_ needle: String, in text: String) -> String {
        guard let rest = after(needle, in: text) else { return text }
        return prefix(text, length(text) - length(rest) - length(needle))
    }
}
