import EInvoice

/// A streaming XML writer into a byte buffer: escapes text and attributes, writes no whitespace.
///
/// Names and text are copied as whole byte runs (text that needs no escaping, which is nearly all of it, is
/// checked once and copied in one go).
public struct XMLWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 16 * 1024) {
        bytes.reserveCapacity(capacity)
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    public mutating func raw(_ text: String) {
        append(text)
    }

    /// `<name attr="value"…>` — attributes with a nil value are left out.
    public mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        bytes.append(UInt8(ascii: "<"))
        append(name)
        for (key, value) in attributes {
            guard let value else { continue }
            attribute(key, value)
        }
        bytes.append(UInt8(ascii: ">"))
    }

    /// `<name key="value">`, or `<name>` when the value is nil (the one-attribute case, without an array).
    mutating func open(_ name: String, attribute key: String, _ value: String?) {
        bytes.append(UInt8(ascii: "<"))
        append(name)
        if let value { attribute(key, value) }
        bytes.append(UInt8(ascii: ">"))
    }

    public mutating func close(_ name: String) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        append(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `<name attr…>text</name>`; nothing at all when `text` is nil.
    public mutating func element(_ name: String, _ text: String?, _ attributes: [(String, String?)] = []) {
        guard let text else { return }
        open(name, attributes)
        escape(text, inAttribute: false)
        close(name)
    }

    /// `<name key="value">text</name>` (the one-attribute case, without an array); nothing when `text` is nil.
    mutating func element(_ name: String, _ text: String?, attribute key: String, _ value: String?) {
        guard let text else { return }
        open(name, attribute: key, value)
        escape(text, inAttribute: false)
        close(name)
    }

    /// Writes `open`, the body, then `close`.
    public mutating func group(_ name: String, _ attributes: [(String, String?)] = [], _ body: (inout XMLWriter) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    /// The text of a number (its digits never need escaping).
    mutating func number(_ value: ExactDecimal) {
        value.appendDescription(to: &bytes)
    }

    private mutating func attribute(_ key: String, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        append(key)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        escape(value, inAttribute: true)
        bytes.append(UInt8(ascii: "\""))
    }

    /// The UTF-8 bytes of a string, copied in one go when they are contiguous (always, for native strings).
    private mutating func append(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    mutating func escape(_ text: String, inAttribute: Bool) {
        let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { buffer in
            guard !buffer.contains(where: { Self.needsEscaping($0, inAttribute: inAttribute) }) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if copied == true { return }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\"") where inAttribute: bytes.append(contentsOf: "&quot;".utf8)
            case 0x0D: bytes.append(contentsOf: "&#13;".utf8)
            case 0x0A where inAttribute: bytes.append(contentsOf: "&#10;".utf8)
            case 0x09 where inAttribute: bytes.append(contentsOf: "&#9;".utf8)
            default: bytes.append(byte)
            }
        }
    }

    /// Whether `escape` writes the byte as something else.
    @inline(__always) private static func needsEscaping(_ byte: UInt8, inAttribute: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x0D: true
        case UInt8(ascii: "\""), 0x0A, 0x09: inAttribute
        default: false
        }
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// The same operations for names known when the program is compiled (`StaticString`): the writers of our own
/// syntaxes use these, which copy a name's bytes without going through a `String`.
extension XMLWriter {
    mutating func start(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        append(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `<name key="value">`, or `<name>` when the value is nil.
    mutating func start(_ name: StaticString, attribute key: StaticString, _ value: String?) {
        bytes.append(UInt8(ascii: "<"))
        append(name)
        if let value {
            bytes.append(UInt8(ascii: " "))
            append(key)
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            escape(value, inAttribute: true)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func end(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        append(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `<name>text</name>`; nothing at all when `text` is nil.
    mutating func leaf(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        start(name)
        escape(text, inAttribute: false)
        end(name)
    }

    /// `<name key="value">text</name>`; nothing at all when `text` is nil.
    mutating func leaf(_ name: StaticString, _ text: String?, attribute key: StaticString, _ value: String?) {
        guard let text else { return }
        start(name, attribute: key, value)
        escape(text, inAttribute: false)
        end(name)
    }

    private mutating func append(_ name: StaticString) {
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
