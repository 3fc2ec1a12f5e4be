/// A `Decoder` over a parsed `JSONDocument`: what `InvoiceJSON.decode` uses instead of `JSONDecoder`.
///
/// It parses once (JSONDecoder would parse the text again and build a dictionary for every object it opens),
/// hands `ExactDecimal` the text of a number as written, and builds a coding path only when an error needs one.
/// Its errors are the `DecodingError`s JSONDecoder throws in the same cases.
struct JSONTreeDecoder: Decoder {
    let document: JSONDocument
    let index: Int

    var codingPath: [any CodingKey] { document.codingPath(of: index) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var kind: JSONDocument.Kind { document.values[index].kind }

    func container<Key: CodingKey>(keyedBy _: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try expect(.object, [String: Any].self)
        return KeyedDecodingContainer(JSONTreeKeyedContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try expect(.array, [Any].self)
        return JSONTreeUnkeyedContainer(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { JSONTreeSingleValue(decoder: self) }

    /// The decoder of a member.
    func child(_ index: Int) -> JSONTreeDecoder { JSONTreeDecoder(document: document, index: index) }

    func expect(_ expected: JSONDocument.Kind, _ type: Any.Type) throws {
        guard kind != expected else { return }
        let context = DecodingError.Context(
            codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(describe(kind)) instead.")
        throw kind == .null ? DecodingError.valueNotFound(type, context) : DecodingError.typeMismatch(type, context)
    }

    private func describe(_ kind: JSONDocument.Kind) -> String {
        switch kind {
        case .object: "a dictionary"
        case .array: "an array"
        case .string: "a string"
        case .number: "number"
        case .bool: "bool"
        case .null: "null"
        }
    }

    // The scalar reads shared by the three kinds of container.

    func decodeBool() throws -> Bool {
        try expect(.bool, Bool.self)
        return document.values[index].isTrue
    }

    func decodeString() throws -> String {
        try expect(.string, String.self)
        return document.string(index)
    }

    func decodeNumber<Number: LosslessStringConvertible>(_ type: Number.Type) throws -> Number {
        try expect(.number, type)
        let text = document.numberText(index)
        guard let number = Number(text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath, debugDescription: "The number \(text) does not fit in \(type)."))
        }
        return number
    }

    func decode<Value: Decodable>(_: Value.Type) throws -> Value {
        try Value(from: self)
    }
}

struct JSONTreeSingleValue: SingleValueDecodingContainer {
    let decoder: JSONTreeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.kind == .null }
    func decode(_: Bool.Type) throws -> Bool { try decoder.decodeBool() }
    func decode(_: String.Type) throws -> String { try decoder.decodeString() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeNumber(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.decodeNumber(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeNumber(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeNumber(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeNumber(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeNumber(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeNumber(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeNumber(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeNumber(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeNumber(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeNumber(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeNumber(type) }
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try decoder.decode(type) }
}
