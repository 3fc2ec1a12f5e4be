/// Why a PDF (or a part of it) could not be read: what went wrong, at which byte offset of the file and in
/// which object, when known.
public struct PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// Not a PDF at all (no `%PDF-` header, empty input).
        case notPDF = "PDF-NOT-PDF"
        /// A token or object does not follow the PDF syntax.
        case syntax = "PDF-SYNTAX"
        /// The cross-reference data cannot be read and no object could be found by scanning the file.
        case xref = "PDF-XREF"
        /// A stream's data cannot be located (no `endstream`).
        case stream = "PDF-STREAM"
        /// A filter's data is corrupt (Flate data error, bad ASCII85, …).
        case filter = "PDF-FILTER"
        /// A filter this reader does not decode (LZW, image filters, Crypt).
        case unsupportedFilter = "PDF-FILTER-UNSUPPORTED"
        /// A decompression bomb: the decoded size passed the absolute or the ratio limit.
        case decompressionLimit = "PDF-DECOMPRESSION-LIMIT"
        /// Nesting, chain length or object count passed a limit.
        case limit = "PDF-LIMIT"
        /// References (or `/Kids`) loop back on themselves.
        case cycle = "PDF-CYCLE"
        /// The document is encrypted; embedded files cannot be read without the key.
        case encrypted = "PDF-ENCRYPTED"
        /// A required object is absent or of the wrong type (no catalog, no embedded file stream, …).
        case missing = "PDF-MISSING"
        /// The PDF has no embedded invoice XML.
        case noInvoice = "FX-NO-INVOICE-XML"
    }

    public var code: Code
    public var message: String
    /// Byte offset in the file (or in the decoded object stream, see `message`), when known.
    public var offset: Int?
    /// Object number, when known.
    public var objectNumber: Int?

    public init(_ code: Code, _ message: String, offset: Int? = nil, object: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
        self.objectNumber = object
    }

    public var description: String {
        var place: [String] = []
        if let offset { place.append("byte \(offset)") }
        if let objectNumber { place.append("object \(objectNumber)") }
        let prefix = place.isEmpty ? "" : place.joined(separator: ", ") + ": "
        return "\(prefix)\(message) [\(code.rawValue)]"
    }

    /// The same error, with the object number filled in when it was not known yet.
    func inObject(_ number: Int?) -> PDFError {
        var copy = self
        if copy.objectNumber == nil { copy.objectNumber = number }
        return copy
    }
}

/// A problem the reader worked around (a wrong `/Length`, a broken xref rebuilt by scanning); the checker
/// reports them, extraction goes on.
public struct PDFRepair: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case streamLength = "PDF-STREAM-LENGTH"
        case xrefRebuilt = "PDF-XREF-REBUILT"
        case xrefEntry = "PDF-XREF-ENTRY"
        case prevLoop = "PDF-XREF-PREV-LOOP"
        case startxref = "PDF-STARTXREF"
    }

    public var kind: Kind
    public var message: String
    public var offset: Int?
    public var objectNumber: Int?

    public var description: String {
        var place: [String] = []
        if let offset { place.append("byte \(offset)") }
        if let objectNumber { place.append("object \(objectNumber)") }
        return (place.isEmpty ? "" : place.joined(separator: ", ") + ": ") + message
    }
}
