import EInvoice
import Gateway

/// What a file reader yields, one at a time, as soon as it is complete.
public enum ImportUnit: Sendable {
    /// An invoice built and checked; ready to submit.
    case invoice(ReadInvoice)
    /// An invoice or rows that were refused, with lines and reasons.
    case rejected(Rejection)
    /// A master-data item read from a customers, products or price-lists file.
    case masterData(MasterDataUnit)
}

/// An invoice read from a file.
public struct ReadInvoice: Sendable {
    public var invoice: Invoice
    /// The bytes submitted to intake: the original CII/UBL file, or the invoice's canonical JSON.
    public var payload: [UInt8]?
    public var firstLine: Int
    public var lastLine: Int
    public var number: String { invoice.number }
}

/// Rows or an invoice the import refused.
public struct Rejection: Sendable, Hashable {
    /// BT-1 when it is known.
    public var invoiceNumber: String?
    public var firstLine: Int
    public var lastLine: Int
    public var problems: [RowProblem]

    public init(invoiceNumber: String?, firstLine: Int, lastLine: Int, problems: [RowProblem]) {
        self.invoiceNumber = invoiceNumber
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.problems = problems
    }

    /// `lines 12–15` or `line 12`.
    public var lineRange: String {
        if firstLine == 0 { return "the file" }
        return firstLine == lastLine ? "line \(firstLine)" : "lines \(firstLine)–\(lastLine)"
    }
}

/// One master-data item read from a file.
public enum MasterDataUnit: Sendable {
    case customer(Customer, line: Int)
    case product(Product, line: Int)
    case priceList(PriceList, line: Int)

    public var code: String {
        switch self {
        case .customer(let item, _): item.code
        case .product(let item, _): item.code
        case .priceList(let item, _): item.code
        }
    }

    public var line: Int {
        switch self {
        case .customer(_, let line), .product(_, let line), .priceList(_, let line): line
        }
    }
}

/// How far a reader is: for progress lines.
public struct ReadProgress: Sendable, Hashable {
    public var bytesRead: Int64
    public var totalBytes: Int64?
    public var linesRead: Int
}

/// A reader of one file: yields units until nil.
public protocol ImportSource {
    mutating func next() throws -> ImportUnit?
    var progress: ReadProgress { get }
}

/// Why a file as a whole cannot be imported.
public enum ImportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    /// The file does not fit the mapping (a mapped column is missing, no header row…).
    case fileRefused(RowProblem)
    case mapping(MappingError)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): "\(path): \(reason)"
        case .fileRefused(let problem): problem.description
        case .mapping(let error): "mapping: \(error)"
        }
    }
}
