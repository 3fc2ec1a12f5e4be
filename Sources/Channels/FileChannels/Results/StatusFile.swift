import Foundation
import Gateway

/// A status file: every event of the tenant's invoices since the previous file, in the order they happened.
///
/// CSV columns: `position;event;invoice;invoice_id;issue_date;type;state;occurred_at;message`. `position` is the
/// change-feed position (the cursor), `event` the event's own sequence — unique, so that an ERP reading a file twice
/// (after a crash between delivering a file and recording its cursor) can skip what it has.
public enum StatusFile {
    public static let columns = [
        "position", "event", "invoice", "invoice_id", "issue_date", "type", "state", "occurred_at", "message",
    ]

    /// `status-<first position>-<last position>.csv`: two nodes writing the same changes make the same name, and the
    /// second delivery finds it taken.
    public static func name(for changes: [InvoiceStatusChange], format: ResultFileFormat) -> String? {
        guard let first = changes.first?.position, let last = changes.last?.position else { return nil }
        return "status-\(padded(first))-\(padded(last)).\(format.fileExtension)"
    }

    static func padded(_ position: Int64) -> String {
        let digits = String(position)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    public static func render(_ changes: [InvoiceStatusChange], format: ResultFileFormat, at date: Date = Date())
        -> [UInt8]
    {
        var table = ResultTable(columns: columns)
        for change in changes {
            table.append([
                String(change.position), String(change.eventSequence), change.invoiceNumber, change.invoiceID.rawValue,
                change.issueDate?.isoText ?? "", change.type, change.state.rawValue,
                ResultTable.timestamp(change.occurredAt), change.message,
            ])
        }
        switch format {
        case .csv: return table.csv()
        case .xml:
            return table.xml(
                root: "StatusChanges",
                rootAttributes: [("writtenAt", ResultTable.timestamp(date)),
                                 ("from", changes.first.map { String($0.position) }),
                                 ("to", changes.last.map { String($0.position) })],
                row: "Change", textColumn: "message")
        }
    }
}
