/// UTC timestamps as PDF dates (`D:20261129101500Z`) and XMP dates (`2026-11-29T10:15:00Z`), and PDF dates
/// read back as XMP dates.
struct PDFDateText: Sendable, Equatable {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    /// From seconds since 1970-01-01 UTC (the civil date from `PDFDate`, written here with a `Z` zone).
    init(secondsSince1970 seconds: Int) {
        let date = PDFDate(secondsSince1970: seconds)
        (year, month, day) = (date.year, date.month, date.day)
        (hour, minute, second) = (date.hour, date.minute, date.second)
    }

    var pdf: String { "D:" + pad(year, 4) + pad(month) + pad(day) + pad(hour) + pad(minute) + pad(second) + "Z" }
    var xmp: String { pad(year, 4) + "-" + pad(month) + "-" + pad(day) + "T" + pad(hour) + ":" + pad(minute) + ":" + pad(second) + "Z" }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// A PDF date (`D:YYYYMMDDHHmmSSOHH'mm'`, later parts optional) as an XMP date; nil when it is not one.
    static func xmp(fromPDF text: String) -> String? {
        var digits = Substring(text)
        if digits.hasPrefix("D:") { digits = digits.dropFirst(2) }
        let numbers = digits.prefix { $0.isASCII && $0.isNumber }
        guard numbers.count >= 4 else { return nil }
        func part(_ start: Int, _ length: Int, _ fallback: String) -> String {
            guard numbers.count >= start + length else { return fallback }
            let from = numbers.index(numbers.startIndex, offsetBy: start)
            return String(numbers[from..<numbers.index(from, offsetBy: length)])
        }
        var result = part(0, 4, "") + "-" + part(4, 2, "01") + "-" + part(6, 2, "01")
        guard numbers.count >= 10 else { return result }
        result += "T" + part(8, 2, "00") + ":" + part(10, 2, "00") + ":" + part(12, 2, "00")
        let zone = digits.dropFirst(numbers.count)
        if zone.hasPrefix("Z") || zone.isEmpty { return result + (zone.isEmpty ? "" : "Z") }
        if let sign = zone.first, sign == "+" || sign == "-" {
            let zoneDigits = zone.dropFirst().filter { $0.isNumber }
            guard zoneDigits.count >= 2 else { return result }
            let hours = String(zoneDigits.prefix(2))
            let minutes = zoneDigits.count >= 4 ? String(zoneDigits.dropFirst(2).prefix(2)) : "00"
            return result + String(sign) + hours + ":" + minutes
        }
        return result
    }
}
