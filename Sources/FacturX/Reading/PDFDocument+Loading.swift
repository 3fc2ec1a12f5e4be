extension PDFDocument {
    /// Loads object `number` through its xref entry, falling back on the scanned offsets when the entry is
    /// wrong (points elsewhere, or is missing).
    mutating func load(_ number: Int) throws(PDFError) -> PDFObject {
        let entry = xref.entry(number, in: bytes)
        switch entry {
        case .free?:
            return .null
        case let .compressed(stream, index)?:
            return try compressedObject(number, stream: stream, index: index)
        case let .offset(offset, _)?:
            do {
                return try parseIndirect(number, at: offset)
            } catch {
                guard !xref.reconstructed, let offset = try? scanResult().offsets[number], case let .offset(found, _) = offset else {
                    throw error
                }
                repairs.append(PDFRepair(kind: .xrefEntry, message: "the xref entry of object \(number) is wrong (\(error.message)); found the object at byte \(found) by scanning", offset: found, objectNumber: number))
                return try parseIndirect(number, at: found)
            }
        case nil:
            guard !xref.reconstructed, let found = try? scanResult().offsets[number] else { return .null }
            repairs.append(PDFRepair(kind: .xrefEntry, message: "object \(number) is not in the cross-reference data; found by scanning", objectNumber: number))
            switch found {
            case let .offset(offset, _): return try parseIndirect(number, at: offset)
            case let .compressed(stream, index): return try compressedObject(number, stream: stream, index: index)
            case .free: return .null
            }
        }
    }

    /// Parses `N G obj … endobj` at `offset`, with its stream data located when it is a stream.
    mutating func parseIndirect(_ number: Int, at offset: Int) throws(PDFError) -> PDFObject {
        guard offset >= 0, offset < bytes.count else {
            throw PDFError(.xref, "the xref entry points to byte \(offset), outside the file", offset: offset, object: number)
        }
        var parser = PDFParser(bytes: bytes, position: offset, limits: limits, objectNumber: number)
        let header = try parser.readObjectHeader()
        guard header.number == number else {
            throw PDFError(.xref, "the xref entry of object \(number) points to object \(header.number)", offset: offset, object: number)
        }
        let value = try parser.parseObject()
        guard case let .dictionary(dictionary) = value, parser.consumeKeyword("stream") else { return value }
        let afterKeyword = parser.position
        var declared: Int?
        switch dictionary["Length"] {
        case let direct? where direct.reference == nil:
            declared = direct.integralNumber
        case let .reference(reference)?:
            // An indirect /Length: resolving it may fail (or loop); the scan for endstream still works.
            declared = (try? object(reference.number))?.integralNumber
        default:
            declared = nil
        }
        let located = try PDFStreamLocator.locate(in: bytes, after: afterKeyword, declaredLength: declared, objectNumber: number)
        if located.recovered {
            let said = declared.map { "/Length \($0)" } ?? "no usable /Length"
            repairs.append(PDFRepair(kind: .streamLength, message: "the stream says \(said) but its data is \(located.range.count) bytes (found by scanning for endstream)", offset: located.range.lowerBound, objectNumber: number))
        }
        return .stream(PDFStream(dictionary: dictionary, dataRange: located.range, objectNumber: number))
    }

    mutating func compressedObject(_ number: Int, stream: Int, index: Int) throws(PDFError) -> PDFObject {
        let contents = try objectStream(stream)
        return try contents.object(number, at: index, limits: limits)
    }

    /// The decoded and indexed object stream `number`, made once.
    mutating func objectStream(_ number: Int) throws(PDFError) -> PDFObjectStreamContents {
        if let cached = objectStreams[number] { return cached }
        guard case let .stream(stream) = try object(number) else {
            throw PDFError(.missing, "object \(number) should be an object stream (/Type /ObjStm) but is not a stream", object: number)
        }
        let data = try decodedData(of: stream)
        let contents = try PDFObjectStreamContents(number: number, dictionary: stream.dictionary, data: data, limits: limits)
        objectStreams[number] = contents
        return contents
    }
}
