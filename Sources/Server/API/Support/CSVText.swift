/// Writes CSV for spreadsheets and accounting imports: `;` between cells, CRLF between rows, UTF-8, decimals with
/// a point as the API writes them.
///
/// Safe to open in a spreadsheet: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
/// prefixed with `'`, so that it is shown as text and never run as a formula (CSV injection). A cell holding `;`,
/// `"`, a line break or that was neutralised is quoted, with `"` doubled.
enum CSVText {
    static let separator = ";"

    static func document(header: [String], rows: [[String]]) -> [UInt8] {
        var text = line(header)
        for row in rows { text += line(row) }
        return Array(text.utf8)
    }

    static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: separator) + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        let needsQuotes = text.unicodeScalars.contains { ";\"\n\r".unicodeScalars.contains($0) }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
