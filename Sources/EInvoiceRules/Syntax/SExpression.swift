/// The S-expressions the generated syntax tables are written in: `(op arg arg)`, atoms, `"strings"` and
/// `#numbers`. The generator (scripts/syntaxrules) writes the official XPath tests in this form so that
/// reading them at start-up needs no XPath parser.
enum SExpression: Sendable, Equatable {
    case atom(String)
    case string(String)
    case number(String)
    case list([SExpression])

    struct ReadError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func read(_ text: Substring) throws(ReadError) -> SExpression {
        var reader = Reader(bytes: Array(text.utf8))
        let expression = try reader.expression()
        reader.skipSpaces()
        guard reader.position == reader.bytes.count else { throw ReadError(message: "trailing text in \(text)") }
        return expression
    }

    /// The items of a list (none for an atom).
    var items: [SExpression] {
        if case .list(let items) = self { return items }
        return []
    }

    var atomText: String? {
        if case .atom(let text) = self { return text }
        return nil
    }
}

private struct Reader {
    let bytes: [UInt8]
    var position = 0

    mutating func skipSpaces() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
    }

    mutating func expression() throws(SExpression.ReadError) -> SExpression {
        skipSpaces()
        guard position < bytes.count else { throw SExpression.ReadError(message: "unexpected end") }
        switch bytes[position] {
        case UInt8(ascii: "("):
            position += 1
            var items: [SExpression] = []
            while true {
                skipSpaces()
                guard position < bytes.count else { throw SExpression.ReadError(message: "unclosed list") }
                if bytes[position] == UInt8(ascii: ")") {
                    position += 1
                    return .list(items)
                }
                items.append(try expression())
            }
        case UInt8(ascii: "\""):
            position += 1
            var output: [UInt8] = []
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                if bytes[position] == UInt8(ascii: "\\"), position + 1 < bytes.count { position += 1 }
                output.append(bytes[position])
                position += 1
            }
            guard position < bytes.count else { throw SExpression.ReadError(message: "unclosed string") }
            position += 1
            return .string(String(decoding: output, as: UTF8.self))
        case UInt8(ascii: ")"):
            throw SExpression.ReadError(message: "unexpected )")
        default:
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: " "), bytes[position] != UInt8(ascii: "("),
                bytes[position] != UInt8(ascii: ")")
            {
                position += 1
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if text.hasPrefix("#") { return .number(String(text.dropFirst())) }
            return .atom(text)
        }
    }
}
