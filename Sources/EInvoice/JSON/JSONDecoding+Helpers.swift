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
    ) throws -> StrictContainer<Keys> {
        if let tree = self as? JSONTreeDecoder {
            guard tree.kind == .object else { throw tree.wrongType(expected: expected) }
            let value = tree.document.values[tree.index]
            let keys = tree.document.keys[value.firstMember..<value.firstMember + value.memberCount]
            try rejectUnknown(keys.filter { Keys(stringValue: $0) == nil }, of: Keys.self)
            return StrictContainer(tree: tree)
        }
        let base: KeyedDecodingContainer<JSONAnyKey>
        do {
            base = try container(keyedBy: JSONAnyKey.self)
        } catch let error as DecodingError {
            throw wrongType(error, expected: expected)
        }
        try rejectUnknown(base.allKeys.map(\.stringValue).filter { Keys(stringValue: $0) == nil }, of: Keys.self)
        return StrictContainer(base: base)
    }

    private func rejectUnknown<Keys: CodingKey & CaseIterable>(_ unknown: [String], of _: Keys.Type) throws {
        guard !unknown.isEmpty else { return }
        let sorted = unknown.sorted()
        let known = Set(Keys.allCases.map { $0.stringValue })
        let problem = JSONProblem.unknownKey(sorted[0], suggestion: Self.nearest(sorted[0], in: known), others: sorted.count - 1)
        throw DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: codingPath + [JSONAnyKey(stringValue: sorted[0])], debugDescription: problem.english,
            underlyingError: problem))
    }

    /// A type mismatch at this decoder's own value, restated as "expected X, found Y".
    func wrongType(_ error: DecodingError, expected: JSONKind) -> DecodingError {
        switch error {
        case let .typeMismatch(_, context) where context.codingPath.count == codingPath.count && context.underlyingError == nil,
            let .valueNotFound(_, context) where context.codingPath.count == codingPath.count && context.underlyingError == nil:
            return JSONProblem.wrongType(expected: expected, found: foundKind()).error(at: codingPath)
        default:
            return error
        }
    }

    /// The kind of this decoder's value, found by trying each (only on the error path).
    func foundKind() -> JSONKind {
        if let tree = self as? JSONTreeDecoder { return tree.kind.json }
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

extension JSONProblem {
    /// The `DecodingError` that carries this problem, at a path.
    func error(at codingPath: [any CodingKey]) -> DecodingError {
        let context = DecodingError.Context(codingPath: codingPath, debugDescription: english, underlyingError: self)
        if case .wrongType = self { return DecodingError.typeMismatch(Any.self, context) }
        return DecodingError.dataCorrupted(context)
    }
}

extension JSONDocument.Kind {
    var json: JSONKind {
        switch self {
        case .object: .object
        case .array: .array
        case .string: .string
        case .number: .number
        case .bool: .boolean
        case .null: .null
        }
    }
}

extension JSONTreeDecoder {
    /// "expected X, found Y" at this value.
    func wrongType(expected: JSONKind) -> DecodingError {
        JSONProblem.wrongType(expected: expected, found: kind.json).error(at: codingPath)
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
