/// Why an XML document was refused, with the line and column where reading stopped.
public struct XMLReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case tooLarge(bytes: Int, limit: Int)
        case tooDeep(limit: Int)
        case tooManyElements(limit: Int)
        case doctypeForbidden
        case undefinedEntity(String)
        case malformed(String)
        case unexpectedEnd(String)
        case mismatchedTag(expected: String, found: String)
        case unboundPrefix(String)
        case unsupportedEncoding(String)
        case invalidUTF8
    }

    public var reason: Reason
    public var line: Int
    public var column: Int

    public init(_ reason: Reason, line: Int, column: Int) {
        self.reason = reason
        self.line = line
        self.column = column
    }

    public var description: String {
        "line \(line), column \(column): \(explanation)"
    }

    public var explanation: String {
        switch reason {
        case let .tooLarge(bytes, limit):
            "the document is \(bytes) bytes; documents larger than \(limit) bytes are refused"
        case let .tooDeep(limit): "elements are nested more than \(limit) levels deep; the document is refused"
        case let .tooManyElements(limit): "the document has more than \(limit) elements; it is refused"
        case .doctypeForbidden:
            "a DOCTYPE declaration is not allowed: invoices never need one, and DTD entities are a known attack (XXE, billion laughs)"
        case let .undefinedEntity(name):
            "the entity '&\(name);' is not defined; only &lt; &gt; &amp; &apos; &quot; and character references are allowed"
        case let .malformed(detail): "malformed XML: \(detail)"
        case let .unexpectedEnd(detail): "the document ends too early (truncated?): \(detail)"
        case let .mismatchedTag(expected, found): "the end tag </\(found)> does not close <\(expected)>"
        case let .unboundPrefix(prefix): "the namespace prefix '\(prefix)' is not declared"
        case let .unsupportedEncoding(name): "the encoding '\(name)' is not supported; use UTF-8"
        case .invalidUTF8: "the bytes are not valid UTF-8"
        }
    }
}

/// Limits that protect the reader from hostile or broken input.
public struct XMLReadLimits: Sendable {
    /// Largest document accepted, in bytes (default 64 MiB).
    public var maximumBytes = 64 * 1024 * 1024
    /// Deepest element nesting accepted (default 128; invoices need about 12).
    public var maximumDepth = 128
    /// Most elements accepted (default 2,000,000).
    public var maximumElements = 2_000_000

    public init() {}
}
