/// Reads a JSON text once before it is decoded, without recursion and without building a tree:
/// - checks that it is JSON (RFC 8259) in UTF-8, and says where it is not, by line and column;
/// - refuses nesting deeper than the limit (JSONDecoder itself allows 512, and an invoice needs 6);
/// - refuses a key given twice in one object (JSONDecoder silently keeps one of them);
/// - records the text of every number by path, so that amounts are read exactly (`JSONNumberTexts`).
struct JSONPreScanner {
    let bytes: [UInt8]
    private let maximumDepth: Int
    var position = 0
    private var frames: [Frame] = []
    private var numbers = JSONNumberTexts()

    private struct Frame {
        var isObject: Bool
        var index = 0
        var key = ""
        var keys: Set<String> = []
    }

    private enum Expect { case value, firstValueOrEnd, firstKeyOrEnd, key, colon, commaOrEnd, end }

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    consuming func scan() throws(InvoiceJSON.Failure) -> JSONNumberTexts {
        var expect = Expect.value
        while true {
            skipWhitespace()
            switch expect {
            case .end:
                guard position == bytes.count else { throw malformed("the document continues after its end", "le document continue après sa fin") }
                return numbers
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
                let key = try string(decoding: true)
                let top = frames.count - 1
                guard frames[top].keys.insert(key).inserted else {
                    frames[top].key = key
                    throw failure(
                        .duplicateKey, at: start, path: path(),
                        "the key \(JSONProblem.quoted(key)) is given twice in this object",
                        "la clé \(JSONProblem.quoted(key)) figure deux fois dans cet objet")
                }
                frames[top].key = key
                expect = .colon
            case .colon:
                guard current == UInt8(ascii: ":") else { throw unexpected("':' after the key", "':' après la clé") }
                position += 1
                expect = .value
            case .commaOrEnd:
                let top = frames.count - 1
                let isObject = frames[top].isObject
                if current == UInt8(ascii: ",") {
                    position += 1
                    if isObject { expect = .key } else {
                        frames[top].index += 1
                        expect = .value
                    }
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

    private var afterValue: Expect { frames.isEmpty ? .end : .commaOrEnd }

    private mutating func close() -> Expect {
        frames.removeLast()
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
            position += 1
            let isObject = byte == UInt8(ascii: "{")
            frames.append(Frame(isObject: isObject))
            return isObject ? .firstKeyOrEnd : .firstValueOrEnd
        case UInt8(ascii: "\""):
            _ = try string(decoding: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let text = try number()
            numbers.texts[path()] = text
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default:
            throw unexpected("a value", "une valeur")
        }
        return afterValue
    }

    /// The path of the value being read: the current key or index of every open object or array.
    private func path() -> JSONPath {
        JSONPath(frames.map { $0.isObject ? .key($0.key) : .index($0.index) })
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
    private mutating func number() throws(InvoiceJSON.Failure) -> String {
        let start = position
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
        return String(decoding: bytes[start..<position], as: UTF8.self)
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
