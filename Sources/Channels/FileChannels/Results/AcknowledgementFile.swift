import Foundation

/// The acknowledgement of one picked-up file: one row per invoice (or master-data item) — accepted, duplicate
/// (intake already had it) or rejected with its reasons — with the source file and lines; or one row for the whole
/// file when it was refused as a whole or was a second drop of a file already imported.
///
/// CSV columns: `source_file;invoice;first_line;last_line;status;invoice_id;reason`. `status` is `accepted`,
/// `duplicate`, `rejected`, `file-refused` or `file-duplicate`; `reason` lists the problems as
/// `line N[, column C]: text`, separated by ` | `.
public enum AcknowledgementFile {
    public static let columns = ["source_file", "invoice", "first_line", "last_line", "status", "invoice_id", "reason"]

    /// The file's name for a source file: `<source>.ack.csv` (or `.ack.xml`).
    public static func name(for source: String, format: ResultFileFormat) -> String {
        "\(source).ack.\(format.fileExtension)"
    }

    public static func render(_ outcome: PickupOutcome, format: ResultFileFormat, at date: Date = Date()) -> [UInt8] {
        let table = self.table(outcome)
        switch format {
        case .csv: return table.csv()
        case .xml:
            return table.xml(
                root: "Acknowledgement",
                rootAttributes: [("sourceFile", outcome.name), ("processedAt", ResultTable.timestamp(date)),
                                 ("result", result(outcome.kind))],
                row: "Item", textColumn: "reason")
        }
    }

    static func result(_ kind: PickupOutcome.Kind) -> String {
        switch kind {
        case .done: "accepted"
        case .duplicate: "duplicate-file"
        case .failed: "refused-in-part-or-whole"
        case .refusedName: "refused-name"
        }
    }

    static func table(_ outcome: PickupOutcome) -> ResultTable {
        var table = ResultTable(columns: columns)
        let source = outcome.name
        switch outcome.kind {
        case .duplicate:
            table.append([source, "", "", "", "file-duplicate", "",
                          "a file with the same name and content was already imported; nothing was imported again"])
            return table
        case .refusedName:
            table.append([source, "", "", "", "file-refused", "", outcome.failure ?? "refused name"])
            return table
        case .done, .failed:
            break
        }
        if let failure = outcome.failure {
            table.append([source, "", "", "", "file-refused", "", failure])
            return table
        }
        guard let result = outcome.result else { return table }
        var rows: [(line: Int, cells: [String])] = []
        let wholeFileRefused = result.report?.refusedWholeFile == true
        for item in result.report?.acceptedItems ?? [] {
            rows.append((item.firstLine, [
                source, item.number, String(item.firstLine), String(item.lastLine),
                item.duplicate ? "duplicate" : "accepted", item.invoiceID ?? "", "",
            ]))
        }
        for rejection in result.rejections {
            let reason = rejection.problems.map { problem in
                var place = problem.line == 0 ? "" : "line \(problem.line)"
                if let column = problem.column { place += place.isEmpty ? "column \(column)" : ", column \(column)" }
                return place.isEmpty ? problem.message : "\(place): \(problem.message)"
            }.joined(separator: " | ")
            rows.append((rejection.firstLine, [
                source, rejection.invoiceNumber ?? "", rejection.firstLine == 0 ? "" : String(rejection.firstLine),
                rejection.lastLine == 0 ? "" : String(rejection.lastLine), "rejected", "",
                wholeFileRefused ? reason + " (allOrNothing: nothing from this file was imported)" : reason,
            ]))
        }
        for row in rows.sorted(by: { $0.line < $1.line }) { table.append(row.cells) }
        return table
    }
}
