/// Reads the cross-reference data from `startxref` back through the `/Prev` chain: classic tables, streams,
/// and hybrid files (`/XRefStm`). It throws when the newest section is unreadable, so that the caller can
/// rebuild the table by scanning; problems in older sections are recorded as repairs.
struct PDFXrefReader {
    let bytes: [UInt8]
    let limits: PDFLimits
    var repairs: [PDFRepair] = []

    init(bytes: [UInt8], limits: PDFLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func read() throws(PDFError) -> PDFXref {
        let first = try startxrefOffset()
        var sections: [PDFXrefSection] = []
        var trailer: PDFDictionary?
        var visited = Set<Int>()
        var next: Int? = first
        while let offset = next {
            guard visited.count < limits.maximumXrefSections else {
                repairs.append(PDFRepair(kind: .prevLoop, message: "more than \(limits.maximumXrefSections) cross-reference sections; the older ones are ignored", offset: offset))
                break
            }
            guard visited.insert(offset).inserted else {
                repairs.append(PDFRepair(kind: .prevLoop, message: "the /Prev chain loops back to the cross-reference section at byte \(offset); stopped there", offset: offset))
                break
            }
            let section: (sections: [PDFXrefSection], trailer: PDFDictionary)
            do {
                section = try readSection(at: offset)
            } catch {
                if trailer == nil { throw error }
                repairs.append(PDFRepair(kind: .xrefEntry, message: "an older cross-reference section (/Prev) is unreadable and ignored: \(error.description)", offset: offset))
                break
            }
            sections += section.sections
            trailer = Self.merge(trailer, older: section.trailer)
            next = section.trailer["Prev"]?.integralNumber
            if let prev = next, prev < 0 || prev >= bytes.count {
                repairs.append(PDFRepair(kind: .xrefEntry, message: "/Prev points to byte \(prev), outside the file; older sections are ignored", offset: offset))
                next = nil
            }
        }
        guard let trailer else { throw PDFError(.xref, "no cross-reference section could be read", offset: first) }
        return PDFXref(sections: sections, trailer: trailer, reconstructed: false)
    }

    /// The newest trailer wins; keys it lacks are taken from older ones.
    static func merge(_ newer: PDFDictionary?, older: PDFDictionary) -> PDFDictionary {
        guard var result = newer else { return older }
        for entry in older.entries where result[entry.key] == nil && entry.key != "Prev" && entry.key != "XRefStm" {
            result.entries.append(entry)
        }
        return result
    }

    /// The offset after the last `startxref`.
    func startxrefOffset() throws(PDFError) -> Int {
        let tail = max(0, bytes.count - 4096)
        guard let keyword = PDFBytes.lastIndex(of: "startxref", in: bytes, range: tail..<bytes.count)
            ?? PDFBytes.lastIndex(of: "startxref", in: bytes, range: 0..<bytes.count)
        else {
            throw PDFError(.xref, "no 'startxref' keyword: the file is truncated or not a complete PDF", offset: bytes.count)
        }
        var parser = PDFParser(bytes: bytes, position: keyword + 9, limits: limits)
        guard let offset = parser.readUnsignedInteger() else {
            throw PDFError(.xref, "'startxref' is not followed by a byte offset", offset: keyword)
        }
        guard offset < bytes.count else {
            throw PDFError(.xref, "'startxref' points to byte \(offset), past the end of the file (\(bytes.count) bytes)", offset: keyword)
        }
        return offset
    }

    /// One section: a classic table (with its trailer and any /XRefStm) or a cross-reference stream.
    mutating func readSection(at offset: Int) throws(PDFError) -> (sections: [PDFXrefSection], trailer: PDFDictionary) {
        var parser = PDFParser(bytes: bytes, position: offset, limits: limits)
        if parser.consumeKeyword("xref") {
            var (sections, trailer) = try readTable(&parser)
            if let streamOffset = trailer["XRefStm"]?.integralNumber {
                do {
                    let hybrid = try PDFXrefStreamReader.read(bytes: bytes, at: streamOffset, limits: limits)
                    sections += hybrid.sections
                } catch {
                    repairs.append(PDFRepair(kind: .xrefEntry, message: "the /XRefStm stream of a hybrid file is unreadable and ignored: \(error.description)", offset: streamOffset))
                }
                trailer.entries.removeAll { $0.key == "XRefStm" }
            }
            return (sections, trailer)
        }
        return try PDFXrefStreamReader.read(bytes: bytes, at: offset, limits: limits)
    }

    private func readTable(_ parser: inout PDFParser) throws(PDFError) -> (sections: [PDFXrefSection], trailer: PDFDictionary) {
        var sections: [PDFXrefSection] = []
        while true {
            if parser.consumeKeyword("trailer") {
                guard case let .dictionary(trailer) = try parser.parseObject() else {
                    throw PDFError(.xref, "'trailer' is not followed by a dictionary", offset: parser.position)
                }
                return (sections, trailer)
            }
            let headerOffset = parser.position
            guard let first = parser.readUnsignedInteger(), let count = parser.readUnsignedInteger() else {
                throw PDFError(.xref, "expected a subsection 'first count' or 'trailer' in the xref table, found \(parser.preview())", offset: parser.position)
            }
            guard count <= (bytes.count - parser.position) / 18 + 1, first <= Int(Int32.max) else {
                throw PDFError(.xref, "the xref subsection claims \(count) entries from object \(first), more than the file can hold", offset: headerOffset)
            }
            // Entries start after the end of the header line.
            while parser.position < bytes.count, bytes[parser.position] == 0x20 { parser.position += 1 }
            while parser.position < bytes.count, bytes[parser.position] == 0x0D || bytes[parser.position] == 0x0A { parser.position += 1 }
            let start = parser.position
            if count == 0 { continue }
            if let stride = regularStride(start: start, count: count) {
                sections.append(.table(first: first, count: count, start: start, stride: stride))
                parser.position = start + count * stride
            } else {
                sections.append(try readIrregular(&parser, first: first, count: count))
            }
        }
    }

    /// The width of each entry when the subsection is a regular table of 19–21-byte lines.
    private func regularStride(start: Int, count: Int) -> Int? {
        guard PDFXrefSection.tableEntry(in: bytes, at: start) != nil else { return nil }
        var next = start + 18
        while next < bytes.count, next < start + 22, bytes[next] == 0x20 || bytes[next] == 0x0D || bytes[next] == 0x0A { next += 1 }
        let stride = next - start
        guard (19...21).contains(stride) else { return nil }
        guard PDFXrefSection.tableEntry(in: bytes, at: start + (count - 1) * stride) != nil else { return nil }
        var after = PDFParser(bytes: bytes, position: start + count * stride, limits: limits)
        after.skipWhitespace()
        guard after.position < bytes.count else { return nil }
        return PDFBytes.isDigit(bytes[after.position]) || PDFBytes.matches(bytes, "trailer", at: after.position) ? stride : nil
    }

    /// Reads entries token by token (tables with odd spacing).
    private func readIrregular(_ parser: inout PDFParser, first: Int, count: Int) throws(PDFError) -> PDFXrefSection {
        var entries: [PDFXrefEntry?] = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            let at = parser.position
            guard let offset = parser.readUnsignedInteger(), let generation = parser.readUnsignedInteger() else {
                throw PDFError(.xref, "xref entry \(index) of the subsection starting at object \(first) is malformed: \(parser.preview(at: at))", offset: at)
            }
            if parser.consumeKeyword("n") {
                entries.append(.offset(offset, generation: generation))
            } else if parser.consumeKeyword("f") {
                entries.append(.free)
            } else {
                throw PDFError(.xref, "xref entry \(index) of the subsection starting at object \(first) is neither 'n' nor 'f'", offset: parser.position)
            }
        }
        return .parsed(first: first, entries: entries)
    }
}
