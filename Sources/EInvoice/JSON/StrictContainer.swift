/// The members of a JSON object whose keys were checked (`Decoder.strictContainer`), read through the model's
/// `CodingKeys` with the rules of the canonical JSON: absent or null is the default, a wrong type is an error that
/// says what was expected and what was found.
///
/// Over `JSONTreeDecoder` (what `InvoiceJSON.decode` uses) it reads the parsed document directly; over any other
/// decoder it goes through a keyed container of any key, so that unknown keys could be seen.
struct StrictContainer<Keys: CodingKey> {
    private enum Storage {
        case tree(JSONTreeDecoder)
        case base(KeyedDecodingContainer<JSONAnyKey>)
    }

    private let storage: Storage

    init(tree: JSONTreeDecoder) { storage = .tree(tree) }
    init(base: KeyedDecodingContainer<JSONAnyKey>) { storage = .base(base) }

    /// A text term; "" when the key is absent or null. Surrounding whitespace is trimmed, as when reading XML.
    func text(_ key: Keys) throws -> String { try optionalText(key) ?? "" }

    /// An optional text term; nil when the key is absent or null. Surrounding whitespace is trimmed.
    func optionalText(_ key: Keys) throws -> String? {
        try untrimmedText(key)?.trimmedJSONWhitespace
    }

    /// A text kept exactly as sent (attachment content); nil when the key is absent or null.
    func untrimmedText(_ key: Keys) throws -> String? {
        switch storage {
        case let .tree(tree):
            guard let member = tree.member(key.stringValue) else { return nil }
            guard member.kind == .string else { throw member.wrongType(expected: .string) }
            return member.document.string(member.index)
        case let .base(base):
            let key = JSONAnyKey(stringValue: key.stringValue)
            return try checked(base, key, expected: .string) { try base.decodeIfPresent(String.self, forKey: key) }
        }
    }

    /// A flag; false when the key is absent or null.
    func flag(_ key: Keys) throws -> Bool {
        switch storage {
        case let .tree(tree):
            guard let member = tree.member(key.stringValue) else { return false }
            guard member.kind == .bool else { throw member.wrongType(expected: .boolean) }
            return member.document.values[member.index].isTrue
        case let .base(base):
            let key = JSONAnyKey(stringValue: key.stringValue)
            return try checked(base, key, expected: .boolean) { try base.decodeIfPresent(Bool.self, forKey: key) } ?? false
        }
    }

    /// An optional value (decimal, date, identifier, group); nil when the key is absent or null.
    /// The value's own `init(from:)` says when its kind is wrong.
    func optional<Value: Decodable>(_ key: Keys) throws -> Value? {
        switch storage {
        case let .tree(tree):
            guard let member = tree.member(key.stringValue) else { return nil }
            return try Value(from: member)
        case let .base(base):
            let key = JSONAnyKey(stringValue: key.stringValue)
            return try checked(base, key, expected: .object) { try base.decodeIfPresent(Value.self, forKey: key) }
        }
    }

    /// A group the model always holds; its default when the key is absent or null.
    func group<Value: Decodable>(_ key: Keys, default defaultValue: Value) throws -> Value {
        try optional(key) ?? defaultValue
    }

    /// A repeated group; [] when the key is absent or null.
    func list<Element: Decodable>(_ key: Keys) throws -> [Element] {
        switch storage {
        case let .tree(tree):
            guard let member = tree.member(key.stringValue) else { return [] }
            guard member.kind == .array else { throw member.wrongType(expected: .array) }
            let value = member.document.values[member.index]
            var elements: [Element] = []
            elements.reserveCapacity(value.memberCount)
            for slot in value.firstMember..<value.firstMember + value.memberCount {
                elements.append(try Element(from: member.child(member.document.members[slot])))
            }
            return elements
        case let .base(base):
            let key = JSONAnyKey(stringValue: key.stringValue)
            return try checked(base, key, expected: .array) { try base.decodeIfPresent([Element].self, forKey: key) } ?? []
        }
    }

    /// Restates a type mismatch of the value at `key` itself as "expected X, found Y".
    private func checked<Value>(
        _ base: KeyedDecodingContainer<JSONAnyKey>, _ key: JSONAnyKey, expected: JSONKind, _ read: () throws -> Value
    ) throws -> Value {
        do {
            return try read()
        } catch let DecodingError.typeMismatch(_, context)
            where context.underlyingError == nil && context.codingPath.count == base.codingPath.count + 1
        {
            throw JSONProblem.wrongType(expected: expected, found: Self.foundKind(base, key)).error(at: context.codingPath)
        }
    }

    private static func foundKind(_ base: KeyedDecodingContainer<JSONAnyKey>, _ key: JSONAnyKey) -> JSONKind {
        if (try? base.decodeNil(forKey: key)) == true { return .null }
        if (try? base.decode(Bool.self, forKey: key)) != nil { return .boolean }
        if (try? base.decode(String.self, forKey: key)) != nil { return .string }
        if (try? base.nestedUnkeyedContainer(forKey: key)) != nil { return .array }
        if (try? base.nestedContainer(keyedBy: JSONAnyKey.self, forKey: key)) != nil { return .object }
        return .number
    }
}

extension JSONTreeDecoder {
    /// The member of this object with a key, unless it is absent or null.
    func member(_ key: String) -> JSONTreeDecoder? {
        guard let index = document.member(of: index, key: key), document.values[index].kind != .null else { return nil }
        return child(index)
    }
}
