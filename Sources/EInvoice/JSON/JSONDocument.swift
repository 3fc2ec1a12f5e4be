/// A JSON text parsed into a flat array of values, read by `JSONTreeDecoder`.
///
/// Strings and numbers keep their place in the bytes and are decoded only when asked for; a number's text is kept
/// as written, so that `ExactDecimal` reads it exactly.
final class JSONDocument: Sendable {
    enum Kind: UInt8, Sendable { case object, array, string, number, bool, null }

    struct Value: Sendable {
        var kind: Kind
        /// For `bool`, its value.
        var isTrue = false
        /// String content (between the quotes) or number text, as byte offsets.
        var start = 0
        var end = 0
        /// The containing object or array; -1 for the root.
        var parent = -1
        /// The position in the container (the index in an array, the member number in an object).
        var ordinal = 0
        /// Objects and arrays: where their members are in `members` and `keys`.
        var firstMember = 0
        var memberCount = 0
    }

    let bytes: [UInt8]
    let values: [Value]
    /// The members of every object and array: value indices, contiguous per container.
    let members: [Int]
    /// The key of each entry of `members` ("" for array elements).
    let keys: [String]
    /// Strings that had escapes, decoded, by value index.
    let escapedStrings: [Int: String]

    init(bytes: [UInt8], values: [Value], members: [Int], keys: [String], escapedStrings: [Int: String]) {
        self.bytes = bytes
        self.values = values
        self.members = members
        self.keys = keys
        self.escapedStrings = escapedStrings
    }

    /// The text of a string value.
    func string(_ index: Int) -> String {
        if let decoded = escapedStrings[index] { return decoded }
        let value = values[index]
        return String(decoding: bytes[value.start..<value.end], as: UTF8.self)
    }

    /// The text of a number value, as written.
    func numberText(_ index: Int) -> String {
        let value = values[index]
        return String(decoding: bytes[value.start..<value.end], as: UTF8.self)
    }

    /// The member of an object with this key, if any.
    func member(of object: Int, key: String) -> Int? {
        let value = values[object]
        for slot in value.firstMember..<value.firstMember + value.memberCount where keys[slot] == key {
            return members[slot]
        }
        return nil
    }

    /// The path from the root to a value, as coding keys (array positions have an `intValue`).
    func codingPath(of index: Int) -> [any CodingKey] {
        var path: [any CodingKey] = []
        var current = index
        while values[current].parent >= 0 {
            let value = values[current]
            let parent = values[value.parent]
            path.append(parent.kind == .array
                ? JSONAnyKey(intValue: value.ordinal)
                : JSONAnyKey(stringValue: keys[parent.firstMember + value.ordinal]))
            current = value.parent
        }
        return path.reversed()
    }
}
