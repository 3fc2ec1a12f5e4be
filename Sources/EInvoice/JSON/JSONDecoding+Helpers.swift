/// Any key of a JSON object, to see every key a client sent.
struct JSONAnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}

extension Decoder {
    /// The container of a JSON object whose keys must all be `Keys`: an unknown key (a typo such as `isueDate`)
    /// is a `DecodingError` at that key's path instead of data silently dropped.
    func strictContainer<Keys: CodingKey & CaseIterable>(
        keyedBy _: Keys.Type, expected: JSONKind = .object
    ) throws -> KeyedDecodingContainer<Keys> {
        let all: KeyedDecodingContainer<JSONAnyKey>
        do {
            all = try container(keyedBy: JSONAnyKey.self)
        } catch let error as DecodingError {
            throw wrongType(error, expected: expected)
        }
        let known = Set(Keys.allCases.map(\.stringValue))
        let unknown = all.allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
        if let first = unknown.first {
            let problem = JSONProblem.unknownKey(first, suggestion: Self.nearest(first, in: known), others: unknown.count - 1)
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath + [JSONAnyKey(stringValue: first)], debugDescription: problem.english,
                underlyingError: problem))
        }
        return try container(keyedBy: Keys.self)
    }

    /// A type mismatch at this decoder's own value, restated as "expected X, found Y".
    func wrongType(_ error: DecodingError, expected: JSONKind) -> DecodingError {
        switch error {
        case let .typeMismatch(_, context) where context.codingPath.count == codingPath.count && context.underlyingError == nil,
            let .valueNotFound(_, context) where context.codingPath.count == codingPath.count && context.underlyingError == nil:
            let problem = JSONProblem.wrongType(expected: expected, found: foundKind())
            return DecodingError.typeMismatch(
                Any.self, DecodingError.Context(codingPath: codingPath, debugDescription: problem.english, underlyingError: problem))
        default:
            return error
        }
    }

    /// The kind of this decoder's value, found by trying each (only on the error path).
    func foundKind() -> JSONKind {
        guard let single = try? singleValueContainer() else { return .other }
        if single.decodeNil() { return .null }
        if (try? single.decode(Bool.self)) != nil { return .boolean }
        if (try? single.decode(String.self)) != nil { return .string }
        if (try? unkeyedContainer()) != nil { return .array }
        if (try? container(keyedBy: JSONAnyKey.self)) != nil { return .object }
        return .number
    }

    /// The known key closest to a typo (at most 2 edits, or the same letters in another case), if any.
    static func nearest(_ key: String, in known: Set<String>) -> String? {
        let lowered = key.lowercased()
        var best: (key: String, distance: Int)?
        for candidate in known.sorted() {
            let distance = candidate.lowercased() == lowered ? 0 : editDistance(Array(lowered), Array(candidate.lowercased()))
            if distance <= 2, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.key
    }

    private static func editDistance(_ left: [Character], _ right: [Character]) -> Int {
        guard abs(left.count - right.count) <= 2 else { return 3 }
        var previous = Array(0...right.count)
        for (i, a) in left.enumerated() {
            var row = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, b) in right.enumerated() {
                row[j + 1] = Swift.min(previous[j + 1] + 1, row[j] + 1, previous[j] + (a == b ? 0 : 1))
            }
            previous = row
        }
        return previous[right.count]
    }
}

extension KeyedDecodingContainer {
    /// A text term; "" when the key is absent or null. Surrounding whitespace is trimmed, as when reading XML.
    func text(_ key: Key) throws -> String { try optionalText(key) ?? "" }

    /// An optional text term; nil when the key is absent or null. Surrounding whitespace is trimmed.
    func optionalText(_ key: Key) throws -> String? {
        try checked(key, expected: .string) { try decodeIfPresent(String.self, forKey: key) }?.trimmedJSONWhitespace
    }

    /// A text kept exactly as sent (attachment content); nil when the key is absent or null.
    func untrimmedText(_ key: Key) throws -> String? {
        try checked(key, expected: .string) { try decodeIfPresent(String.self, forKey: key) }
    }

    /// A flag; false when the key is absent or null.
    func flag(_ key: Key) throws -> Bool {
        try checked(key, expected: .boolean) { try decodeIfPresent(Bool.self, forKey: key) } ?? false
    }

    /// An optional value (decimal, date, identifier, group); nil when the key is absent or null.
    func optional<Value: Decodable>(_ key: Key) throws -> Value? {
        try checked(key, expected: .object) { try decodeIfPresent(Value.self, forKey: key) }
    }

    /// A group the model always holds; its default when the key is absent or null.
    func group<Value: Decodable>(_ key: Key, default defaultValue: Value) throws -> Value {
        try optional(key) ?? defaultValue
    }

    /// A repeated group; [] when the key is absent or null.
    func list<Element: Decodable>(_ key: Key) throws -> [Element] {
        try checked(key, expected: .array) { try decodeIfPresent([Element].self, forKey: key) } ?? []
    }

    /// Restates a type mismatch of the value at `key` itself as "expected X, found Y".
    private func checked<Value>(_ key: Key, expected: JSONKind, _ read: () throws -> Value) throws -> Value {
        do {
            return try read()
        } catch let DecodingError.typeMismatch(_, context)
            where context.codingPath.count == codingPath.count + 1 && context.underlyingError == nil
        {
            let problem = JSONProblem.wrongType(expected: expected, found: foundKind(key))
            throw DecodingError.typeMismatch(
                Any.self, DecodingError.Context(codingPath: context.codingPath, debugDescription: problem.english, underlyingError: problem))
        }
    }

    private func foundKind(_ key: Key) -> JSONKind {
        if (try? decodeNil(forKey: key)) == true { return .null }
        if (try? decode(Bool.self, forKey: key)) != nil { return .boolean }
        if (try? decode(String.self, forKey: key)) != nil { return .string }
        if (try? nestedUnkeyedContainer(forKey: key)) != nil { return .array }
        if (try? nestedContainer(keyedBy: JSONAnyKey.self, forKey: key)) != nil { return .object }
        return .number
    }
}

extension String {
    /// The text without the spaces, tabs and line breaks around it (no copy when there are none).
    var trimmedJSONWhitespace: String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return self }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
