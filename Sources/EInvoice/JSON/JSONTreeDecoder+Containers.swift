/// The members of a JSON object, read by key.
struct JSONTreeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: JSONTreeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        let value = decoder.document.values[decoder.index]
        return decoder.document.keys[value.firstMember..<value.firstMember + value.memberCount].compactMap(Key.init(stringValue:))
    }

    func contains(_ key: Key) -> Bool { member(key) != nil }

    private func member(_ key: Key) -> JSONTreeDecoder? {
        decoder.document.member(of: decoder.index, key: key.stringValue).map(decoder.child)
    }

    private func required(_ key: Key) throws -> JSONTreeDecoder {
        guard let member = member(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return member
    }

    func decodeNil(forKey key: Key) throws -> Bool { try required(key).kind == .null }
    func decode(_: Bool.Type, forKey key: Key) throws -> Bool { try required(key).decodeBool() }
    func decode(_: String.Type, forKey key: Key) throws -> String { try required(key).decodeString() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try required(key).decodeNumber(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try required(key).decodeNumber(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try required(key).decodeNumber(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try required(key).decodeNumber(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try required(key).decodeNumber(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try required(key).decodeNumber(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try required(key).decodeNumber(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try required(key).decodeNumber(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try required(key).decodeNumber(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try required(key).decodeNumber(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try required(key).decodeNumber(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try required(key).decodeNumber(type) }
    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value { try required(key).decode(type) }

    // One lookup instead of the three of the default implementations (contains, decodeNil, decode).

    func decodeIfPresent(_: String.Type, forKey key: Key) throws -> String? {
        guard let member = member(key), member.kind != .null else { return nil }
        return try member.decodeString()
    }

    func decodeIfPresent(_: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let member = member(key), member.kind != .null else { return nil }
        return try member.decodeBool()
    }

    func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        guard let member = member(key), member.kind != .null else { return nil }
        return try member.decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try required(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try required(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try required(forSuper: JSONAnyKey(stringValue: "super")) }

    func superDecoder(forKey key: Key) throws -> any Decoder { try required(key) }

    private func required(forSuper key: JSONAnyKey) throws -> JSONTreeDecoder {
        guard let index = decoder.document.member(of: decoder.index, key: key.stringValue) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: "No value for super."))
        }
        return decoder.child(index)
    }
}

/// The elements of a JSON array, read in order.
struct JSONTreeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: JSONTreeDecoder
    private(set) var currentIndex = 0

    init(decoder: JSONTreeDecoder) { self.decoder = decoder }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { decoder.document.values[decoder.index].memberCount }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    /// The next element; the index moves on only when the element was read.
    private func next(_ type: Any.Type) throws -> JSONTreeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: codingPath + [JSONAnyKey(intValue: currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        let value = decoder.document.values[decoder.index]
        return decoder.child(decoder.document.members[value.firstMember + currentIndex])
    }

    private mutating func read<Value>(_ type: Any.Type, _ body: (JSONTreeDecoder) throws -> Value) throws -> Value {
        let value = try body(try next(type))
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard try next(Never.self).kind == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try read(type) { try $0.decodeBool() } }
    mutating func decode(_ type: String.Type) throws -> String { try read(type) { try $0.decodeString() } }
    mutating func decode(_ type: Double.Type) throws -> Double { try read(type) { try $0.decodeNumber(type) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try read(type) { try $0.decodeNumber(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try read(type) { try $0.decodeNumber(type) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try read(type) { try $0.decodeNumber(type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try read(type) { try $0.decodeNumber(type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try read(type) { try $0.decodeNumber(type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try read(type) { try $0.decodeNumber(type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try read(type) { try $0.decodeNumber(type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try read(type) { try $0.decodeNumber(type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try read(type) { try $0.decodeNumber(type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try read(type) { try $0.decodeNumber(type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try read(type) { try $0.decodeNumber(type) } }
    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try read(type) { try $0.decode(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try read(type) { try $0.container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try read([Any].self) { try $0.unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder { try read(Any.self) { $0 } }
}
