/// Parses a JSON text (RFC 8259, UTF-8) into a `JSONDocument`, in one loop without recursion:
/// - says where the text is not JSON, by line and column;
/// - refuses nesting deeper than the limit (100,000 nested arrays cost nothing and crash nothing);
/// - refuses a key given twice in one object (JSONDecoder silently keeps one of them);
/// - keeps the text of every number as written, so that amounts are read exactly.
struct JSONParser {
    let bytes: [UInt8]
    private let maximumDepth: Int
    var position = 0
    private var frames: [Frame] = []
    private var values: [JSONDocument.Value] = []
    /// Members of the open containers, moved to `members` / `keys` when their container closes.
    private var pendingMembers: [Int] = []
    private var pendingKeys: [String] = []
    private var members: [Int] = []
    private var keys: [String] = []
    private var escapedStrings: [Int: String] = [:]

    private struct Frame {
        var value: Int
        var isObject: Bool
        var firstPending: Int
        var count = 0
        var key = ""
        /// The keys seen, once an object has many (small objects are searched in `pendingKeys`).
        var keySet: Set<String>?
    }

    private enum Expect { case value, firstValueOrEnd, firstKeyOrEnd, key, colon, commaOrEnd, end }

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    consuming func parse() throws(InvoiceJSON.Failure) -> JSONDocument {
        var expect = Expect.value
        while true {
            skipWhitespace()
            switch expect {
            case .end:
                guard position == bytes.count else { throw malformed("the document continues after its end", "le document continue après sa fin") }
                return JSONDocument(bytes: bytes, values: values, members: members, keys: keys, escapedStrings: escapedStrings)
            case .value, .firstValueOrEnd:
                guard let byte = current else { throw unexpected("a value", "une valeur") }
                if expect == .firstValueOrEnd, byte == UInt8(ascii: "]") {
                    position += 1
                    expect = close()
                    continue
                }
                expect = try value(startingWith: byte)
            case .firstKeyOrEnd, .key:
                if expect == .firstKeyOrEnd, current == UInt8(ascii: "}") {
                    position += 1
                    expect = close()
                    continue
                }
                guard current == UInt8(ascii: "\"") else { throw unexpected("a key in double quotes", "une clé entre guillemets") }
                let start = position
                let key = try string(decoding: true) ?? ""
                try remember(key, at: start)
                expect = .colon
            case .colon:
                guard current == UInt8(ascii: ":") else { throw unexpected("':' after the key", "':' après la clé") }
                position += 1
                expect = .value
            case .commaOrEnd:
                let isObject = frames[frames.count - 1].isObject
                if current == UInt8(ascii: ",") {
                    position += 1
                    expect = isObject ? .key : .value
                } else if current == UInt8(ascii: isObject ? "}" : "]") {
                    position += 1
                    expect = close()
                } else {
                    throw isObject
                        ? unexpected("',' or '}' after a value in an object", "',' ou '}' après une valeur dans un objet")
                        : unexpected("',' or ']' after a value in an array", "',' ou ']' après une valeur dans un tableau")
                }
            }
        }
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// Records the key of the next member of the open object; a key given twice is refused.
    private mutating func remember(_ key: String, at offset: Int) throws(InvoiceJSON.Failure) {
        let top = frames.count - 1
        let frame = frames[top]
        let seen: Bool
        if var set = frame.keySet {
            seen = !set.insert(key).inserted
            frames[top].keySet = set
        } else {
            seen = pendingKeys[frame.firstPending...].contains(key)
            if !seen, frame.count >= 16 { frames[top].keySet = Set(pendingKeys[frame.firstPending...] + [key]) }
        }
        frames[top].key = key
        guard !seen else {
            throw failure(
                .duplicateKey, at: offset, path: path(),
                "the key \(JSONProblem.quoted(key)) is given twice in this object",
                "la clé \(JSONProblem.quoted(key)) figure deux fois dans cet objet")
        }
    }

    /// Appends a value to the document, as the next member of the open container.
    private mutating func append(_ value: JSONDocument.Value) -> Int {
        var value = value
        let index = values.count
        if let top = frames.indices.last {
            value.parent = frames[top].value
            value.ordinal = frames[top].count
            frames[top].count += 1
            pendingMembers.append(index)
            pendingKeys.append(frames[top].isObject ? frames[top].key : "")
        }
        values.append(value)
        return index
    }

    private var afterValue: Expect { frames.isEmpty ? .end : .commaOrEnd }

    private mutating func close() -> Expect {
        let frame = frames.removeLast()
        values[frame.value].firstMember = members.count
        values[frame.value].memberCount = frame.count
        members += pendingMembers[frame.firstPending...]
        keys += pendingKeys[frame.firstPending...]
        pendingMembers.removeSubrange(frame.firstPending...)
        pendingKeys.removeSubrange(frame.firstPending...)
        return afterValue
    }

    private mutating func value(startingWith byte: UInt8) throws(InvoiceJSON.Failure) -> Expect {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard frames.count < maximumDepth else {
                throw failure(
                    .tooDeep, at: position, path: path(),
                    "objects and arrays are nested more than \(maximumDepth) deep",
                    "les objets et tableaux sont imbriqués sur plus de \(maximumDepth) niveaux")
            }
            let isObject = byte == UInt8(ascii: "{")
            let index = append(JSONDocument.Value(kind: isObject ? .object : .array, start: position))
            position += 1
            frames.append(Frame(value: index, isObject: isObject, firstPending: pendingMembers.count))
            return isObject ? .firstKeyOrEnd : .firstValueOrEnd
        case UInt8(ascii: "\""):
            let start = position + 1
            let string = try string(decoding: false)
            let index = append(JSONDocument.Value(kind: .string, start: start, end: position - 1))
            if let string { escapedStrings[index] = string }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = position
            try number()
            _ = append(JSONDocument.Value(kind: .number, start: start, end: position))
        case UInt8(ascii: "t"):
            try literal("true")
            _ = append(JSONDocument.Value(kind: .bool, isTrue: true))
        case UInt8(ascii: "f"):
            try literal("false")
            _ = append(JSONDocument.Value(kind: .bool))
        case UInt8(ascii: "n"):
            try literal("null")
            _ = append(JSONDocument.Value(kind: .null))
        default:
            throw unexpected("a value", "une valeur")
        }
        return afterValue
    }

    /// The path of the value being read, from the open containers (for errors met while parsing).
    private func path() -> JSONPath {
        // An enclosing array has counted the element being read; the innermost one has not yet.
        JSONPath(frames.indices.map { index in
            let frame = frames[index]
            return frame.isObject ? .key(frame.key) : .index(index == frames.count - 1 ? frame.count : frame.count - 1)
        })
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func literal(_ word: String) throws(InvoiceJSON.Failure) {
        let count = word.utf8.count
        guard position + count <= bytes.count, bytes[position..<position + count].elementsEqual(word.utf8) else {
            throw unexpected("a value (a string, a number, an object, an array, true, false or null)",
                             "une valeur (chaîne, nombre, objet, tableau, true, false ou null)")
        }
        position += count
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws(InvoiceJSON.Failure) {
        if current == UInt8(ascii: "-") { position += 1 }
        guard let first = current, isDigit(first) else { throw unexpected("a digit", "un chiffre") }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if current == UInt8(ascii: ".") {
            position += 1
            guard let digit = current, isDigit(digit) else { throw unexpected("a digit after the decimal point", "un chiffre après le point décimal") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard let digit = current, isDigit(digit) else { throw unexpected("a digit in the exponent", "un chiffre dans l'exposant") }
            skipDigits()
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while let byte = current, isDigit(byte) { position += 1 }
    }

    func failure(_ reason: InvoiceJSON.Failure.Reason, at offset: Int, path: JSONPath = JSONPath(),
                 _ english: String, _ french: String) -> InvoiceJSON.Failure {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return InvoiceJSON.Failure(reason: reason, path: path.text, english: english, french: french,
                                   line: line, column: offset - lineStart + 1)
    }

    func malformed(_ english: String, _ french: String, at offset: Int? = nil) -> InvoiceJSON.Failure {
        failure(.malformed, at: offset ?? position, english, french)
    }

    /// "expected X, found Y" at the current position.
    func unexpected(_ english: String, _ french: String) -> InvoiceJSON.Failure {
        let found: (String, String)
        if let byte = current {
            found = byte >= 0x21 && byte < 0x7F
                ? ("'\(Character(Unicode.Scalar(byte)))'", "'\(Character(Unicode.Scalar(byte)))'")
                : ("the byte 0x\(String(byte, radix: 16, uppercase: true))", "l'octet 0x\(String(byte, radix: 16, uppercase: true))")
        } else {
            found = ("the end of the document", "la fin du document")
        }
        return malformed("expected \(english), found \(found.0)", "attendu : \(french) ; trouvé : \(found.1)")
    }
}
