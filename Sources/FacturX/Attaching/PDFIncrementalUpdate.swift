/// Appends objects to a PDF as an incremental update (ISO 32000-1 §7.5.6): the original bytes stay as they
/// are, new and replaced objects follow, then a cross-reference section for them and a trailer with `/Prev`.
struct PDFIncrementalUpdate {
    struct NewObject {
        var number: Int
        var object: PDFObject
        /// Stream data, written after the dictionary (which must carry the matching /Length).
        var streamData: [UInt8]?
    }

    var base: [UInt8]
    var objects: [NewObject] = []

    /// The updated file. `trailer` holds the new trailer's entries (/Root, /Info, /ID …); /Size and /Prev are added.
    func write(trailer: PDFDictionary, previousXref: Int, size: Int) -> [UInt8] {
        var output = base
        if let last = output.last, last != 0x0A, last != 0x0D { output.append(0x0A) }
        var offsets: [(number: Int, offset: Int)] = []
        for item in objects {
            offsets.append((item.number, output.count))
            PDFSerializer.append("\(item.number) 0 obj\n", to: &output)
            PDFSerializer.write(item.object, into: &output)
            if let data = item.streamData {
                PDFSerializer.append("\nstream\n", to: &output)
                output += data
                PDFSerializer.append("\nendstream", to: &output)
            }
            PDFSerializer.append("\nendobj\n", to: &output)
        }
        let xrefOffset = output.count
        PDFSerializer.append("xref\n", to: &output)
        for entry in offsets.sorted(by: { $0.number < $1.number }) {
            let digits = String(entry.offset)
            PDFSerializer.append("\(entry.number) 1\n" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n", to: &output)
        }
        var finalTrailer = trailer
        finalTrailer.entries.removeAll { ["Size", "Prev", "XRefStm"].contains($0.key) }
        finalTrailer.entries.insert(PDFDictionary.Entry(key: "Size", value: .integer(size)), at: 0)
        finalTrailer.entries.append(PDFDictionary.Entry(key: "Prev", value: .integer(previousXref)))
        PDFSerializer.append("trailer\n", to: &output)
        PDFSerializer.writeDictionary(finalTrailer, into: &output)
        PDFSerializer.append("\nstartxref\n\(xrefOffset)\n%%EOF\n", to: &output)
        return output
    }
}
