import EInvoice

/// Amounts, quantities, rates and dates written the way a French or English reader expects:
/// `1 234,56 €` and `02/11/2026`, or `€1,234.56` and `2 Nov 2026`. Works on `ExactDecimal` digits, never binary floating point.
struct NumberFormatting: Sendable {
    let language: InvoiceLanguage
    let currencyCode: String

    /// A no-break space, so that "1 234,56 €" never breaks across lines.
    static let noBreakSpace = "\u{00A0}"

    /// An amount with 2 decimals and the currency.
    func amount(_ value: ExactDecimal?) -> String {
        guard let value else { return "" }
        let digits = grouped(value.withFractionDigits(2))
        let symbol = currencySymbol
        switch language {
        case .french:
            return digits + Self.noBreakSpace + (symbol ?? currencyCode)
        case .english:
            guard let symbol else { return digits + Self.noBreakSpace + currencyCode }
            return digits.hasPrefix("-") ? "-" + symbol + digits.dropFirst() : symbol + digits
        }
    }

    /// A unit price: at least 2 decimals, more when the price has them (up to 6), no currency.
    func price(_ value: ExactDecimal?) -> String {
        guard let value else { return "" }
        let significant = min(max(value.significantFractionDigits, 2), 6)
        return grouped(value.withFractionDigits(significant))
    }

    /// A quantity with only the decimals it needs (`3`, `2,5`).
    func quantity(_ value: ExactDecimal?) -> String {
        guard let value else { return "" }
        return grouped(value.withFractionDigits(min(value.significantFractionDigits, 6)))
    }

    /// A percentage: `20 %` in French, `20%` in English.
    func percent(_ value: ExactDecimal?) -> String {
        guard let value else { return "" }
        let number = quantity(value)
        return language == .french ? number + Self.noBreakSpace + "%" : number + "%"
    }

    func date(_ value: CalendarDate?) -> String {
        guard let value else { return "" }
        switch language {
        case .french:
            return two(value.day) + "/" + two(value.month) + "/" + String(value.year)
        case .english:
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return String(value.day) + " " + months[max(0, min(11, value.month - 1))] + " " + String(value.year)
        }
    }

    /// An IBAN in groups of four characters, as printed on bank documents.
    static func iban(_ value: String) -> String {
        if let ascii = asciiIBAN(value) { return ascii }
        let compact = value.filter { !$0.isWhitespace }
        guard compact.count > 8, compact.prefix(2).allSatisfy(\.isLetter) else { return value }
        var result = ""
        for (index, character) in compact.enumerated() {
            if index > 0 && index % 4 == 0 { result += " " }
            result.append(character)
        }
        return result
    }

    /// `iban(_:)` for ASCII text (every real IBAN), on bytes; nil for other text.
    private static func asciiIBAN(_ value: String) -> String? {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        // Character.isWhitespace on ASCII: space, tab, LF, vertical tab, form feed, CR.
        let compact = value.utf8.filter { $0 != 0x20 && !(0x09...0x0D).contains($0) }
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard compact.count > 8, isLetter(compact[0]), isLetter(compact[1]) else { return value }
        var result: [UInt8] = []
        result.reserveCapacity(compact.count + compact.count / 4)
        for (index, byte) in compact.enumerated() {
            if index > 0 && index % 4 == 0 { result.append(0x20) }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    private var currencySymbol: String? {
        switch currencyCode {
        case "EUR": "€"
        case "USD": "$"
        case "GBP": "£"
        case "JPY": "¥"
        default: nil
        }
    }

    /// Digits with thousands grouped and the decimal separator of the language.
    private func grouped(_ value: ExactDecimal) -> String {
        let plain = Self.plainDigits(value)
        var result: [UInt8] = []
        result.reserveCapacity(plain.count + 8)
        var start = 0
        if plain.first == UInt8(ascii: "-") {
            result.append(UInt8(ascii: "-"))
            start = 1
        }
        let dot = plain.firstIndex(of: UInt8(ascii: ".")) ?? plain.count
        let integerDigits = dot - start
        for index in start..<dot {
            let position = index - start
            if position > 0 && (integerDigits - position) % 3 == 0 {
                if language == .french {
                    result += [0xC2, 0xA0]  // U+00A0 in UTF-8
                } else {
                    result.append(UInt8(ascii: ","))
                }
            }
            result.append(plain[index])
        }
        if dot < plain.count {
            result.append(language == .french ? UInt8(ascii: ",") : UInt8(ascii: "."))
            result += plain[(dot + 1)...]
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `ExactDecimal.description` as bytes, without going through Int128 text conversion for everyday magnitudes.
    static func plainDigits(_ value: ExactDecimal) -> [UInt8] {
        guard let small = Int64(exactly: value.mantissa), small != Int64.min else { return Array(value.description.utf8) }
        var magnitude = small.magnitude
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        while digits.count <= value.fractionDigits { digits.append(UInt8(ascii: "0")) }
        var result: [UInt8] = small < 0 ? [UInt8(ascii: "-")] : []
        result.reserveCapacity(digits.count + 2)
        for (index, digit) in digits.enumerated().reversed() {
            result.append(digit)
            if index == value.fractionDigits && index > 0 { result.append(UInt8(ascii: ".")) }
        }
        return result
    }

    private func two(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
}
