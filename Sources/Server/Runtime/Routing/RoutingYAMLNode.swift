import Foundation
import Yams

/// A YAML node with where it is (file, line, dotted field), so that every error can say where.
struct RoutingYAMLNode {
    var node: Node
    var file: String
    var field: String

    var line: Int? { node.mark?.line }

    func error(_ message: String) -> RoutingFileError {
        RoutingFileError(file: file, line: line, field: field, message: message)
    }

    /// The entries of a mapping, refusing keys outside `allowed` (with the nearest one as a suggestion) and keys
    /// given twice. `allowed` empty: any key (e.g. tenant ids).
    func mapping(allowed: [String]) throws(RoutingFileError) -> [(key: String, value: RoutingYAMLNode)] {
        guard case .mapping(let mapping) = node else { throw error("must be a mapping (`key: value` lines)") }
        var entries: [(key: String, value: RoutingYAMLNode)] = []
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            let child = RoutingYAMLNode(node: valueNode, file: file, field: field)
            guard case .scalar(let scalar) = keyNode else { throw child.error("has a key that is not a plain name") }
            let key = scalar.string
            let located = RoutingYAMLNode(
                node: valueNode, file: file, field: field.isEmpty ? key : field + "." + key)
            var keyLocated = located
            keyLocated.node = keyNode
            if !allowed.isEmpty, !allowed.contains(key) {
                throw keyLocated.error(Self.unknown(key, among: allowed))
            }
            guard seen.insert(key).inserted else { throw keyLocated.error("is set twice") }
            if case .alias = valueNode { throw located.error("uses a YAML alias; write the value") }
            entries.append((key, located))
        }
        return entries
    }

    /// "is not a field", with the nearest allowed key when the key looks like a typo.
    static func unknown(_ key: String, among allowed: [String]) -> String {
        let nearest = allowed.map { ($0, EditDistance.between($0, key)) }.min { $0.1 < $1.1 }
        if let nearest, nearest.1 <= 3 { return "is not a field here; did you mean \(nearest.0)?" }
        return "is not a field here (known: \(allowed.joined(separator: ", ")))"
    }

    var isNull: Bool { node.tag == Tag(.null) }

    func string() throws(RoutingFileError) -> String {
        guard case .scalar(let scalar) = node, !isNull else { throw error("must be one value") }
        let value = scalar.string.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw error("is empty") }
        return value
    }

    func bool() throws(RoutingFileError) -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("must be true or false")
        }
    }

    /// One value or a list of values.
    func strings() throws(RoutingFileError) -> [String] {
        if case .sequence(let sequence) = node {
            var values: [String] = []
            for (index, item) in sequence.enumerated() {
                values.append(try RoutingYAMLNode(node: item, file: file, field: "\(field)[\(index + 1)]").string())
            }
            guard !values.isEmpty else { throw error("is an empty list") }
            return values
        }
        return [try string()]
    }

    /// A value of `Choice`, matched without regard to case, `-`, `_` and spaces.
    func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type, extra: [String: Choice] = [:])
        throws(RoutingFileError) -> Choice where Choice.RawValue == String
    {
        let value = try string()
        let simple = Self.simplified(value)
        if let found = Choice.allCases.first(where: { Self.simplified($0.rawValue) == simple }) { return found }
        if let found = extra[simple] { return found }
        throw error("\"\(value)\" is not one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    static func simplified(_ text: String) -> String {
        String(text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
    }
}
