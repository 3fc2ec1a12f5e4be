extension XMLCursor {
    mutating func parseStartTag() throws(XMLReadError) {
        let tagStart = position
        position += 1
        let nameRange = try readName(what: "an element name")
        if !rawAttributes.isEmpty { rawAttributes.removeAll(keepingCapacity: true) }
        var selfClosing = false
        while true {
            skipWhitespace()
            guard position < buffer.count else { throw error(.unexpectedEnd("start tag never closed"), at: tagStart) }
            let byte = buffer[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                guard position + 1 < buffer.count else { throw error(.unexpectedEnd("start tag never closed"), at: tagStart) }
                guard buffer[position + 1] == UInt8(ascii: ">") else { throw error(.malformed("expected '>' after '/'")) }
                position += 2
                selfClosing = true
                break
            }
            let attributeOffset = position
            let attributeEntry = try internName(try readName(what: "an attribute name"))
            let attributeName = names.entries[Int(attributeEntry)].qualifiedName
            skipWhitespace()
            guard position < buffer.count else { throw error(.unexpectedEnd("attribute never finished")) }
            guard buffer[position] == UInt8(ascii: "=") else { throw error(.malformed("expected '=' after attribute '\(attributeName)'")) }
            position += 1
            skipWhitespace()
            guard position < buffer.count else { throw error(.unexpectedEnd("attribute value missing")) }
            let quote = buffer[position]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw error(.malformed("attribute value of '\(attributeName)' must be quoted"))
            }
            position += 1
            let valueStart = position
            var hasEntity = false
            var ascii = true
            while position < buffer.count, buffer[position] != quote {
                let byte = buffer[position]
                if byte == UInt8(ascii: "<") { throw error(.malformed("'<' inside an attribute value")) }
                if byte == UInt8(ascii: "&") { hasEntity = true }
                if byte >= 0x80 { ascii = false }
                position += 1
            }
            guard position < buffer.count else { throw error(.unexpectedEnd("attribute value never closed"), at: valueStart) }
            let value =
                hasEntity
                ? try decodeEntities(valueStart..<position)
                : (ascii ? asciiString(valueStart..<position) : try string(valueStart..<position))
            position += 1
            if rawAttributes.contains(where: { $0.name == attributeName }) {
                throw error(.malformed("attribute '\(attributeName)' appears twice"), at: attributeOffset)
            }
            rawAttributes.append((attributeName, attributeEntry, value, attributeOffset))
        }

        let depth = stack.count
        guard depth < limits.maximumDepth else { throw error(.tooDeep(limit: limits.maximumDepth), at: tagStart) }
        guard elements.count < limits.maximumElements else {
            throw error(.tooManyElements(limit: limits.maximumElements), at: tagStart)
        }

        var attributes: [XMLTree.Attribute] = []
        if !rawAttributes.isEmpty {
            for attribute in rawAttributes {
                if names.entries[Int(attribute.entry)].declaresDefault {
                    bind("", to: attribute.value, depth: depth)
                } else if let prefix = names.entries[Int(attribute.entry)].declaredPrefix {
                    bind(prefix, to: attribute.value, depth: depth)
                }
            }
            attributes.reserveCapacity(rawAttributes.count)
            for attribute in rawAttributes {
                let entry = Int(attribute.entry)
                guard !names.entries[entry].declaresDefault, names.entries[entry].declaredPrefix == nil else { continue }
                let namespace: String
                if let prefix = names.entries[entry].prefix {
                    guard let uri = resolve(prefix) else { throw error(.unboundPrefix(prefix), at: attribute.offset) }
                    namespace = uri
                } else {
                    namespace = ""
                }
                attributes.append(
                    XMLTree.Attribute(
                        name: attribute.name, localName: names.entries[entry].localName, namespace: namespace,
                        value: attribute.value))
            }
        }

        let entry = try internName(nameRange)
        guard let (namespace, nameID) = resolveElement(entry) else {
            throw error(.unboundPrefix(names.entries[Int(entry)].prefix ?? ""), at: tagStart)
        }
        advanceLineCount(to: tagStart)
        let parent = stack.last ?? -1
        let elementIndex = elements.count
        elements.append(
            XMLTree.Element(
                localName: names.entries[Int(entry)].localName, namespace: namespace,
                qualifiedName: names.entries[Int(entry)].qualifiedName, attributes: attributes, children: [],
                parent: parent, text: "", line: line, column: column, nameID: nameID))
        childCounts.append(0)
        firstChild.append(-1)
        lastChild.append(-1)
        nextSibling.append(-1)
        if parent >= 0 {
            childCounts[parent] += 1
            let previous = lastChild[parent]
            if previous >= 0 { nextSibling[Int(previous)] = Int32(elementIndex) } else { firstChild[parent] = Int32(elementIndex) }
            lastChild[parent] = Int32(elementIndex)
        }
        if selfClosing {
            popBindings(depth: depth)
        } else {
            stack.append(elementIndex)
            openNames.append(nameRange)
        }
    }

    mutating func parseEndTag() throws(XMLReadError) {
        let tagStart = position
        position += 2
        // The usual case, the open start tag's name followed by a byte that cannot continue it, is matched
        // without scanning the name or building a string; anything else goes the long way.
        let nameRange: Range<Int>
        let closesOpen: Bool
        if let open = openNames.last, position + open.count < buffer.count,
            bytesEqual(open.lowerBound, position, count: open.count), !isNameByte(buffer[position + open.count])
        {
            nameRange = position..<(position + open.count)
            position += open.count
            closesOpen = true
        } else {
            nameRange = try readName(what: "an element name in an end tag")
            closesOpen = openNames.last.map {
                $0.count == nameRange.count && bytesEqual($0.lowerBound, nameRange.lowerBound, count: nameRange.count)
            } ?? false
        }
        // The name as a string, needed only for errors when the tag closes the open element.
        let other: String? = try closesOpen ? nil : string(nameRange)
        var name: String { other ?? elements[stack[stack.count - 1]].qualifiedName }
        skipWhitespace()
        guard position < buffer.count else { throw error(.unexpectedEnd("end tag </\(name)> never closed"), at: tagStart) }
        guard buffer[position] == UInt8(ascii: ">") else { throw error(.malformed("expected '>' to close </\(name)")) }
        position += 1
        guard let open = stack.last else { throw error(.malformed("end tag </\(name)> without a start tag"), at: tagStart) }
        if let other, elements[open].qualifiedName != other {
            throw error(.mismatchedTag(expected: elements[open].qualifiedName, found: other), at: tagStart)
        }
        stack.removeLast()
        openNames.removeLast()
        popBindings(depth: stack.count)
    }

    mutating func popBindings(depth: Int) {
        while let last = bindings.last, last.depth >= depth {
            bindings.removeLast()
            bindingsVersion += 1
        }
    }

    // MARK: text

    mutating func parseText() throws(XMLReadError) {
        let start = position
        var index = position
        var hasEntity = false
        var ascii = true
        let end = buffer.count
        scan: while index < end {
            // Eight bytes at a time up to the next '<' (or '&', which is noted and stepped over).
            var highs: UInt64 = 0
            if hasEntity {
                // Sixteen bytes at a time while there is no '<' (long text, attachments).
                while index &+ 16 <= end {
                    let first = word(at: index)
                    let second = word(at: index &+ 8)
                    if Self.zeroBytes(first, UInt8(ascii: "<")) | Self.zeroBytes(second, UInt8(ascii: "<")) != 0 { break }
                    highs |= first | second
                    index &+= 16
                }
            } else {
                while index &+ 16 <= end {
                    let first = word(at: index)
                    let second = word(at: index &+ 8)
                    let stops =
                        Self.zeroBytes(first, UInt8(ascii: "<")) | Self.zeroBytes(second, UInt8(ascii: "<"))
                        | Self.zeroBytes(first, UInt8(ascii: "&")) | Self.zeroBytes(second, UInt8(ascii: "&"))
                    if stops != 0 { break }
                    highs |= first | second
                    index &+= 16
                }
            }
            while index &+ 8 <= end {
                let word = word(at: index)
                let stops = Self.zeroBytes(word, UInt8(ascii: "<")) | (hasEntity ? 0 : Self.zeroBytes(word, UInt8(ascii: "&")))
                if stops != 0 { break }
                highs |= word
                index &+= 8
            }
            if !Self.isASCII(highs) { ascii = false }
            let stop = min(index + 8, end)
            while index < stop {
                let byte = buffer[index]
                if byte == UInt8(ascii: "<") { break scan }
                if byte == UInt8(ascii: "&") { hasEntity = true }
                if byte >= 0x80 { ascii = false }
                index += 1
            }
        }
        position = index
        guard let open = stack.last else { return }
        try appendText(start..<position, to: open, decodeEntities: hasEntity, ascii: ascii)
    }

    mutating func appendText(_ range: Range<Int>, to element: Int, decodeEntities: Bool, ascii: Bool) throws(XMLReadError) {
        // Whitespace between child elements is layout, not content.
        let hasChildren = childCounts[element] > 0
        if hasChildren || elements[element].text.isEmpty {
            var allWhitespace = true
            for index in range where !isWhitespace(buffer[index]) {
                allWhitespace = false
                break
            }
            if allWhitespace, hasChildren { return }
        }
        let text = decodeEntities ? try self.decodeEntities(range) : (ascii ? asciiString(range) : try string(range))
        if elements[element].text.isEmpty {
            elements[element].text = text
        } else {
            elements[element].text += text
        }
    }

    mutating func decodeEntities(_ range: Range<Int>) throws(XMLReadError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = buffer[index]
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            while end < range.upperBound, buffer[end] != UInt8(ascii: ";"), end - index < 12 { end += 1 }
            guard end < range.upperBound, buffer[end] == UInt8(ascii: ";") else {
                throw error(.malformed("'&' must start an entity such as &amp;"), at: index)
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: buffer[(index + 1)..<end]), as: UTF8.self)
            switch name {
            case "lt": output.append(UInt8(ascii: "<"))
            case "gt": output.append(UInt8(ascii: ">"))
            case "amp": output.append(UInt8(ascii: "&"))
            case "apos": output.append(UInt8(ascii: "'"))
            case "quot": output.append(UInt8(ascii: "\""))
            default:
                guard name.hasPrefix("#") else { throw error(.undefinedEntity(name), at: index) }
                let digits = name.dropFirst()
                let value: UInt32? =
                    digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let value, let scalar = Unicode.Scalar(value), value != 0 else {
                    throw error(.malformed("invalid character reference &\(name);"), at: index)
                }
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            index = end + 1
        }
        guard let text = String(validating: output, as: UTF8.self) else { throw error(.invalidUTF8, at: range.lowerBound) }
        return text
    }
}
