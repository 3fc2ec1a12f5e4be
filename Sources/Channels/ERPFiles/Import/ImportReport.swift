import Foundation

/// What an import did with one file.
public struct ImportReport: Sendable {
    public var file: String
    /// Invoices (or master-data items) read from the file, good or bad.
    public var itemsRead = 0
    /// New invoices taken by intake (or master-data items written).
    public var accepted = 0
    /// Invoices intake already had with the same content: nothing new was made.
    public var duplicates = 0
    /// The BT-1 (or code) of every accepted or duplicate item, in file order.
    public var acceptedNumbers: [String] = []
    /// Every accepted or duplicate item with its lines, in file order (for acknowledgement files).
    public var acceptedItems: [AcceptedItem] = []
    public var rejected: [Rejection] = []
    public var linesRead = 0
    public var bytesRead: Int64 = 0
    /// Set when the policy is all-or-nothing and something was refused: nothing was submitted.
    public var refusedWholeFile = false
    public var dryRun = false

    public init(file: String) { self.file = file }

    public var hasRejections: Bool { !rejected.isEmpty }

    /// A short summary for people, one fact a line.
    public var summary: [String] {
        var lines = ["\(file): \(itemsRead) read, \(accepted) accepted, \(duplicates) duplicates, \(rejected.count) rejected"
            + (dryRun ? " (dry run: nothing stored)" : "")]
        if refusedWholeFile {
            lines.append("  the mapping's policy is allOrNothing: nothing was imported from this file")
        }
        for rejection in rejected.prefix(50) {
            let name = rejection.invoiceNumber.map { "invoice \($0)" } ?? "rows"
            lines.append("  rejected \(name) (\(rejection.lineRange)):")
            for problem in rejection.problems.prefix(10) { lines.append("    \(problem)") }
        }
        if rejected.count > 50 { lines.append("  … and \(rejected.count - 50) more rejections (see the error report)") }
        return lines
    }
}

/// An invoice (or master-data item) the import took.
public struct AcceptedItem: Sendable, Hashable {
    /// BT-1, or the master-data code.
    public var number: String
    public var firstLine: Int
    public var lastLine: Int
    /// The gateway's id of the invoice; nil for master data and dry runs.
    public var invoiceID: String?
    /// Intake already had this invoice: nothing new was made.
    public var duplicate: Bool

    public init(number: String, firstLine: Int, lastLine: Int, invoiceID: String?, duplicate: Bool) {
        self.number = number
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.invoiceID = invoiceID
        self.duplicate = duplicate
    }
}

/// The error report written next to a refused file (`<name>.errors.csv`): one row per problem with its line,
/// column, invoice and reason. Every cell is neutralised against formula injection: a spreadsheet must never run a
/// value from the ERP file.
public enum ErrorReportCSV {
    public static let header = ["line", "column", "invoice", "reason"]

    public static func render(_ rejections: [Rejection]) -> String {
        var text = row(header)
        for rejection in rejections {
            for problem in rejection.problems {
                text += row([
                    problem.line == 0 ? "" : String(problem.line), problem.column.map(String.init) ?? "",
                    rejection.invoiceNumber ?? "", problem.message,
                ])
            }
        }
        return text
    }

    static func row(_ cells: [String]) -> String {
        cells.map { quoted(neutralised($0)) }.joined(separator: ";") + "\r\n"
    }

    /// A cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a
    /// leading `'`, so it is shown as text.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + cell
        default: return cell
        }
    }

    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "," }) else {
            return cell
        }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
