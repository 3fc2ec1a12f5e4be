/// An indirect reference `N G R`.
public struct PDFReference: Hashable, Sendable, CustomStringConvertible {
    public var number: Int
    public var generation: Int

    public init(_ number: Int, _ generation: Int = 0) {
        self.number = number
        self.generation = generation
    }

    public var description: String { "\(number) \(generation) R" }
}

/// One PDF object (ISO 32000-1 §7.3). Streams keep their data as a byte range of the file: nothing is copied
/// or decoded until `PDFDocument.decodedData(of:)` is asked for it.
public enum PDFObject: Sendable {
    case null
    case boolean(Bool)
    case integer(Int)
    case real(Double)
    /// The bytes of a literal or hexadecimal string, escapes resolved.
    case string([UInt8])
    /// A name without its slash, `#xx` escapes resolved.
    case name(String)
    case array([PDFObject])
    case dictionary(PDFDictionary)
    case stream(PDFStream)
    case reference(PDFReference)

    public var integer: Int? {
        if case let .integer(value) = self { return value }
        return nil
    }

    /// An integer, or a real with an integral value (some writers put `/Length 12.0`).
    public var integralNumber: Int? {
        switch self {
        case let .integer(value): return value
        case let .real(value) where value.rounded() == value && abs(value) < 1e15: return Int(value)
        default: return nil
        }
    }

    public var number: Double? {
        switch self {
        case let .integer(value): Double(value)
        case let .real(value): value
        default: nil
        }
    }

    public var name: String? {
        if case let .name(value) = self { return value }
        return nil
    }

    public var stringBytes: [UInt8]? {
        if case let .string(value) = self { return value }
        return nil
    }

    public var array: [PDFObject]? {
        if case let .array(value) = self { return value }
        return nil
    }

    /// The dictionary of a dictionary or of a stream.
    public var dictionary: PDFDictionary? {
        switch self {
        case let .dictionary(value): value
        case let .stream(value): value.dictionary
        default: nil
        }
    }

    public var stream: PDFStream? {
        if case let .stream(value) = self { return value }
        return nil
    }

    public var reference: PDFReference? {
        if case let .reference(value) = self { return value }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// A PDF dictionary. Entries keep their order; lookups are linear, which beats hashing for the dozen keys
/// a PDF dictionary usually has. A later duplicate key does not replace an earlier one (first wins).
public struct PDFDictionary: Sendable {
    public struct Entry: Sendable {
        public var key: String
        public var value: PDFObject
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public subscript(key: String) -> PDFObject? {
        for entry in entries where entry.key == key { return entry.value }
        return nil
    }

    public var keys: [String] { entries.map(\.key) }

    /// The value of `/Type`, when it is a name.
    public var type: String? { self["Type"]?.name }
}

/// A stream: its dictionary and where its (still encoded) data lies in the file.
public struct PDFStream: Sendable {
    public var dictionary: PDFDictionary
    /// The encoded data, as a byte range of the file.
    public var dataRange: Range<Int>
    /// The object number of the stream, when it was read as an indirect object.
    public var objectNumber: Int?
}
