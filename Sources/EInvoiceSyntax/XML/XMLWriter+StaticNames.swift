import EInvoice

/// The same operations for names known when the program is compiled (`StaticString`): the writers of our own
/// syntaxes use these, which copy a name's bytes without going through a `String`, and write each tag (or a whole
/// plain-text element) with one room check in the buffer.
extension XMLWriter {
    /// `<name>`
    mutating func start(_ name: StaticString) {
        name.withUTF8Buffer { name in
            let target = room(name.count + 2)
            target[0] = UInt8(ascii: "<")
            XMLEscaping.copy(name, to: target + 1)
            target[1 + name.count] = UInt8(ascii: ">")
            commit(name.count + 2)
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
            let target = room(name.count + 3)
            target[0] = UInt8(ascii: "<")
            target[1] = UInt8(ascii: "/")
            XMLEscaping.copy(name, to: target + 2)
            target[2 + name.count] = UInt8(ascii: ">")
            commit(name.count + 3)
        }
    }

    /// `<name>text</name>`; nothing at all when `text` is nil. Text that needs no escaping (nearly all) is
    /// written with its tags after one room check.
    mutating func leaf(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        let done: Bool? = text.utf8.withContiguousStorageIfAvailable { text in
            guard text.count <= Self.shortText, !XMLEscaping.needsEscaping(text, inAttribute: false) else { return false }
            name.withUTF8Buffer { name in
                let n = name.count
                let t = text.count
                let target = room(2 * n + t + 5)
                target[0] = UInt8(ascii: "<")
                XMLEscaping.copy(name, to: target + 1)
                target[1 + n] = UInt8(ascii: ">")
                XMLEscaping.copy(text, to: target + 2 + n)
                target[2 + n + t] = UInt8(ascii: "<")
                target[3 + n + t] = UInt8(ascii: "/")
                XMLEscaping.copy(name, to: target + 4 + n + t)
                target[4 + 2 * n + t] = UInt8(ascii: ">")
                commit(2 * n + t + 5)
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

    /// `<name>digits</name>` for a number.
    mutating func leaf(_ name: StaticString, number value: ExactDecimal) {
        start(name)
        number(value)
        end(name)
    }

    /// Text up to this length is written with its tags after one room check; longer text goes through `escape`.
    static let shortText = 1024

    mutating func append(_ name: StaticString) {
        name.withUTF8Buffer { write($0) }
    }

    // MARK: Dates

    /// `YYYYMMDD` (CII format 102): the same text as `CalendarDate.compactText`, written without a `String`.
    mutating func compactDate(_ date: CalendarDate) {
        guard Self.isPlain(date) else { return escape(date.compactText, inAttribute: false) }
        let target = room(8)
        Self.writeDigits(date.year, 4, to: target)
        Self.writeDigits(date.month, 2, to: target + 4)
        Self.writeDigits(date.day, 2, to: target + 6)
        commit(8)
    }

    /// `YYYY-MM-DD` (UBL): the same text as `CalendarDate.isoText`, written without a `String`.
    mutating func isoDate(_ date: CalendarDate) {
        guard Self.isPlain(date) else { return escape(date.isoText, inAttribute: false) }
        let target = room(10)
        Self.writeDigits(date.year, 4, to: target)
        target[4] = UInt8(ascii: "-")
        Self.writeDigits(date.month, 2, to: target + 5)
        target[7] = UInt8(ascii: "-")
        Self.writeDigits(date.day, 2, to: target + 8)
        commit(10)
    }

    /// Whether every part fits its zero-padded width (always, for a real date); other values take the
    /// `String` path, which writes them as `CalendarDate` does.
    private static func isPlain(_ date: CalendarDate) -> Bool {
        (0...9999).contains(date.year) && (0...99).contains(date.month) && (0...99).contains(date.day)
    }

    /// `value` (0 ≤ value < 10^width) as exactly `width` digits.
    @inline(__always)
    private static func writeDigits(_ value: Int, _ width: Int, to target: UnsafeMutablePointer<UInt8>) {
        var rest = value
        for position in stride(from: width - 1, through: 0, by: -1) {
            target[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
    }
}
