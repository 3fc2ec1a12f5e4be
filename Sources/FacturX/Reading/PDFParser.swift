/// Reads PDF objects from a byte buffer (the file, or a decoded object stream): a bounded recursive-descent
/// parser over a position. It never reads past the buffer and never recurses deeper than
/// `PDFLimits.maximumNesting`.
struct PDFParser {
    let bytes: [UInt8]
    let limits: PDFLimits
    var position: Int
    /// Added to positions in error messages (the offset of an object stream's data is not in the file).
    var objectNumber: Int?

    init(bytes: [UInt8], position: Int = 0, limits: PDFLimits, objectNumber: Int? = nil) {
        self.bytes = bytes
        self.position = position
        self.limits = limits
        self.objectNumber = objectNumber
    }

    var isAtEnd: Bool { position >= bytes.count }

    func error(_ message: String, at offset: Int? = nil) -> PDFError {
        PDFError(.syntax, message, offset: offset ?? position, object: objectNumber)
    }

    // MARK: whitespace and keywords

    mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            if PDFBytes.isWhitespace(byte) {
                position += 1
            } else if byte == 0x25 {  // % comment to end of line
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// Skips whitespace, then consumes `keyword` if it is there.
    mutating func consumeKeyword(_ keyword: StaticString) -> Bool {
        skipWhitespace()
        guard PDFBytes.matches(bytes, keyword, at: position) else { return false }
        position += keyword.utf8CodeUnitCount
        return true
    }

    mutating func expectKeyword(_ keyword: StaticString) throws(PDFError) {
        guard consumeKeyword(keyword) else {
            throw error("expected '\(keyword)' but found \(preview())")
        }
    }

    /// A short printable excerpt at the position, for error messages.
    func preview(at offset: Int? = nil) -> String {
        let start = min(offset ?? position, bytes.count)
        guard start < bytes.count else { return "the end of the data" }
        let end = min(bytes.count, start + 16)
        let text = bytes[start..<end].map { $0 >= 0x20 && $0 < 0x7F ? Character(Unicode.Scalar($0)) : "." }
        return "'" + String(text) + "'"
    }

    /// Reads an unsigned integer (digits only) at the position after whitespace; nil (position unchanged
    /// but for whitespace) when there is none.
    mutating func readUnsignedInteger() -> Int? {
        skipWhitespace()
        var index = position
        var value = 0
        while index < bytes.count, PDFBytes.isDigit(bytes[index]) {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[index] - 0x30))
            if overflow1 || overflow2 { return nil }
            value = sum
            index += 1
        }
        guard index > position, index == bytes.count || !PDFBytes.isRegular(bytes[index]) else { return nil }
        position = index
        return value
    }

    // MARK: indirect objects

    /// Reads `N G obj` at the position; returns the object number and generation.
    mutating func readObjectHeader() throws(PDFError) -> (number: Int, generation: Int) {
        let start = position
        guard let number = readUnsignedInteger(), let generation = readUnsignedInteger(), consumeKeyword("obj") else {
            throw PDFError(.syntax, "expected an object header 'N G obj' but found \(preview(at: start))", offset: start)
        }
        return (number, generation)
    }

    // MARK: objects

    mutating func parseObject(depth: Int = 0) throws(PDFError) -> PDFObject {
        guard depth <= limits.maximumNesting else {
            throw PDFError(.limit, "arrays and dictionaries are nested deeper than \(limits.maximumNesting) levels",
                           offset: position, object: objectNumber)
        }
        skipWhitespace()
        guard position < bytes.count else { throw error("unexpected end of data, an object was expected") }
        let byte = bytes[position]
        switch byte {
        case 0x2F:  // /
            return .name(readName())
        case 0x28:  // (
            return .string(try readLiteralString())
        case 0x3C:  // <
            if position + 1 < bytes.count, bytes[position + 1] == 0x3C {
                return .dictionary(try parseDictionaryBody(depth: depth))
            }
            return .string(try readHexString())
        case 0x5B:  // [
            return .array(try parseArrayBody(depth: depth))
        case 0x2B, 0x2D, 0x2E, 0x30...0x39:
            return try parseNumberOrReference()
        default:
            return try parseKeywordObject()
        }
    }

    mutating func parseArrayBody(depth: Int) throws(PDFError) -> [PDFObject] {
        let start = position
        position += 1
        var items: [PDFObject] = []
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw error("the array opened at byte \(start) is not closed", at: start) }
            if bytes[position] == 0x5D {
                position += 1
                return items
            }
            guard items.count < limits.maximumCollectionCount else {
                throw PDFError(.limit, "an array has more than \(limits.maximumCollectionCount) elements", offset: start, object: objectNumber)
            }
            items.append(try parseObject(depth: depth + 1))
        }
    }

    mutating func parseDictionaryBody(depth: Int) throws(PDFError) -> PDFDictionary {
        let start = position
        position += 2
        var entries: [PDFDictionary.Entry] = []
        entries.reserveCapacity(8)  // one allocation for the usual dictionary, instead of growing 1, 2, 4, 8
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw error("the dictionary opened at byte \(start) is not closed", at: start) }
            let byte = bytes[position]
            if byte == 0x3E {
                guard position + 1 < bytes.count, bytes[position + 1] == 0x3E else {
                    throw error("expected '>>' to close the dictionary opened at byte \(start)")
                }
                position += 2
                return PDFDictionary(entries: entries)
            }
            guard byte == 0x2F else {
                throw error("expected a name as dictionary key (dictionary opened at byte \(start)) but found \(preview())")
            }
            let key = readName()
            skipWhitespace()
            // A key directly followed by '>>' has no value: tolerated as null.
            if position + 1 < bytes.count, bytes[position] == 0x3E, bytes[position + 1] == 0x3E {
                continue
            }
            let value = try parseObject(depth: depth + 1)
            guard entries.count < limits.maximumCollectionCount else {
                throw PDFError(.limit, "a dictionary has more than \(limits.maximumCollectionCount) entries", offset: start, object: objectNumber)
            }
            if case .null = value { continue }  // a null value is the same as an absent key
            entries.append(PDFDictionary.Entry(key: key, value: value))
        }
    }

    mutating func parseKeywordObject() throws(PDFError) -> PDFObject {
        if consumeKeyword("true") { return .boolean(true) }
        if consumeKeyword("false") { return .boolean(false) }
        if consumeKeyword("null") { return .null }
        throw error("unexpected \(preview()) where an object was expected")
    }

    /// A number; an unsigned integer followed by another and `R` is a reference.
    mutating func parseNumberOrReference() throws(PDFError) -> PDFObject {
        let start = position
        if let number = readUnsignedInteger() {
            let afterFirst = position
            if let generation = readUnsignedInteger(), consumeKeyword("R") {
                return .reference(PDFReference(number, generation))
            }
            position = afterFirst
            return .integer(number)
        }
        position = start
        return try readNumber()
    }

    /// A signed integer or a real (`+12`, `-.5`, `3.`); a malformed number such as `--3` or `1.2.3` is read
    /// leniently as far as it makes sense and its rest skipped, as PDF readers do.
    mutating func readNumber() throws(PDFError) -> PDFObject {
        let start = position
        var index = position
        var negative = false
        while index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D {
            if bytes[index] == 0x2D { negative.toggle() }
            index += 1
        }
        var integer = 0
        var fraction = 0.0
        var scale = 1.0
        var sawDigit = false
        var sawPoint = false
        var overflow = false
        while index < bytes.count {
            let byte = bytes[index]
            if PDFBytes.isDigit(byte) {
                sawDigit = true
                if sawPoint {
                    scale /= 10
                    fraction += Double(byte - 0x30) * scale
                } else if !overflow {
                    let (times, o1) = integer.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.addingReportingOverflow(Int(byte - 0x30))
                    if o1 || o2 { overflow = true } else { integer = sum }
                }
            } else if byte == 0x2E, !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { throw error("malformed number \(preview(at: start))", at: start) }
        while index < bytes.count, PDFBytes.isRegular(bytes[index]) { index += 1 }
        position = index
        if overflow { return .real(negative ? -Double.greatestFiniteMagnitude : .greatestFiniteMagnitude) }
        if sawPoint {
            let value = Double(integer) + fraction
            return .real(negative ? -value : value)
        }
        return .integer(negative ? -integer : integer)
    }
}
