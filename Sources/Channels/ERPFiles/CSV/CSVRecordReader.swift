/// Reads CSV records one at a time from a ``ByteSource``, holding one chunk and one record in memory.
///
/// - Fields may be quoted; a quote inside a quoted field is written twice (`""`); quoted fields may hold line breaks.
/// - Lines end with LF or CRLF. Empty lines are skipped. A UTF-8 byte order mark is dropped.
/// - Problems are yielded as ``CSVItem/error(_:)`` with line and column, and reading goes on:
///   - a record over ``CSVDialect/maximumRecordBytes`` is refused and the reader continues at the next line;
///   - broken quoting (text after a closing quote, a quote inside an unquoted field) skips to the next line; a
///     quoted field that never closes properly is reported at its opening quote, and reading resumes on the line
///     after that quote (nothing after it is swallowed);
///   - a field that is not valid in the declared encoding makes its record an error.
public struct CSVRecordReader {
    public let dialect: CSVDialect
    private let source: ByteSource

    private var buffer: [UInt8] = []
    private var position = 0
    /// Absolute offset of `buffer[0]`.
    private var bufferStart: Int64 = 0
    private var atStart = true
    private var finished = false

    /// 1-based current physical line and byte column.
    private var line = 1
    private var column = 0
    /// Physical lines fully read so far.
    public private(set) var linesRead = 0

    // The record being read.
    private var record = RecordState()
    private var skippingToNewline = false
    private var pending: [CSVItem] = []

    public init(source: ByteSource, dialect: CSVDialect) {
        self.source = source
        self.dialect = dialect
    }

    /// Bytes consumed so far, and the total when known: for progress.
    public var bytesRead: Int64 { bufferStart + Int64(position) }
    public var totalBytes: Int64? { source.totalBytes }

    private struct RecordState {
        var fields: [String] = []
        var rawFields: [[UInt8]] = []
        var fieldColumns: [Int] = []
        var field: [UInt8] = []
        var fieldColumn = 1
        var fieldQuoted = false
        var inQuotes = false
        var afterQuote = false
        var pendingCR = false
        var bytes = 0
        var startLine = 1
        var started = false
        /// Where the open quote began, and the offset just after the first line break inside it.
        var quoteLine = 0
        var quoteColumn = 0
        var quoteResumeOffset: Int64?
    }

    /// The next record or located error; nil at the end of the file. Throws only when the file cannot be read.
    public mutating func next() throws -> CSVItem? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            if finished { return nil }
            if position >= buffer.count {
                guard try refill() else {
                    finished = try finishAtEnd()
                    continue
                }
            }
            if let item = try step() { return item }
        }
    }

    private mutating func refill() throws -> Bool {
        bufferStart += Int64(buffer.count)
        buffer = try source.read()
        position = 0
        if atStart {
            atStart = false
            // The byte order mark may straddle tiny chunks.
            while buffer.count < 3 {
                let more = try source.read()
                if more.isEmpty { break }
                buffer += more
            }
            if dialect.encoding == .utf8, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }
        return !buffer.isEmpty
    }

    /// Consumes bytes of the current chunk until a record or an error is complete, or the chunk is used up.
    private mutating func step() throws -> CSVItem? {
        let separator = dialect.separator
        let quote = dialect.quote
        while position < buffer.count {
            let byte = buffer[position]
            position += 1
            if skippingToNewline {
                if byte == 0x0A { newLine(); skippingToNewline = false }
                continue
            }
            column += 1
            if !record.started {
                record.started = true
                record.startLine = line
                record.fieldColumn = column
            }
            record.bytes += 1
            if record.bytes > dialect.maximumRecordBytes {
                return try refuseLongRecord()
            }
            if record.inQuotes {
                if byte == quote {
                    record.inQuotes = false
                    record.afterQuote = true
                } else {
                    record.field.append(byte)
                    if byte == 0x0A {
                        if record.quoteResumeOffset == nil { record.quoteResumeOffset = bytesRead }
                        newLine()
                    }
                }
                continue
            }
            if record.afterQuote {
                record.afterQuote = false
                if byte == quote {
                    record.field.append(quote)
                    record.inQuotes = true
                    continue
                }
                if byte != separator, byte != 0x0A, byte != 0x0D {
                    return try brokenQuote(
                        "after the closing quote of a field comes '\(printable(byte))'; a quote inside a quoted field is written twice (\"\")")
                }
            }
            if record.pendingCR {
                record.pendingCR = false
                if byte != 0x0A { record.field.append(0x0D) }
            }
            switch byte {
            case separator:
                endField()
                record.fieldColumn = column + 1
            case 0x0A:
                let item = endRecord()
                newLine()
                if let item { return item }
            case 0x0D:
                record.pendingCR = true
            case quote:
                guard record.field.isEmpty, !record.fieldQuoted else {
                    return try brokenQuote("a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                }
                record.fieldQuoted = true
                record.inQuotes = true
                record.quoteLine = line
                record.quoteColumn = column
                record.quoteResumeOffset = nil
            default:
                record.field.append(byte)
            }
        }
        return nil
    }

    private mutating func newLine() {
        line += 1
        linesRead += 1
        column = 0
    }

    private mutating func endField() {
        record.rawFields.append(record.field)
        record.fieldColumns.append(record.fieldColumn)
        record.field.removeAll(keepingCapacity: true)
        record.fieldQuoted = false
    }

    /// Decodes the finished record; nil for an empty line.
    private mutating func endRecord() -> CSVItem? {
        endField()
        let state = record
        record = RecordState()
        if state.rawFields.count == 1, state.rawFields[0].isEmpty, !state.fieldQuoted { return nil }
        var fields: [String] = []
        fields.reserveCapacity(state.rawFields.count)
        for (index, raw) in state.rawFields.enumerated() {
            guard let text = dialect.encoding.decode(raw[...]) else {
                let offset = dialect.encoding.firstInvalidOffset(raw[...]) ?? 0
                return .error(CSVRowError(
                    line: state.startLine, column: state.fieldColumns[index] + offset,
                    reason: "field \(index + 1) is not valid \(dialect.encoding.rawValue) text; check the file's encoding in the mapping",
                    partialFields: state.rawFields.map { dialect.encoding.decodeLeniently($0[...]) }))
            }
            fields.append(text)
        }
        return .record(CSVRecord(line: state.startLine, lastLine: line, fields: fields))
    }

    private func partialFields(_ state: RecordState) -> [String] {
        state.rawFields.map { dialect.encoding.decodeLeniently($0[...]) }
    }

    private mutating func refuseLongRecord() throws -> CSVItem {
        let state = record
        if state.inQuotes, state.quoteResumeOffset != nil {
            return try resumeAfterOpenQuote(
                state, reason: "the quoted field opened here runs past \(dialect.maximumRecordBytes) bytes without closing")
        }
        record = RecordState()
        skippingToNewline = true
        return .error(CSVRowError(
            line: state.startLine, column: nil,
            reason: "the line is longer than \(dialect.maximumRecordBytes) bytes and was refused",
            partialFields: partialFields(state)))
    }

    /// Broken quoting: resume after the opening quote's line when the quoted field spanned lines, else skip the rest
    /// of the line.
    private mutating func brokenQuote(_ reason: String) throws -> CSVItem {
        let state = record
        if state.quoteResumeOffset != nil {
            return try resumeAfterOpenQuote(
                state, reason: "the quoted field opened here does not close properly (line \(line), column \(column): \(reason))")
        }
        let error = CSVRowError(line: line, column: column, reason: reason, partialFields: partialFields(state))
        record = RecordState()
        skippingToNewline = true
        return .error(error)
    }

    /// Reports an open quote at its position and re-reads from the line after it.
    private mutating func resumeAfterOpenQuote(_ state: RecordState, reason: String) throws -> CSVItem {
        let error = CSVRowError(
            line: state.quoteLine, column: state.quoteColumn, reason: reason, partialFields: partialFields(state))
        record = RecordState()
        skippingToNewline = false
        if let offset = state.quoteResumeOffset {
            try source.seek(to: offset)
            bufferStart = offset
            buffer = []
            position = 0
            finished = false
            line = state.quoteLine + 1
            linesRead = state.quoteLine
            column = 0
        }
        return .error(error)
    }

    /// Ends the last record; false when reading resumes earlier in the file (an unterminated quote).
    private mutating func finishAtEnd() throws -> Bool {
        if skippingToNewline { return true }
        guard record.started else { return true }
        if record.inQuotes {
            let state = record
            let reason = "the quoted field opened here is not closed before the end of the file"
            if state.quoteResumeOffset != nil {
                pending.append(try resumeAfterOpenQuote(state, reason: reason))
                return false
            }
            record = RecordState()
            pending.append(.error(CSVRowError(
                line: state.quoteLine, column: state.quoteColumn, reason: reason, partialFields: partialFields(state))))
            return true
        }
        if record.pendingCR { record.pendingCR = false }
        if let item = endRecord() { pending.append(item) }
        linesRead += 1
        return true
    }

    private func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "byte 0x" + String(byte, radix: 16)
    }
}
