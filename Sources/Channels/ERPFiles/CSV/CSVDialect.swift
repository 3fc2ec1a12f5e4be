/// How a CSV file is written: separator, quote, encoding and the longest record accepted.
public struct CSVDialect: Sendable, Hashable {
    /// `;`, `,` or tab.
    public var separator: UInt8
    public var quote: UInt8
    public var encoding: TextEncoding
    /// A record (with its quoted line breaks) longer than this is refused; the reader goes on at the next line.
    public var maximumRecordBytes: Int

    public init(separator: UInt8 = UInt8(ascii: ";"), quote: UInt8 = UInt8(ascii: "\""),
                encoding: TextEncoding = .utf8, maximumRecordBytes: Int = 1 << 20) {
        self.separator = separator
        self.quote = quote
        self.encoding = encoding
        self.maximumRecordBytes = maximumRecordBytes
    }
}

/// One record (row) of a CSV file, its fields decoded.
public struct CSVRecord: Sendable, Hashable {
    /// 1-based physical line where the record starts.
    public var line: Int
    /// 1-based physical line where it ends (greater than `line` when a quoted field holds line breaks).
    public var lastLine: Int
    public var fields: [String]

    public init(line: Int, lastLine: Int? = nil, fields: [String]) {
        self.line = line
        self.lastLine = lastLine ?? line
        self.fields = fields
    }
}

/// A row the reader could not take, with where and why. The reader has moved on to the next record.
public struct CSVRowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line of the problem (the record's first line when it is about the whole record).
    public var line: Int
    /// 1-based byte column of the problem in its line, when it is known.
    public var column: Int?
    public var reason: String
    /// The fields read before the problem, decoded leniently: lets the caller tell whose invoice the row was.
    public var partialFields: [String]

    public init(line: Int, column: Int?, reason: String, partialFields: [String] = []) {
        self.line = line
        self.column = column
        self.reason = reason
        self.partialFields = partialFields
    }

    public var description: String {
        if let column { return "line \(line), column \(column): \(reason)" }
        return "line \(line): \(reason)"
    }
}

/// What the reader yields: a record, or a located error after which reading goes on.
public enum CSVItem: Sendable, Hashable {
    case record(CSVRecord)
    case error(CSVRowError)
}
