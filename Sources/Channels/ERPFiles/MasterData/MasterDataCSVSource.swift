import Foundation
import Gateway

/// Reads customers, products or price lists from a CSV file with a header row. Customers and products take one
/// row each; a price list takes consecutive rows with the same code, one entry per row.
public struct MasterDataCSVSource: ImportSource {
    private var reader: CSVRecordReader
    private let mapping: ERPMapping
    private let builder: MasterDataBuilder
    private var columns: [String] = []
    private var plan: [(index: Int, target: String)] = []
    private var started = false
    private var pendingRows: [[String: String]] = []
    private var pendingCode: String?
    private var pendingLine = 0
    private var output: [ImportUnit] = []

    public init(source: ByteSource, mapping: ERPMapping) {
        self.reader = CSVRecordReader(source: source, dialect: mapping.csv.dialect)
        self.mapping = mapping
        self.builder = MasterDataBuilder(numbers: mapping.csv.numbers, dates: mapping.csv.dates)
    }

    public var progress: ReadProgress {
        ReadProgress(bytesRead: reader.bytesRead, totalBytes: reader.totalBytes, linesRead: reader.linesRead)
    }

    public mutating func next() throws -> ImportUnit? {
        if !started { try start() }
        while output.isEmpty {
            guard let item = try reader.next() else {
                flushPriceList()
                break
            }
            switch item {
            case .record(let record): take(record)
            case .error(let error):
                output.append(.rejected(Rejection(
                    invoiceNumber: nil, firstLine: error.line, lastLine: error.line,
                    problems: [RowProblem(line: error.line, column: error.column, message: error.reason)])))
            }
        }
        return output.isEmpty ? nil : output.removeFirst()
    }

    private mutating func start() throws {
        started = true
        if let given = mapping.csv.columns {
            columns = given
        } else {
            guard case .record(let header)? = try reader.next() else {
                throw ImportFailure.fileRefused(RowProblem(line: 1, message: "a header row naming the columns is expected"))
            }
            columns = header.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        for pair in mapping.fields where pair.target.lowercased() != "ignore" {
            guard let index = columns.firstIndex(of: pair.source) else {
                throw ImportFailure.fileRefused(RowProblem(line: 1, message: "the mapping names the column \"\(pair.source)\" but the file has no such column"))
            }
            plan.append((index, pair.target))
        }
    }

    private mutating func take(_ record: CSVRecord) {
        guard record.fields.count == columns.count else {
            output.append(.rejected(Rejection(
                invoiceNumber: nil, firstLine: record.line, lastLine: record.lastLine,
                problems: [RowProblem(line: record.line, message: "the row has \(record.fields.count) fields, the header row has \(columns.count)")])))
            return
        }
        var values: [String: String] = [:]
        for pair in mapping.defaults { values[pair.target] = pair.value }
        for (index, target) in plan {
            let text = record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { values[target] = text }
        }
        do {
            switch mapping.kind {
            case .customers: output.append(.masterData(.customer(try builder.customer(values), line: record.line)))
            case .products: output.append(.masterData(.product(try builder.product(values), line: record.line)))
            case .priceLists, .invoices:
                let code = values["code"] ?? ""
                if code != pendingCode { flushPriceList() }
                if pendingRows.isEmpty { pendingLine = record.line }
                pendingCode = code
                pendingRows.append(values)
            }
        } catch {
            output.append(.rejected(Rejection(
                invoiceNumber: values["code"], firstLine: record.line, lastLine: record.lastLine,
                problems: [RowProblem(line: record.line, message: error.message)])))
        }
    }

    private mutating func flushPriceList() {
        guard !pendingRows.isEmpty else { return }
        defer {
            pendingRows = []
            pendingCode = nil
        }
        do {
            output.append(.masterData(.priceList(try builder.priceList(pendingRows), line: pendingLine)))
        } catch {
            output.append(.rejected(Rejection(
                invoiceNumber: pendingCode, firstLine: pendingLine, lastLine: pendingLine,
                problems: [RowProblem(line: pendingLine, message: error.message)])))
        }
    }
}
