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
        let compact = value.filter { !$0.isWhitespace }
        guard compact.count > 8, compact.prefix(2).allSatisfy(\.isLetter) else { return value }
        var result = ""
        for (index, character) in compact.enumerated() {
            if index > 0 && index % 4 == 0 { result += " " }
            result.append(character)
        }
        return result
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
        let plain = value.description
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? plain.dropFirst() : Substring(plain)
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts.first ?? "0")
        let separator = language == .french ? Self.noBreakSpace : ","
        var result = ""
        for (index, digit) in integer.enumerated() {
            if index > 0 && (integer.count - index) % 3 == 0 { result += separator }
            result.append(digit)
        }
        if parts.count > 1 {
            result += language == .french ? "," : "."
            result += parts[1]
        }
        return negative ? "-" + result : result
    }

    private func two(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
}
