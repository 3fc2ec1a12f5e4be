/// A place in a JSON document: keys and array positions from the root, written `lines[3].price.netPrice`.
struct JSONPath: Hashable, Sendable {
    enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    var components: [Component]

    init(_ components: [Component] = []) { self.components = components }

    /// The path of a `Decoder` or a `DecodingError`: array positions are the keys with an `intValue`.
    init(_ codingPath: [any CodingKey]) {
        components = codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) }
    }

    var text: String {
        var result = ""
        for component in components {
            switch component {
            case let .key(key):
                if !result.isEmpty { result += "." }
                result += key
            case let .index(index):
                result += "[\(index)]"
            }
        }
        return result
    }
}
