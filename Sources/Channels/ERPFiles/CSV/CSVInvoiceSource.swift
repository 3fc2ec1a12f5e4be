import EInvoice
import Foundation

/// Reads invoices from a CSV file, one invoice at a time.
///
/// The file must be grouped by invoice: the rows (`lines` layout) or the H record and its L records (`records`
/// layout) of one invoice are consecutive. An invoice is emitted as soon as the next one starts. An invoice number
/// that comes back later, not next to its first rows, is refused (never merged) and says where it was first seen.
/// A row the reader could not take refuses the invoice it belongs to (told by its invoice number when that column
/// was read, else the invoice in progress): an invoice is never imported with a line missing.
public struct CSVInvoiceSource: ImportSource {
    private var reader: CSVRecordReader
    private let mapping: ERPMapping
    private let conventions: ValueConventions
    private let defaults: DefaultValues
    private let finisher: InvoiceFinisher

    private var started = false
    private var columns: [String] = []
    private var plan = ColumnPlan()
    private var linePlan = ColumnPlan()
    private var keyIndex = 0
    private var typeIndex = 0
    private var lineColumns: [String] = []
    private var lineTypeIndex = 0

    private var current: Group?
    /// Invoice numbers already finished, with their first line.
    private var seen: [String: Int] = [:]
    private var output: [ImportUnit] = []

    private struct Group {
        var key: String
        var draft: InvoiceDraft
        /// The number came back after other invoices: the rows are refused as a whole.
        var reappeared: Int?
    }

    public init(source: ByteSource, mapping: ERPMapping) {
        self.reader = CSVRecordReader(source: source, dialect: mapping.csv.dialect)
        self.mapping = mapping
        self.conventions = ValueConventions(numbers: mapping.csv.numbers, dates: mapping.csv.dates)
        self.defaults = DefaultValues(mapping.defaults)
        self.finisher = InvoiceFinisher(notes: mapping.notes, validate: mapping.validate)
    }

    public var progress: ReadProgress {
        ReadProgress(bytesRead: reader.bytesRead, totalBytes: reader.totalBytes, linesRead: reader.linesRead)
    }

    public mutating func next() throws -> ImportUnit? {
        if !started { try start() }
        while output.isEmpty {
            guard let item = try reader.next() else {
                if let group = current.take() { finish(group) }
                break
            }
            switch item {
            case .record(let record): take(record)
            case .error(let error): takeError(error)
            }
        }
        return output.isEmpty ? nil : output.removeFirst()
    }

    private mutating func start() throws {
        started = true
        let options = mapping.csv
        switch options.layout {
        case .lines:
            if let given = options.columns {
                columns = given
            } else {
                guard let first = try reader.next() else {
                    throw ImportFailure.fileRefused(RowProblem(line: 1, message: "the file is empty: a header row naming the columns is expected"))
                }
                guard case .record(let header) = first else {
                    if case .error(let error) = first {
                        throw ImportFailure.fileRefused(RowProblem(line: error.line, column: error.column, message: "the header row cannot be read: \(error.reason)"))
                    }
                    return
                }
                columns = header.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            plan = try ColumnPlan(columns: columns, pairs: mapping.fields + mapping.lineFields, line: 1)
            let keyName = options.groupBy
                ?? mapping.fields.first(where: { InvoiceField(name: $0.target) == .number })?.source
            guard let keyName, let index = columns.firstIndex(of: keyName) else {
                throw ImportFailure.fileRefused(RowProblem(line: 1, message: "no column groups the rows into invoices: map a column to BT-1 (invoice number) or set csv.groupBy"))
            }
            keyIndex = index
        case .records:
            columns = options.headerColumns
            lineColumns = options.lineColumns
            plan = try ColumnPlan(columns: columns, pairs: mapping.fields, line: 0)
            linePlan = try ColumnPlan(columns: lineColumns, pairs: mapping.lineFields, line: 0)
            typeIndex = columns.firstIndex(of: options.recordTypeColumn) ?? 0
            lineTypeIndex = lineColumns.firstIndex(of: options.recordTypeColumn) ?? 0
            guard let number = plan.invoiceFields.first(where: { $0.field == .number }) else {
                throw ImportFailure.fileRefused(RowProblem(line: 0, message: "map a header-record column to BT-1 (invoice number)"))
            }
            keyIndex = number.index
        }
    }

    // MARK: - Records

    private mutating func take(_ record: CSVRecord) {
        switch mapping.csv.layout {
        case .lines: takeLineRow(record)
        case .records: takeRecord(record)
        }
    }

    private mutating func takeLineRow(_ record: CSVRecord) {
        let fields = record.fields
        let key = keyIndex < fields.count ? fields[keyIndex].trimmingCharacters(in: .whitespaces) : ""
        guard fields.count == columns.count else {
            attach(RowProblem(line: record.line, message: "the row has \(fields.count) fields, the header row has \(columns.count)"),
                   key: key.isEmpty ? nil : key, line: record.line)
            return
        }
        guard !key.isEmpty else {
            output.append(.rejected(Rejection(invoiceNumber: nil, firstLine: record.line, lastLine: record.lastLine,
                                              problems: [RowProblem(line: record.line, message: "the row has no invoice number (column \(columns[keyIndex]))")])))
            return
        }
        if current?.key != key { startGroup(key: key, line: record.line) }
        guard var group = current.take() else { return }
        if group.draft.lines.isEmpty {
            group.draft.apply(row: fields, plan.invoiceFields, line: record.line, columnNames: columns, conventions)
        }
        group.draft.addLine(row: fields, plan.lineFields, line: record.line, columnNames: columns,
                            defaults: defaults, conventions)
        group.draft.lastLine = record.lastLine
        current = group
    }

    private mutating func takeRecord(_ record: CSVRecord) {
        let fields = record.fields
        let options = mapping.csv
        let headerType = typeIndex < fields.count ? fields[typeIndex].trimmingCharacters(in: .whitespaces) : ""
        let lineType = lineTypeIndex < fields.count ? fields[lineTypeIndex].trimmingCharacters(in: .whitespaces) : ""
        if headerType == options.headerRecordType {
            let key = keyIndex < fields.count ? fields[keyIndex].trimmingCharacters(in: .whitespaces) : ""
            guard fields.count == columns.count, !key.isEmpty else {
                let reason = key.isEmpty ? "the header record has no invoice number"
                    : "the header record has \(fields.count) fields, \(columns.count) are expected"
                startGroup(key: key.isEmpty ? "\u{0}line \(record.line)" : key, line: record.line)
                current?.draft.problems.append(RowProblem(line: record.line, message: reason))
                return
            }
            startGroup(key: key, line: record.line)
            current?.draft.apply(row: fields, plan.invoiceFields, line: record.line, columnNames: columns, conventions)
        } else if lineType == options.lineRecordType {
            guard var group = current.take() else {
                output.append(.rejected(Rejection(invoiceNumber: nil, firstLine: record.line, lastLine: record.lastLine,
                                                  problems: [RowProblem(line: record.line, message: "a line record comes before any header record")])))
                return
            }
            if fields.count != lineColumns.count {
                group.draft.problems.append(RowProblem(line: record.line, message: "the line record has \(fields.count) fields, \(lineColumns.count) are expected"))
            } else {
                group.draft.addLine(row: fields, linePlan.lineFields, line: record.line, columnNames: lineColumns,
                                    defaults: defaults, conventions)
            }
            group.draft.lastLine = record.lastLine
            current = group
        } else {
            attach(RowProblem(line: record.line, message: "unknown record type \"\(headerType)\"; expected \(options.headerRecordType) or \(options.lineRecordType)"),
                   key: nil, line: record.line)
        }
    }

    /// A row the reader refused: it refuses the invoice it belongs to.
    private mutating func takeError(_ error: CSVRowError) {
        let problem = RowProblem(line: error.line, column: error.column, message: error.reason)
        var key: String?
        if mapping.csv.layout == .lines, keyIndex < error.partialFields.count {
            let text = error.partialFields[keyIndex].trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { key = text }
        } else if mapping.csv.layout == .records, typeIndex < error.partialFields.count,
            error.partialFields[typeIndex].trimmingCharacters(in: .whitespaces) == mapping.csv.headerRecordType
        {
            let text = keyIndex < error.partialFields.count ? error.partialFields[keyIndex] : ""
            startGroup(key: text.isEmpty ? "\u{0}line \(error.line)" : text, line: error.line)
            current?.draft.problems.append(problem)
            return
        }
        attach(problem, key: key, line: error.line)
    }

    /// Adds a problem to the invoice `key` (or the one in progress when the key is unknown).
    private mutating func attach(_ problem: RowProblem, key: String?, line: Int) {
        if let key, current?.key != key { startGroup(key: key, line: line) }
        guard current != nil else {
            output.append(.rejected(Rejection(invoiceNumber: nil, firstLine: line, lastLine: line, problems: [problem])))
            return
        }
        current?.draft.problems.append(problem)
        if let last = current?.draft.lastLine, line > last { current?.draft.lastLine = line }
    }

    private mutating func startGroup(key: String, line: Int) {
        if let group = current.take() { finish(group) }
        var draft = InvoiceDraft(line: line)
        defaults.apply(to: &draft)
        current = Group(key: key, draft: draft, reappeared: seen[key])
    }

    private mutating func finish(_ group: Group) {
        if seen[group.key] == nil { seen[group.key] = group.draft.firstLine }
        if let first = group.reappeared {
            var problems = [RowProblem(
                line: group.draft.firstLine,
                message: "invoice \(group.key) already appeared at line \(first); the rows of one invoice must be consecutive (sort the file by invoice number)")]
            problems += group.draft.problems
            output.append(.rejected(Rejection(invoiceNumber: group.key, firstLine: group.draft.firstLine,
                                              lastLine: group.draft.lastLine, problems: problems)))
            return
        }
        var draft = group.draft
        if draft.invoice.number.isEmpty, !group.key.hasPrefix("\u{0}") { draft.invoice.number = group.key }
        output.append(finisher.finish(draft))
    }
}
