/// Rebuilds the cross-reference data of a damaged file by scanning it for `N G obj` (later definitions win,
/// as in incremental updates), for trailers, cross-reference stream dictionaries and object streams.
enum PDFReconstruction {
    struct Result: Sendable {
        var offsets: [Int: PDFXrefEntry]
        var trailer: PDFDictionary
        var catalogNumber: Int?
    }

    static func scan(_ bytes: [UInt8], limits: PDFLimits) throws(PDFError) -> Result {
        var offsets: [Int: PDFXrefEntry] = [:]
        var trailer: PDFDictionary?
        var catalogNumber: Int?
        var objectStreams: [(number: Int, dictionary: PDFDictionary, dataStart: Int)] = []
        var index = 0
        let count = bytes.count
        while index + 3 <= count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "o"), PDFBytes.matches(bytes, "obj", at: index),
               index > 0, PDFBytes.isWhitespace(bytes[index - 1]),
               let header = headerStart(bytes, objKeyword: index) {
                offsets[header.number] = .offset(header.start, generation: header.generation)
                var parser = PDFParser(bytes: bytes, position: index + 3, limits: limits, objectNumber: header.number)
                if case let .dictionary(dictionary)? = try? parser.parseObject() {
                    switch dictionary.type {
                    case "Catalog": catalogNumber = header.number
                    case "XRef" where dictionary["Root"] != nil: trailer = PDFXrefReader.merge(dictionary, older: trailer ?? PDFDictionary())
                    case "ObjStm":
                        if parser.consumeKeyword("stream") { objectStreams.append((header.number, dictionary, parser.position)) }
                    default: break
                    }
                    index = max(index + 3, parser.position)
                    continue
                }
                index += 3
            } else if byte == UInt8(ascii: "t"), PDFBytes.matches(bytes, "trailer", at: index) {
                var parser = PDFParser(bytes: bytes, position: index + 7, limits: limits)
                if case let .dictionary(dictionary)? = try? parser.parseObject(), dictionary["Root"] != nil || trailer == nil {
                    trailer = PDFXrefReader.merge(dictionary, older: trailer ?? PDFDictionary())
                }
                index += 7
            } else {
                index += 1
            }
        }
        for stream in objectStreams {
            addMembers(of: stream, in: bytes, limits: limits, to: &offsets, catalog: &catalogNumber)
        }
        guard !offsets.isEmpty else {
            throw PDFError(.xref, "the cross-reference data is unusable and no 'N G obj' was found in the file", offset: 0)
        }
        var finalTrailer = trailer ?? PDFDictionary()
        if finalTrailer["Root"] == nil, let catalogNumber {
            finalTrailer.entries.append(PDFDictionary.Entry(key: "Root", value: .reference(PDFReference(catalogNumber))))
        }
        return Result(offsets: offsets, trailer: finalTrailer, catalogNumber: catalogNumber)
    }

    /// Where the `N G` before an `obj` keyword starts, when the bytes before it are exactly that.
    static func headerStart(_ bytes: [UInt8], objKeyword: Int) -> (start: Int, number: Int, generation: Int)? {
        var index = objKeyword - 1
        while index >= 0, PDFBytes.isWhitespace(bytes[index]) { index -= 1 }
        let generationEnd = index + 1
        while index >= 0, PDFBytes.isDigit(bytes[index]) { index -= 1 }
        let generationStart = index + 1
        guard generationStart < generationEnd, generationEnd - generationStart <= 5 else { return nil }
        let afterNumber = index + 1
        while index >= 0, PDFBytes.isWhitespace(bytes[index]) { index -= 1 }
        guard index + 1 < afterNumber else { return nil }
        let numberEnd = index + 1
        while index >= 0, PDFBytes.isDigit(bytes[index]) { index -= 1 }
        let numberStart = index + 1
        guard numberStart < numberEnd, numberEnd - numberStart <= 10 else { return nil }
        guard numberStart == 0 || !PDFBytes.isRegular(bytes[numberStart - 1]) else { return nil }
        var number = 0
        for position in numberStart..<numberEnd { number = number * 10 + Int(bytes[position] - 0x30) }
        var generation = 0
        for position in generationStart..<generationEnd { generation = generation * 10 + Int(bytes[position] - 0x30) }
        return (numberStart, number, generation)
    }

    private static func addMembers(of stream: (number: Int, dictionary: PDFDictionary, dataStart: Int), in bytes: [UInt8], limits: PDFLimits,
                                   to offsets: inout [Int: PDFXrefEntry], catalog: inout Int?) {
        guard let located = try? PDFStreamLocator.locate(in: bytes, after: stream.dataStart, declaredLength: stream.dictionary["Length"]?.integer, objectNumber: stream.number),
              let steps = try? PDFXrefStreamReader.filterSteps(stream.dictionary, objectNumber: stream.number),
              let data = try? PDFFilters.decode(bytes, range: located.range, steps: steps, limits: limits).bytes,
              let contents = try? PDFObjectStreamContents(number: stream.number, dictionary: stream.dictionary, data: data, limits: limits)
        else { return }
        for (position, member) in contents.members.enumerated() where offsets[member.number] == nil {
            offsets[member.number] = .compressed(stream: stream.number, index: position)
            if catalog == nil, case let .dictionary(dictionary)? = try? contents.object(member.number, at: position, limits: limits),
               dictionary.type == "Catalog" {
                catalog = member.number
            }
        }
    }
}
