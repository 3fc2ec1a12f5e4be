/// The containers of ``JSONTreeEncoder``. Text and flags become leaf nodes directly; everything else encodes into a
/// child node through a nested ``JSONTreeEncoder``.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let path: JSONCodingPathLink?

    var codingPath: [any CodingKey] { JSONCodingPathLink.path(path) }

    private func add(_ key: Key, _ value: JSONValue) {
        node.members.append((key.stringValue, value))
    }

    mutating func encodeNil(forKey key: Key) throws { add(key, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, .literal(value ? "true" : "false")) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(key, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw JSONFloatRefused(path: codingPath + [key]) }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw JSONFloatRefused(path: codingPath + [key]) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(key, .literal(String(value))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let text = value as? any CanonicalJSONString {
            add(key, .string(text.canonicalJSONString))
            return
        }
        let child = JSONNode()
        try value.encode(to: JSONTreeEncoder(node: child, path: JSONCodingPathLink(key, parent: path)))
        add(key, child.value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = JSONNode()
        add(key, .node(child))
        return JSONTreeEncoder(node: child, path: JSONCodingPathLink(key, parent: path)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONNode()
        add(key, .node(child))
        return JSONTreeEncoder(node: child, path: JSONCodingPathLink(key, parent: path)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONNode()
        node.members.append(("super", .node(child)))
        return JSONTreeEncoder(node: child, path: JSONCodingPathLink(JSONAnyKey(stringValue: "super"), parent: path))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = JSONNode()
        add(key, .node(child))
        return JSONTreeEncoder(node: child, path: JSONCodingPathLink(key, parent: path))
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let path: JSONCodingPathLink?

    var codingPath: [any CodingKey] { JSONCodingPathLink.path(path) }
    var count: Int { node.elements.count }

    private var nextKey: JSONAnyKey { JSONAnyKey(intValue: node.elements.count) }

    mutating func encodeNil() throws { node.elements.append(.null) }
    mutating func encode(_ value: Bool) throws { node.elements.append(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { node.elements.append(.string(value)) }
    mutating func encode(_ value: Double) throws { throw JSONFloatRefused(path: codingPath + [nextKey]) }
    mutating func encode(_ value: Float) throws { throw JSONFloatRefused(path: codingPath + [nextKey]) }
    mutating func encode(_ value: Int) throws { node.elements.append(.literal(String(value))) }
    mutating func encode(_ value: Int64) throws { node.elements.append(.literal(String(value))) }
    mutating func encode(_ value: UInt64) throws { node.elements.append(.literal(String(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let text = value as? any CanonicalJSONString {
            node.elements.append(.string(text.canonicalJSONString))
            return
        }
        let child = JSONNode()
        try value.encode(to: JSONTreeEncoder(node: child, path: JSONCodingPathLink(nextKey, parent: path)))
        node.elements.append(child.value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = JSONNode()
        let encoder = JSONTreeEncoder(node: child, path: JSONCodingPathLink(nextKey, parent: path))
        node.elements.append(.node(child))
        return encoder.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = JSONNode()
        let encoder = JSONTreeEncoder(node: child, path: JSONCodingPathLink(nextKey, parent: path))
        node.elements.append(.node(child))
        return encoder.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONNode()
        let encoder = JSONTreeEncoder(node: child, path: JSONCodingPathLink(nextKey, parent: path))
        node.elements.append(.node(child))
        return encoder
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let path: JSONCodingPathLink?

    var codingPath: [any CodingKey] { JSONCodingPathLink.path(path) }

    private func set(_ leaf: JSONValue) {
        node.kind = .leaf
        node.leaf = leaf
    }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { throw JSONFloatRefused(path: codingPath) }
    mutating func encode(_ value: Float) throws { throw JSONFloatRefused(path: codingPath) }
    mutating func encode(_ value: Int) throws { set(.literal(String(value))) }
    mutating func encode(_ value: Int8) throws { set(.literal(String(value))) }
    mutating func encode(_ value: Int16) throws { set(.literal(String(value))) }
    mutating func encode(_ value: Int32) throws { set(.literal(String(value))) }
    mutating func encode(_ value: Int64) throws { set(.literal(String(value))) }
    mutating func encode(_ value: UInt) throws { set(.literal(String(value))) }
    mutating func encode(_ value: UInt8) throws { set(.literal(String(value))) }
    mutating func encode(_ value: UInt16) throws { set(.literal(String(value))) }
    mutating func encode(_ value: UInt32) throws { set(.literal(String(value))) }
    mutating func encode(_ value: UInt64) throws { set(.literal(String(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: JSONTreeEncoder(node: node, path: path))
    }
}

/// A floating-point value reached the canonical encoder: the model writes amounts as exact decimal strings.
public struct JSONFloatRefused: Error, CustomStringConvertible {
    /// Where, as dotted coding keys.
    public let path: String

    init(path: [any CodingKey]) {
        self.path = path.map(\.stringValue).joined(separator: ".")
    }

    public var description: String {
        "floating-point value at \(path) refused: amounts are exact decimals"
    }
}
