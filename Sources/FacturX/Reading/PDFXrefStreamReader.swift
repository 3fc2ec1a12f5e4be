/// Reads a cross-reference stream (ISO 32000-1 §7.5.8): `/Type /XRef`, `/W`, `/Index`, Flate with the PNG
/// predictors. Its dictionary is also the trailer.
enum PDFXrefStreamReader {
    static func read(bytes: [UInt8], at offset: Int, limits: PDFLimits) throws(PDFError) -> (sections: [PDFXrefSection], trailer: PDFDictionary) {
        var parser = PDFParser(bytes: bytes, position: offset, limits: limits)
        let header: (number: Int, generation: Int)
        do {
            header = try parser.readObjectHeader()
        } catch {
            throw PDFError(.xref, "startxref/Prev points to neither an xref table nor a cross-reference stream: \(parser.preview(at: offset))", offset: offset)
        }
        guard case let .dictionary(dictionary) = try parser.parseObject() else {
            throw PDFError(.xref, "the cross-reference stream object is not a dictionary", offset: offset, object: header.number)
        }
        guard dictionary.type == "XRef" else {
            throw PDFError(.xref, "the object at the cross-reference offset is not /Type /XRef", offset: offset, object: header.number)
        }
        guard parser.consumeKeyword("stream") else {
            throw PDFError(.xref, "the cross-reference stream object has no stream data", offset: parser.position, object: header.number)
        }
        let range = try PDFStreamLocator.locate(in: bytes, after: parser.position, declaredLength: dictionary["Length"]?.integralNumber, objectNumber: header.number).range
        let steps = try filterSteps(dictionary, objectNumber: header.number)
        let data = try PDFFilters.decode(bytes, range: range, steps: steps, limits: limits).bytes

        guard let widthObjects = dictionary["W"]?.array, widthObjects.count >= 3 else {
            throw PDFError(.xref, "the cross-reference stream has no /W array of three widths", offset: offset, object: header.number)
        }
        let widths = widthObjects.prefix(3).map { $0.integer ?? -1 }
        guard widths.allSatisfy({ (0...8).contains($0) }), widths[1] > 0 else {
            throw PDFError(.xref, "the cross-reference stream's /W \(widths) is invalid (each width 0–8 bytes, the offset width at least 1)", offset: offset, object: header.number)
        }
        let size = dictionary["Size"]?.integer ?? 0
        var index: [Int] = dictionary["Index"]?.array?.compactMap(\.integer) ?? [0, size]
        if index.count % 2 != 0 { index.removeLast() }
        let rowWidth = widths.reduce(0, +)
        var sections: [PDFXrefSection] = []
        var rowOffset = 0
        var pair = 0
        while pair + 1 < index.count {
            let first = index[pair], count = index[pair + 1]
            guard first >= 0, count >= 0, first <= Int(Int32.max) else {
                throw PDFError(.xref, "the cross-reference stream's /Index pair [\(first) \(count)] is out of range", offset: offset, object: header.number)
            }
            let available = max(0, (data.count - rowOffset) / rowWidth)
            let usable = min(count, available)
            if usable > 0 {
                sections.append(.stream(first: first, count: usable, rowOffset: rowOffset, widths: widths, data: data))
            }
            rowOffset += usable * rowWidth
            pair += 2
        }
        return (sections, dictionary)
    }

    /// The filter chain of a stream whose /Filter and /DecodeParms are direct objects.
    static func filterSteps(_ dictionary: PDFDictionary, objectNumber: Int?) throws(PDFError) -> [PDFFilters.Step] {
        let names: [String]
        switch dictionary["Filter"] {
        case nil: names = []
        case let .name(name)?: names = [name]
        case let .array(items)?: names = items.compactMap(\.name)
        default: throw PDFError(.filter, "/Filter is neither a name nor an array", object: objectNumber)
        }
        let parameters: [PDFDictionary?]
        switch dictionary["DecodeParms"] {
        case let .dictionary(single)?: parameters = [single]
        case let .array(items)?: parameters = items.map(\.dictionary)
        default: parameters = []
        }
        return names.enumerated().map { PDFFilters.Step(name: $1, parameters: $0 < parameters.count ? parameters[$0] : nil) }
    }
}
