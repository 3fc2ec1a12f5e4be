extension InvoiceJSON {
    /// Why a JSON invoice was refused: the JSON path of the field and what to change, in English and French.
    ///
    /// `description` reads like `lines[3].quantity.value: "12,5" is not a decimal number: …`.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public enum Reason: String, Sendable, Hashable {
            /// The payload is larger than `Limits.maximumBytes`.
            case tooLarge
            /// Objects and arrays nest deeper than `Limits.maximumDepth`.
            case tooDeep
            /// Not JSON (RFC 8259) in UTF-8.
            case malformed
            /// The same key twice in one object.
            case duplicateKey
            /// A key the canonical invoice does not have (a typo such as `isueDate`).
            case unknownKey
            /// A string where an object is expected, a number where a string is expected, …
            case wrongType
            /// The right type but an invalid value: a decimal such as "1,5", a date such as "2026-02-30".
            case invalidValue
            /// A value the field cannot be without (the `value` of a quantity).
            case missingValue
        }

        public var reason: Reason
        /// The JSON path of the field, e.g. `lines[3].price.netPrice`; "" for the document itself.
        public var path: String
        public var english: String
        public var french: String
        /// Where in the text, for `malformed`, `tooDeep` and `duplicateKey` (1-based; the column counts bytes).
        public var line: Int?
        public var column: Int?

        public init(reason: Reason, path: String, english: String, french: String, line: Int? = nil, column: Int? = nil) {
            self.reason = reason
            self.path = path
            self.english = english
            self.french = french
            self.line = line
            self.column = column
        }

        public var description: String { Self.prefix(path: path, line: line, column: column) + english }

        /// The French form of `description`.
        public var frenchDescription: String { Self.prefix(path: path, line: line, column: column, french: true) + french }

        private static func prefix(path: String, line: Int?, column: Int?, french: Bool = false) -> String {
            var parts: [String] = []
            if let line, let column { parts.append(french ? "ligne \(line), colonne \(column)" : "line \(line), column \(column)") }
            if !path.isEmpty { parts.append(path) }
            return parts.isEmpty ? "" : parts.joined(separator: ", ") + ": "
        }
    }
}

extension InvoiceJSON.Failure {
    /// A decoding error thrown by the model's `init(from:)` (or by JSONDecoder itself), with its path.
    init(_ error: DecodingError) {
        switch error {
        case let .typeMismatch(type, context):
            let problem = context.underlyingError as? JSONProblem
                ?? .wrongType(expected: Self.kind(of: type), found: Self.foundKind(context.debugDescription))
            self.init(problem, codingPath: context.codingPath)
        case let .valueNotFound(type, context):
            let problem = context.underlyingError as? JSONProblem ?? .wrongType(expected: Self.kind(of: type), found: .null)
            self.init(problem, codingPath: context.codingPath)
        case let .keyNotFound(key, context):
            let problem = context.underlyingError as? JSONProblem ?? .missingValue(.string)
            self.init(problem, codingPath: context.codingPath + [key])
        case let .dataCorrupted(context):
            if let problem = context.underlyingError as? JSONProblem {
                self.init(problem, codingPath: context.codingPath)
            } else {
                // JSONParser refuses malformed JSON first, so this comes only from another decoder; say what it said.
                self.init(
                    reason: .malformed, path: JSONPath(context.codingPath).text,
                    english: "not a valid JSON invoice: \(context.debugDescription)",
                    french: "pas une facture JSON valide : \(context.debugDescription)")
            }
        @unknown default:
            self.init(reason: .malformed, path: "", english: "\(error)", french: "\(error)")
        }
    }

    init(_ problem: JSONProblem, codingPath: [any CodingKey]) {
        self.init(reason: problem.reason, path: JSONPath(codingPath).text, english: problem.english, french: problem.french)
    }

    private static func kind(of type: Any.Type) -> JSONKind {
        switch type {
        case is String.Type: .string
        case is Bool.Type: .boolean
        case is ExactDecimal.Type: .decimal
        case is CalendarDate.Type: .date
        case is Identifier.Type: .identifier
        case is [Any].Type: .array
        default: .object
        }
    }

    /// What JSONDecoder says it found ("… but found number instead."), for the rare mismatch no helper caught.
    private static func foundKind(_ description: String) -> JSONKind {
        let lower = description.lowercased()
        guard let range = lower.range(of: "found ") else { return .other }
        let rest = lower[range.upperBound...]
        if rest.hasPrefix("a string") || rest.hasPrefix("string") { return .string }
        if rest.hasPrefix("number") || rest.hasPrefix("a number") { return .number }
        if rest.hasPrefix("bool") || rest.hasPrefix("a bool") { return .boolean }
        if rest.hasPrefix("an array") || rest.hasPrefix("array") { return .array }
        if rest.hasPrefix("a dictionary") || rest.hasPrefix("dictionary") || rest.hasPrefix("an object") { return .object }
        if rest.hasPrefix("null") { return .null }
        return .other
    }
}
