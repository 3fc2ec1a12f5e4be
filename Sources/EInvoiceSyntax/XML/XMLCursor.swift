/// The byte-level scanner behind `SafeXMLParser`.
///
/// Hot paths avoid building strings: element and attribute names are interned (`XMLNameCache`), so each
/// distinct name is decoded once per document; text is decoded once, without validation when the scan saw
/// only ASCII; long runs of text and markup are scanned eight bytes at a time (`XMLCursor+Scanning`).
struct XMLCursor {
    let buffer: UnsafeBufferPointer<UInt8>
    let limits: XMLReadLimits
    var position = 0
    var elements: [XMLTree.Element] = []
    /// How many children each element has so far, its first and last child and its next sibling (-1 for none):
    /// the `children` arrays are filled in at the end, each allocated once.
    var childCounts: [Int32] = []
    var firstChild: [Int32] = []
    var lastChild: [Int32] = []
    var nextSibling: [Int32] = []
    /// Open elements, innermost last, with the byte range of their start tag's name (to match end tags).
    var stack: [Int] = []
    var openNames: [Range<Int>] = []
    /// Namespace bindings in scope: prefix, URI and the depth that declared them; with the URI's index in
    /// `KnownXMLNames.namespaces` (-1 for none of them) and whether it spells it byte for byte.
    var bindings: [(prefix: String, uri: String, depth: Int, standard: Int, exact: Bool)] = [
        ("xml", "http://www.w3.org/XML/1998/namespace", -1, -1, true)
    ]
    /// Changes whenever `bindings` does, so a cached name resolution can tell it is still valid.
    var bindingsVersion = 0
    var names = XMLNameCache()
    /// Attributes of the start tag being read (kept between tags to reuse its storage).
    var rawAttributes: [(name: String, entry: Int32, value: String, offset: Int)] = []
    var countedUpTo = 0
    var line = 1
    var lineStart = 0
    /// Column (in characters) of `countedUpTo`, kept incrementally so long single-line documents stay linear.
    var column = 1

    init(buffer: UnsafeBufferPointer<UInt8>, limits: XMLReadLimits) {
        self.buffer = buffer
        self.limits = limits
        // About one element per 30 bytes in compact invoices (fewer with long texts): growing the arrays costs
        // more than reserving a little too much; large documents (attachments) grow them as usual.
        let expected = min(buffer.count / 30, 65_536)
        elements.reserveCapacity(expected)
        childCounts.reserveCapacity(expected)
        firstChild.reserveCapacity(expected)
        lastChild.reserveCapacity(expected)
        nextSibling.reserveCapacity(expected)
    }

    // MARK: locating

    mutating func advanceLineCount(to offset: Int) {
        var index = countedUpTo
        var line = self.line
        var column = self.column
        var lineStart = self.lineStart
        // Eight bytes at a time: without a line feed, add their characters (the bytes that are not UTF-8
        // continuation bytes); with some, count them and restart the column after the last one.
        while index &+ 8 <= offset {
            if index &+ 16 <= offset {
                // Sixteen ASCII bytes without a line feed (long text, attachments): sixteen more characters.
                let first = word(at: index)
                let second = word(at: index &+ 8)
                if (Self.zeroBytes(first, 0x0A) | Self.zeroBytes(second, 0x0A) | first | second) & Self.highBits == 0 {
                    column &+= 16
                    index &+= 16
                    continue
                }
            }
            let word = word(at: index)
            if (Self.zeroBytes(word, 0x0A) | word) & Self.highBits == 0 {
                // ASCII without a line feed: the usual case, eight more characters.
                column &+= 8
                index &+= 8
                continue
            }
            let feeds = Self.bytesEqualTo(word, 0x0A)
            if feeds == 0 {
                column += 8 - Self.continuationBytes(word)
            } else {
                var remaining = feeds
                while remaining != 0 {
                    line += 1
                    remaining &= remaining - 1
                }
                let last = (63 - feeds.leadingZeroBitCount) >> 3
                lineStart = index + last + 1
                column = last == 7 ? 1 : 1 + (7 - last) - Self.continuationBytes(word >> UInt64(8 * (last + 1)))
            }
            index += 8
        }
        while index < offset {
            let byte = buffer[index]
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        self.line = line
        self.column = column
        self.lineStart = lineStart
        countedUpTo = max(countedUpTo, offset)
    }

    mutating func error(_ reason: XMLReadError.Reason, at offset: Int? = nil) -> XMLReadError {
        let where_ = min(offset ?? position, buffer.count)
        if where_ < countedUpTo {
            countedUpTo = 0
            line = 1
            lineStart = 0
            column = 1
        }
        advanceLineCount(to: where_)
        return XMLReadError(reason, line: line, column: column)
    }

    // MARK: document

    mutating func parseDocument() throws(XMLReadError) -> XMLTree {
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        var sawRoot = false
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "<") {
                guard position + 1 < buffer.count else { throw error(.unexpectedEnd("a '<' with nothing after it")) }
                let next = buffer[position + 1]
                if next == UInt8(ascii: "?") {
                    try skipProcessingInstruction()
                } else if next == UInt8(ascii: "!") {
                    try skipMarkupDeclaration(inContent: !stack.isEmpty)
                } else if next == UInt8(ascii: "/") {
                    try parseEndTag()
                    if stack.isEmpty { sawRoot = true }
                } else {
                    if stack.isEmpty, sawRoot { throw error(.malformed("a second root element")) }
                    try parseStartTag()
                    if stack.isEmpty { sawRoot = true }
                }
            } else if stack.isEmpty {
                guard isWhitespace(byte) else { throw error(.malformed("text outside the root element")) }
                position += 1
            } else {
                try parseText()
            }
        }
        if let open = stack.last {
            throw error(.unexpectedEnd("<\(elements[open].qualifiedName)> opened at line \(elements[open].line) is never closed"))
        }
        guard sawRoot else { throw error(.unexpectedEnd("no root element")) }
        linkChildren()
        return XMLTree(elements: elements, otherNames: names.otherNames, namesAreExact: names.namesAreExact)
    }

    /// Fills every element's `children`, each array allocated once at its final size.
    mutating func linkChildren() {
        for index in elements.indices where childCounts[index] > 0 {
            let count = Int(childCounts[index])
            // Written in place: `count` is exactly the length of the sibling chain.
            let children = [Int](unsafeUninitializedCapacity: count) { storage, initialized in
                var child = firstChild[index]
                var position = 0
                while child >= 0, position < count {
                    storage[position] = Int(child)
                    position += 1
                    child = nextSibling[Int(child)]
                }
                initialized = position
            }
            elements[index].children = children
        }
    }

    // MARK: markup

    mutating func skipProcessingInstruction() throws(XMLReadError) {
        let start = position
        position += 2
        while position + 1 < buffer.count {
            if buffer[position] == UInt8(ascii: "?"), buffer[position + 1] == UInt8(ascii: ">") {
                position += 2
                return
            }
            position += 1
        }
        throw error(.unexpectedEnd("processing instruction never closed"), at: start)
    }

    mutating func skipMarkupDeclaration(inContent: Bool) throws(XMLReadError) {
        let start = position
        if matches("<!--") {
            position += 4
            while position + 2 < buffer.count {
                // Eight bytes without a '-' cannot hold the start of "--": skip them (long licence comments).
                while position &+ 8 <= buffer.count, Self.zeroBytes(word(at: position), UInt8(ascii: "-")) == 0 {
                    position &+= 8
                }
                guard position + 2 < buffer.count else { break }
                if buffer[position] == UInt8(ascii: "-"), buffer[position + 1] == UInt8(ascii: "-") {
                    guard buffer[position + 2] == UInt8(ascii: ">") else { throw error(.malformed("'--' inside a comment")) }
                    position += 3
                    return
                }
                position += 1
            }
            throw error(.unexpectedEnd("comment never closed"), at: start)
        }
        if matches("<![CDATA[") {
            guard inContent, let open = stack.last else { throw error(.malformed("CDATA outside an element")) }
            position += 9
            let textStart = position
            while position + 2 < buffer.count {
                if buffer[position] == UInt8(ascii: "]"), buffer[position + 1] == UInt8(ascii: "]"),
                    buffer[position + 2] == UInt8(ascii: ">")
                {
                    try appendText(textStart..<position, to: open, decodeEntities: false, ascii: false)
                    position += 3
                    return
                }
                position += 1
            }
            throw error(.unexpectedEnd("CDATA section never closed"), at: start)
        }
        if matches("<!DOCTYPE") || matches("<!ENTITY") || matches("<!ELEMENT") || matches("<!ATTLIST") {
            throw error(.doctypeForbidden)
        }
        throw error(.malformed("unknown markup declaration"))
    }

    func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= buffer.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where buffer[position + offset] != pointer[offset] { return false }
        return true
    }

    @inline(__always) func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Letters, digits, `_ : - .` and every byte of a non-ASCII character, as two 64-bit masks over ASCII.
    @inline(__always) func isNameByte(_ byte: UInt8) -> Bool {
        if byte >= 0x80 { return true }
        let mask: UInt64 = byte < 64 ? 0x07FF_6000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
        return (mask >> UInt64(byte & 63)) & 1 != 0
    }

    mutating func skipWhitespace() {
        var index = position
        while index < buffer.count, isWhitespace(buffer[index]) { index += 1 }
        position = index
    }

    mutating func readName(what: String) throws(XMLReadError) -> Range<Int> {
        let start = position
        var index = position
        // Eight ASCII name bytes at a time (see `nameBytes`), then byte by byte up to the first other byte.
        while index + 8 <= buffer.count, Self.nameBytes(word(at: index)) == Self.highBits { index += 8 }
        while index < buffer.count, isNameByte(buffer[index]) { index += 1 }
        position = index
        guard position > start else {
            if position >= buffer.count { throw error(.unexpectedEnd("expected \(what)")) }
            throw error(.malformed("expected \(what)"))
        }
        let first = buffer[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || (first >= 48 && first <= 57) {
            throw error(.malformed("a name cannot start with '\(Character(Unicode.Scalar(first)))'"), at: start)
        }
        return start..<position
    }

    func string(_ range: Range<Int>) throws(XMLReadError) -> String {
        guard let text = String(validating: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) else {
            var copy = self
            throw copy.error(.invalidUTF8, at: range.lowerBound)
        }
        return text
    }

    /// `string(range)` for bytes known to be ASCII, which are valid UTF-8 as they are.
    func asciiString(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
}
