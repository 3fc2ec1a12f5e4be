import Foundation

/// A request DTO that refuses unknown fields: a misspelt field is an error, not silently dropped data.
protocol StrictJSON: Decodable {
    static var shape: JSONShape { get }
}

/// The fields a JSON value may have, nested.
indirect enum JSONShape: Sendable {
    /// Any value (a leaf, or an object checked elsewhere).
    case any
    case object([String: JSONShape])
    case array(JSONShape)

    /// Fields of `value` this shape does not know, with their paths.
    func unknownFields(in value: Any, at path: String) -> [FieldProblem] {
        switch self {
        case .any:
            return []
        case .object(let fields):
            guard let object = value as? [String: Any] else { return [] }
            var problems: [FieldProblem] = []
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let shape = fields[key], let nested = object[key] else {
                    let known = fields.keys.sorted().joined(separator: ", ")
                    problems.append(FieldProblem(field: child, message: "unknown field; known fields: \(known)"))
                    continue
                }
                problems += shape.unknownFields(in: nested, at: child)
            }
            return problems
        case .array(let element):
            guard let array = value as? [Any] else { return [] }
            return array.enumerated().flatMap { index, item in element.unknownFields(in: item, at: "\(path)[\(index)]") }
        }
    }

    /// An object whose fields are all leaves.
    static func leaves(_ names: String...) -> JSONShape {
        .object(Dictionary(uniqueKeysWithValues: names.map { ($0, JSONShape.any) }))
    }

    /// `entries[2].unitPrice`
    static func path(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "a whole number"
        case is [Any].Type: "an array"
        case is [String: Any].Type: "an object"
        default: "a value of another type"
        }
    }
}
