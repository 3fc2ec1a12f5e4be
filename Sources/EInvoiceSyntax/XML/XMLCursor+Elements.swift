extension XMLCursor {
    mutating func parseStartTag() throws(XMLReadError) {
        let tagStart = position
        position += 1
        let nameRange = try readName(what: "an element name")
        var rawAttributes: [(name: String, value: String, offset: Int)] = []
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
            let attributeName = try string(try readName(what: "an attribute name"))
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
            while position < buffer.count, buffer[position] != quote {
                if buffer[position] == UInt8(ascii: "<") { throw error(.malformed("'<' inside an attribute value")) }
                if buffer[position] == UInt8(ascii: "&") { hasEntity = true }
                position += 1
            }
            guard position < buffer.count else { throw error(.unexpectedEnd("attribute value never closed"), at: valueStart) }
            let value = hasEntity ? try decodeEntities(valueStart..<position) : try string(valueStart..<position)
            position += 1
            if rawAttributes.contains(where: { $0.name == attributeName }) {
                throw error(.malformed("attribute '\(attributeName)' appears twice"), at: attributeOffset)
            }
            rawAttributes.append((attributeName, value, attributeOffset))
        }

        let depth = stack.count
        guard depth < limits.maximumDepth else { throw error(.tooDeep(limit: limits.maximumDepth), at: tagStart) }
        guard elements.count < limits.maximumElements else {
            throw error(.tooManyElements(limit: limits.maximumElements), at: tagStart)
        }

        var attributes: [XMLTree.Attribute] = []
        for attribute in rawAttributes {
            if attribute.name == "xmlns" {
                bindings.append(("", attribute.value, depth))
            } else if attribute.name.hasPrefix("xmlns:") {
                bindings.append((String(attribute.name.dropFirst(6)), attribute.value, depth))
            }
        }
        for attribute in rawAttributes where attribute.name != "xmlns" && !attribute.name.hasPrefix("xmlns:") {
            let (prefix, local) = split(attribute.name)
            let namespace: String
            if let prefix {
                guard let uri = resolve(prefix) else { throw error(.unboundPrefix(prefix), at: attribute.offset) }
                namespace = uri
            } else {
                namespace = ""
            }
            attributes.append(XMLTree.Attribute(name: attribute.name, localName: local, namespace: namespace, value: attribute.value))
        }

        let qualifiedName = try string(nameRange)
        let (prefix, localName) = split(qualifiedName)
        guard let namespace = resolve(prefix ?? "") ?? (prefix == nil ? "" : nil) else {
            throw error(.unboundPrefix(prefix ?? ""), at: tagStart)
        }
        advanceLineCount(to: tagStart)
        let parent = stack.last ?? -1
        let elementIndex = elements.count
        elements.append(
            XMLTree.Element(
                localName: localName, namespace: namespace, qualifiedName: qualifiedName, attributes: attributes,
                children: [], parent: parent, text: "", line: line, column: column))
        if parent >= 0 { elements[parent].children.append(elementIndex) }
        if selfClosing {
            popBindings(depth: depth)
        } else {
            stack.append(elementIndex)
        }
    }

    mutating func parseEndTag() throws(XMLReadError) {
        let tagStart = position
        position += 2
        let name = try string(try readName(what: "an element name in an end tag"))
        skipWhitespace()
        guard position < buffer.count else { throw error(.unexpectedEnd("end tag </\(name)> never closed"), at: tagStart) }
        guard buffer[position] == UInt8(ascii: ">") else { throw error(.malformed("expected '>' to close </\(name)")) }
        position += 1
        guard let open = stack.last else { throw error(.malformed("end tag </\(name)> without a start tag"), at: tagStart) }
        guard elements[open].qualifiedName == name else {
            throw error(.mismatchedTag(expected: elements[open].qualifiedName, found: name), at: tagStart)
        }
        stack.removeLast()
        popBindings(depth: stack.count)
    }

    mutating func popBindings(depth: Int) {
        while let last = bindings.last, last.depth >= depth { bindings.removeLast() }
    }

    func resolve(_ prefix: String) -> String? {
        for binding in bindings.reversed() where binding.prefix == prefix { return binding.uri }
        return nil
    }

    func split(_ name: String) -> (prefix: String?, local: String) {
        guard let colon = name.firstIndex(of: ":") else { return (nil, name) }
        return (String(name[..<colon]), String(name[name.index(after: colon)...]))
    }

    // MARK: text

    mutating func parseText() throws(XMLReadError) {
        let start = position
        var hasEntity = false
        while position < buffer.count, buffer[position] != UInt8(ascii: "<") {
            if buffer[position] == UInt8(ascii: "&") { hasEntity = true }
            position += 1
        }
        guard let open = stack.last else { return }
        try appendText(start..<position, to: open, decodeEntities: hasEntity)
    }

    mutating func appendText(_ range: Range<Int>, to element: Int, decodeEntities: Bool) throws(XMLReadError) {
        // Whitespace between child elements is layout, not content.
        if !elements[element].children.isEmpty || elements[element].text.isEmpty {
            var allWhitespace = true
            for index in range where !isWhitespace(buffer[index]) {
                allWhitespace = false
                break
            }
            if allWhitespace, !elements[element].children.isEmpty { return }
        }
        let text = decodeEntities ? try self.decodeEntities(range) : try string(range)
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
