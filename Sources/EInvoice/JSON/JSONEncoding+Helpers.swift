extension KeyedEncodingContainer {
    /// A text term whose absence the model writes as "": left out when empty.
    mutating func encodeText(_ text: String, forKey key: Key) throws {
        if !text.isEmpty { try encode(text, forKey: key) }
    }

    /// A repeated group: left out when empty.
    mutating func encodeList<Element: Encodable>(_ list: [Element], forKey key: Key) throws {
        if !list.isEmpty { try encode(list, forKey: key) }
    }

    /// A group the model always holds: left out when it holds nothing (it equals its default).
    mutating func encodeGroup<Value: Encodable & Equatable>(_ value: Value, default defaultValue: Value, forKey key: Key) throws {
        if value != defaultValue { try encode(value, forKey: key) }
    }

    /// A flag: left out when false.
    mutating func encodeFlag(_ flag: Bool, forKey key: Key) throws {
        if flag { try encode(true, forKey: key) }
    }
}
