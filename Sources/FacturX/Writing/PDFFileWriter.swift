/// Writes a PDF 1.7 file the PDF/A-3 way: a binary header comment, streams as indirect objects, every other
/// object packed into compressed object streams, and a compressed cross-reference stream carrying the
/// trailer keys (`/Root`, `/Info`, `/ID`). No `/Encrypt`, nothing after `%%EOF`.
///
/// Objects are numbered with `reserve()` first so that objects can refer to each other in any order;
/// every reserved number must be given a body before `finish`.
struct PDFFileWriter: Sendable {
    private var output = PDFWriteBuffer(capacity: 64 * 1024)
    /// Offsets of the objects written directly (streams), by object number.
    private var offsets: [Int: Int] = [:]
    /// Bodies of the objects that go into object streams.
    private var packed: [(number: Int, body: [UInt8])] = []
    private(set) var objectCount = 0
    /// zlib's deflater when the file asks for zlib; nil for `FastDeflate`.
    private let deflater: Deflater?

    /// Objects per object stream; readers parse a whole object stream to reach one object.
    static let objectsPerStream = 100

    init(compression: StreamCompression = .fast) {
        switch compression {
        case .fast: deflater = nil
        case let .zlib(level): deflater = Deflater.borrow(level: level)
        }
        // PDF/A-3 6.1.2: the header is followed by a comment of at least four bytes above 127.
        output.append("%PDF-1.7\n%")
        output.append(raw: [0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
    }

    /// A new object number.
    mutating func reserve() -> Int {
        objectCount += 1
        return objectCount
    }

    /// A dictionary, array or other non-stream object; it is written inside an object stream.
    mutating func setObject(_ number: Int, _ body: PDFWriteBuffer) {
        packed.append((number, body.bytes))
    }

    /// A stream object. `dictionary` holds the entries without `/Length` and `/Filter` (e.g. `/Type /XObject …`).
    /// With `compress`, the data is Flate-compressed here; `filter` names a filter the data already has.
    mutating func setStream(_ number: Int, dictionary: PDFWriteBuffer, data: [UInt8], compress: Bool, filter: StaticString? = nil) {
        let body = compress ? (deflater?.compress(data) ?? FastDeflate.compress(data)) : data
        writeStream(number, dictionary: dictionary, body: body, filter: compress ? "FlateDecode" : filter)
    }

    /// A stream whose data is already compressed with Flate (a cached ICC profile, say).
    mutating func setCompressedStream(_ number: Int, dictionary: PDFWriteBuffer, flateData: [UInt8]) {
        writeStream(number, dictionary: dictionary, body: flateData, filter: "FlateDecode")
    }

    private mutating func writeStream(_ number: Int, dictionary: PDFWriteBuffer, body: [UInt8], filter: StaticString?) {
        offsets[number] = output.count
        output.append(int: number)
        output.append(" 0 obj\n<<")
        output.append(raw: dictionary.bytes)
        if let filter {
            output.append(" /Filter /")
            output.append(filter)
        }
        output.append(" /Length ")
        output.append(int: body.count)
        output.append(" >>\nstream\n")
        output.append(raw: body)
        output.append("\nendstream\nendobj\n")
    }

    /// Packs the remaining objects, writes the cross-reference stream and returns the file.
    consuming func finish(root: Int, info: Int?, documentID: [UInt8]) -> [UInt8] {
        var location: [Int: (stream: Int, index: Int)] = [:]
        packed.sort { $0.number < $1.number }
        var start = 0
        while start < packed.count {
            let group = packed[start..<min(start + Self.objectsPerStream, packed.count)]
            let streamNumber = reserve()
            var header = PDFWriteBuffer(capacity: group.count * 10)
            var bodies = PDFWriteBuffer(capacity: group.reduce(0) { $0 + $1.body.count + 1 })
            for (index, object) in group.enumerated() {
                location[object.number] = (streamNumber, index)
                header.append(int: object.number)
                header.append(" ")
                header.append(int: bodies.count)
                header.append(" ")
                bodies.append(raw: object.body)
                bodies.append("\n")
            }
            header.append("\n")
            var dictionary = PDFWriteBuffer()
            dictionary.append("/Type /ObjStm /N ")
            dictionary.append(int: group.count)
            dictionary.append(" /First ")
            dictionary.append(int: header.count)
            setStream(streamNumber, dictionary: dictionary, data: header.bytes + bodies.bytes, compress: true)
            start += Self.objectsPerStream
        }

        let xrefNumber = reserve()
        let xrefOffset = output.count
        offsets[xrefNumber] = xrefOffset
        let size = objectCount + 1
        // /W [1 4 2]: type, offset or object-stream number, generation or index.
        var table: [UInt8] = []
        table.reserveCapacity(size * 7)
        func entry(_ type: UInt8, _ field2: Int, _ field3: Int) {
            table.append(type)
            for shift in [24, 16, 8, 0] { table.append(UInt8((field2 >> shift) & 0xFF)) }
            table.append(UInt8((field3 >> 8) & 0xFF))
            table.append(UInt8(field3 & 0xFF))
        }
        entry(0, 0, 0xFFFF)
        for number in 1..<size {
            if let offset = offsets[number] {
                entry(1, offset, 0)
            } else if let place = location[number] {
                entry(2, place.stream, place.index)
            } else {
                entry(0, 0, 0)
            }
        }
        var dictionary = PDFWriteBuffer()
        dictionary.append("/Type /XRef /Size ")
        dictionary.append(int: size)
        dictionary.append(" /W [1 4 2] /Root ")
        dictionary.append(int: root)
        dictionary.append(" 0 R")
        if let info {
            dictionary.append(" /Info ")
            dictionary.append(int: info)
            dictionary.append(" 0 R")
        }
        dictionary.append(" /ID [")
        dictionary.append(hexString: documentID)
        dictionary.append(" ")
        dictionary.append(hexString: documentID)
        dictionary.append("]")
        setStream(xrefNumber, dictionary: dictionary, data: table, compress: true)
        output.append("startxref\n")
        output.append(int: xrefOffset)
        output.append("\n%%EOF\n")
        if let deflater { Deflater.giveBack(deflater) }
        return output.bytes
    }
}

/// How the PDF's streams are compressed. Both are Flate; readers see no difference.
public enum StreamCompression: Sendable, Equatable {
    /// Our fixed-Huffman encoder: about a fifth larger than zlib level 1, several times faster inside a document run.
    case fast
    /// zlib at a level from 1 (fastest) to 9 (smallest).
    case zlib(level: Int32)
}
