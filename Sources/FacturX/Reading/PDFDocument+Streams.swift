extension PDFDocument {
    /// The decoded data of a stream, through its filter chain, within the decompression limits.
    /// `sizeHint` (e.g. an embedded file's /Params /Size) only sizes the first output buffer.
    public mutating func decodedData(of stream: PDFStream, sizeHint: Int? = nil) throws(PDFError) -> [UInt8] {
        let number = stream.objectNumber
        let steps = try filterSteps(stream.dictionary, objectNumber: number)
        let hint = sizeHint ?? stream.dictionary["DL"]?.integer ?? 0
        let decoded: PDFFilters.Decoded
        do {
            decoded = try PDFFilters.decode(bytes, range: stream.dataRange, steps: steps, limits: limits, sizeHint: min(max(hint, 0), limits.maximumDecodedBytes))
        } catch {
            var located = error.inObject(number)
            if located.offset == nil { located.offset = stream.dataRange.lowerBound }
            throw located
        }
        if !decoded.complete {
            repairs.append(PDFRepair(kind: .streamLength, message: "the compressed data ends before its end marker; the \(decoded.bytes.count) bytes decoded are kept", offset: stream.dataRange.lowerBound, objectNumber: number))
        }
        return decoded.bytes
    }

    /// The filter chain, with /Filter and /DecodeParms resolved when they are references.
    mutating func filterSteps(_ dictionary: PDFDictionary, objectNumber: Int?) throws(PDFError) -> [PDFFilters.Step] {
        var direct = dictionary
        for key in ["Filter", "DecodeParms"] {
            guard let raw = dictionary[key] else { continue }
            var resolved = try resolve(raw)
            if case let .array(items) = resolved {
                var flat: [PDFObject] = []
                for item in items { flat.append(try resolve(item)) }
                resolved = .array(flat)
            }
            direct.entries.removeAll { $0.key == key }
            direct.entries.append(PDFDictionary.Entry(key: key, value: resolved))
        }
        return try PDFXrefStreamReader.filterSteps(direct, objectNumber: objectNumber)
    }
}
