import EInvoiceSyntax
import Foundation

/// The format of a file sent back to the ERP.
public enum ResultFileFormat: String, Sendable, Hashable, CaseIterable {
    case csv
    case xml

    public var fileExtension: String { rawValue }
}

/// Rows of named cells, written as CSV (`;`, CRLF, UTF-8, a header row) or as XML (one element per row, one
/// attribute per column, the last column optionally as the element's text). Every CSV cell is neutralised against
/// formula injection (a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`), because ERP values end
/// up in these files and the files end up in spreadsheets. XML text loses the control characters XML 1.0 forbids.
struct ResultTable {
    var columns: [String]
    var rows: [[String]] = []

    init(columns: [String]) {
        self.columns = columns
    }

    mutating func append(_ cells: [String]) { rows.append(cells) }

    func csv() -> [UInt8] {
        var text = ErrorReportCSV.row(columns)
        for row in rows { text += ErrorReportCSV.row(row) }
        return Array(text.utf8)
    }

    /// `<root attributes…><row column="…" …>text</row>…</root>`; XML names are the column names in camel case.
    func xml(root: String, rootAttributes: [(String, String?)], row: String, textColumn: String? = nil) -> [UInt8] {
        var writer = XMLWriter()  // writes the XML declaration itself
        writer.open(root, rootAttributes.map { ($0.0, $0.1.map(Self.xmlSafe)) })
        let names = columns.map(Self.camelCase)
        let textIndex = textColumn.flatMap { columns.firstIndex(of: $0) }
        for cells in rows {
            var attributes: [(String, String?)] = []
            for (index, name) in names.enumerated() where index != textIndex && index < cells.count {
                attributes.append((name, cells[index].isEmpty ? nil : Self.xmlSafe(cells[index])))
            }
            let text = textIndex.flatMap { $0 < cells.count ? Self.xmlSafe(cells[$0]) : nil }
            writer.element(row, text ?? "", attributes)
        }
        writer.close(root)
        writer.raw("\n")
        return writer.finish()
    }

    /// `first_line` → `firstLine`.
    static func camelCase(_ column: String) -> String {
        let parts = column.split(separator: "_")
        guard let first = parts.first else { return column }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Drops the characters XML 1.0 cannot hold (C0 controls but tab, LF, CR; U+FFFE, U+FFFF).
    static func xmlSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isXMLCharacter($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isXMLCharacter(scalar) ? scalar : "\u{FFFD}")
        }
        return String(scalars)
    }

    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// ISO 8601 in UTC: `2026-03-15T09:30:00Z`.
    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
