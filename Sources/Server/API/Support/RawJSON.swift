import Foundation

/// Finds the byte ranges of the parts of a JSON document that is already known to be well formed, so that a part
/// (one invoice of a batch) can be passed on byte for byte: its numbers keep their exact text and its SHA-256 is
/// that of what the client sent.
enum RawJSON {
    /// The ranges of the elements when `range` holds an array; nil when it holds something else.
    static func elements(_ bytes: [UInt8], in range: Range<Int>) -> [Range<Int>]? {
        var index = skipSpace(bytes, from: range.lowerBound, to: range.upperBound)
        guard index < range.upperBound, bytes[index] == UInt8(ascii: "[") else { return nil }
        index += 1
        var elements: [Range<Int>] = []
        while true {
            index = skipSpace(bytes, from: index, to: range.upperBound)
            guard index < range.upperBound else { return nil }
            if bytes[index] == UInt8(ascii: "]") { return elements }
            let end = valueEnd(bytes, from: index, to: range.upperBound)
            elements.append(index..<end)
            index = skipSpace(bytes, from: end, to: range.upperBound)
            guard index < range.upperBound else { return nil }
            if bytes[index] == UInt8(ascii: ",") { index += 1 }
        }
    }

    /// The members (key and value range) when `range` holds an object; nil when it holds something else.
    static func members(_ bytes: [UInt8], in range: Range<Int>) -> [(key: String, value: Range<Int>)]? {
        var index = skipSpace(bytes, from: range.lowerBound, to: range.upperBound)
        guard index < range.upperBound, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var members: [(key: String, value: Range<Int>)] = []
        while true {
            index = skipSpace(bytes, from: index, to: range.upperBound)
            guard index < range.upperBound else { return nil }
            if bytes[index] == UInt8(ascii: "}") { return members }
            let keyEnd = valueEnd(bytes, from: index, to: range.upperBound)
            guard let key = string(bytes, in: index..<keyEnd) else { return nil }
            index = skipSpace(bytes, from: keyEnd, to: range.upperBound)
            guard index < range.upperBound, bytes[index] == UInt8(ascii: ":") else { return nil }
            index = skipSpace(bytes, from: index + 1, to: range.upperBound)
            let end = valueEnd(bytes, from: index, to: range.upperBound)
            members.append((key, index..<end))
            index = skipSpace(bytes, from: end, to: range.upperBound)
            guard index < range.upperBound else { return nil }
            if bytes[index] == UInt8(ascii: ",") { index += 1 }
        }
    }

    /// The string a range holds (a JSON string with its quotes), unescaped.
    static func string(_ bytes: [UInt8], in range: Range<Int>) -> String? {
        try? JSONSerialization.jsonObject(with: Data(bytes[range]), options: [.fragmentsAllowed]) as? String
    }

    /// The whole range of a document, without a UTF-8 byte order mark.
    static func documentRange(_ bytes: [UInt8]) -> Range<Int> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3..<bytes.count : 0..<bytes.count
    }

    static func skipSpace(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index
    }

    /// The index just past the value that starts at `start`.
    static func valueEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        guard start < end else { return end }
        var index = start
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return stringEnd(bytes, from: index, to: end)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < end {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index = stringEnd(bytes, from: index, to: end)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default:
                    break
                }
                index += 1
            }
            return end
        default:
            let stops: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D]
            while index < end, !stops.contains(bytes[index]) { index += 1 }
            return index
        }
    }

    /// The index just past the closing quote of the string that starts at `start`.
    static func stringEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start + 1
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return end
    }
}
