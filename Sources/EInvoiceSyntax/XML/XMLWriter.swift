import EInvoice

/// A streaming XML writer into a byte buffer: escapes text and attributes, writes no whitespace.
///
/// The bytes go into a buffer that grows by doubling and is written through one bounds check per tag or run
/// (`reserve`), not one array append per piece: names and text are copied as whole byte runs, and text that needs
/// no escaping (nearly all of it) is checked once and copied in one go.
public struct XMLWriter: Sendable {
    /// Written bytes are `storage[0..<count]`; the rest is spare room.
    private var storage: [UInt8]
    private var count = 0

    /// The document written so far.
    public var bytes: [UInt8] { count == storage.count ? storage : Array(storage[0..<count]) }

    public init(capacity: Int = 16 * 1024) {
        storage = [UInt8](repeating: 0, count: Swift.max(capacity, 64))
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    public mutating func raw(_ text: String) {
        append(text)
    }

    /// `<name attr="value"…>` — attributes with a nil value are left out.
    public mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        write(UInt8(ascii: "<"))
        append(name)
        for (key, value) in attributes {
            guard let value else { continue }
            attribute(key, value)
        }
        write(UInt8(ascii: ">"))
    }

    /// `<name key="value">`, or `<name>` when the value is nil (the one-attribute case, without an array).
    mutating func open(_ name: String, attribute key: String, _ value: String?) {
        write(UInt8(ascii: "<"))
        append(name)
        if let value { attribute(key, value) }
        write(UInt8(ascii: ">"))
    }

    public mutating func close(_ name: String) {
        write(UInt8(ascii: "<"), UInt8(ascii: "/"))
        append(name)
        write(UInt8(ascii: ">"))
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
        value.withDescriptionBytes { write(UnsafeRawBufferPointer($0)) }
    }

    private mutating func attribute(_ key: String, _ value: String) {
        write(UInt8(ascii: " "))
        append(key)
        write(UInt8(ascii: "="), UInt8(ascii: "\""))
        escape(value, inAttribute: true)
        write(UInt8(ascii: "\""))
    }

    /// The UTF-8 bytes of a string, copied in one go when they are contiguous (always, for native strings).
    private mutating func append(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { write(UnsafeRawBufferPointer($0)) }
        if copied == nil { for byte in text.utf8 { write(byte) } }
    }

    mutating func escape(_ text: String, inAttribute: Bool) {
        let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { buffer in
            guard !Self.needsEscaping(buffer, inAttribute: inAttribute) else { return false }
            write(UnsafeRawBufferPointer(buffer))
            return true
        }
        if copied == true { return }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "\"") where inAttribute: append("&quot;")
            case 0x0D: append("&#13;")
            case 0x0A where inAttribute: append("&#10;")
            case 0x09 where inAttribute: append("&#9;")
            default: write(byte)
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

    @inline(__always) private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>, inAttribute: Bool) -> Bool {
        bytes.contains(where: { needsEscaping($0, inAttribute: inAttribute) })
    }

    public var text: String { String(decoding: storage[0..<count], as: UTF8.self) }

    /// The document written, without copying it: the writer is left holding just those bytes.
    public mutating func finish() -> [UInt8] {
        storage.removeSubrange(count...)
        return storage
    }

    // MARK: The buffer

    /// Hands `body` the next `size` bytes of the buffer (grown if needed) to fill, then counts them as written.
    @inline(__always)
    private mutating func reserve(_ size: Int, _ body: (UnsafeMutableRawBufferPointer) -> Void) {
        let start = count
        let end = start + size
        if end > storage.count { grow(to: end) }
        storage.withUnsafeMutableBytes { body(UnsafeMutableRawBufferPointer(rebasing: $0[start..<end])) }
        count = end
    }

    private mutating func grow(to minimum: Int) {
        storage.append(contentsOf: repeatElement(0, count: Swift.max(minimum, 2 * storage.count) - storage.count))
    }

    @inline(__always) private mutating func write(_ run: UnsafeRawBufferPointer) {
        reserve(run.count) { $0.copyMemory(from: run) }
    }

    @inline(__always) private mutating func write(_ byte: UInt8) {
        if count < storage.count {
            storage[count] = byte
            count += 1
        } else {
            reserve(1) { $0[0] = byte }
        }
    }

    @inline(__always) private mutating func write(_ first: UInt8, _ second: UInt8) {
        reserve(2) {
            $0[0] = first
            $0[1] = second
        }
    }
}

/// The same operations for names known when the program is compiled (`StaticString`): the writers of our own
/// syntaxes use these, which copy a name's bytes without going through a `String`, and write each tag (or a whole
/// plain-text element) with one reservation in the buffer.
extension XMLWriter {
    /// `<name>`
    mutating func start(_ name: StaticString) {
        name.withUTF8Buffer { name in
            reserve(name.count + 2) { target in
                target[0] = UInt8(ascii: "<")
                UnsafeMutableRawBufferPointer(rebasing: target[1..<(1 + name.count)]).copyMemory(from: UnsafeRawBufferPointer(name))
                target[1 + name.count] = UInt8(ascii: ">")
            }
        }
    }

    /// `<name key="value">`, or `<name>` when the value is nil.
    mutating func start(_ name: StaticString, attribute key: StaticString, _ value: String?) {
        guard let value else { return start(name) }
        write(UInt8(ascii: "<"))
        append(name)
        write(UInt8(ascii: " "))
        append(key)
        write(UInt8(ascii: "="), UInt8(ascii: "\""))
        escape(value, inAttribute: true)
        write(UInt8(ascii: "\""), UInt8(ascii: ">"))
    }

    /// `</name>`
    mutating func end(_ name: StaticString) {
        name.withUTF8Buffer { name in
            reserve(name.count + 3) { target in
                target[0] = UInt8(ascii: "<")
                target[1] = UInt8(ascii: "/")
                UnsafeMutableRawBufferPointer(rebasing: target[2..<(2 + name.count)]).copyMemory(from: UnsafeRawBufferPointer(name))
                target[2 + name.count] = UInt8(ascii: ">")
            }
        }
    }

    /// `<name>text</name>`; nothing at all when `text` is nil. Text that needs no escaping (nearly all) is
    /// written with its tags in one reservation.
    mutating func leaf(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        let done: Bool? = text.utf8.withContiguousStorageIfAvailable { text in
            guard !Self.needsEscaping(text, inAttribute: false) else { return false }
            name.withUTF8Buffer { name in
                let n = name.count
                let t = text.count
                reserve(2 * n + t + 5) { target in
                    target[0] = UInt8(ascii: "<")
                    UnsafeMutableRawBufferPointer(rebasing: target[1..<(1 + n)]).copyMemory(from: UnsafeRawBufferPointer(name))
                    target[1 + n] = UInt8(ascii: ">")
                    UnsafeMutableRawBufferPointer(rebasing: target[(2 + n)..<(2 + n + t)]).copyMemory(from: UnsafeRawBufferPointer(text))
                    target[2 + n + t] = UInt8(ascii: "<")
                    target[3 + n + t] = UInt8(ascii: "/")
                    UnsafeMutableRawBufferPointer(rebasing: target[(4 + n + t)..<(4 + 2 * n + t)]).copyMemory(from: UnsafeRawBufferPointer(name))
                    target[4 + 2 * n + t] = UInt8(ascii: ">")
                }
            }
            return true
        }
        if done == true { return }
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
        name.withUTF8Buffer { write(UnsafeRawBufferPointer($0)) }
    }
}
