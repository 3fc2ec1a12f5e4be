/// The glyphs one document uses from one font, numbered as CIDs in the order of first use.
///
/// CID 0 is .notdef and is never shown (PDF/A-3 6.2.11.8 forbids it): a character the font lacks is drawn
/// as `?`. The subset font numbers its glyphs the same way, so the PDF maps CIDs to glyphs with /Identity.
struct FontUsage: Sendable {
    let font: TrueTypeFont
    /// CID of each glyph of the font, 0 when unused.
    private var cidOfGlyph: [UInt16]
    /// Font glyph of each CID; CID 0 is glyph 0.
    private(set) var glyphs: [UInt16] = [0]
    /// The text each CID stands for, for the ToUnicode map.
    private(set) var texts: [Unicode.Scalar] = [" "]
    /// The font's BMP map and advances, held here so that the hot loops do not reach through the class.
    private let basicPlane: [UInt16]
    private let advances: [UInt16]

    init(font: TrueTypeFont) {
        self.font = font
        cidOfGlyph = [UInt16](repeating: 0, count: font.glyphCount)
        basicPlane = font.basicPlane
        advances = font.advances
    }

    var isUsed: Bool { glyphs.count > 1 }

    /// The glyph drawn for a character: its own, a space for the spaces the font lacks, else `?`.
    func resolve(_ scalar: Unicode.Scalar) -> (glyph: UInt16, scalar: Unicode.Scalar) {
        let glyph = font.glyph(for: scalar)
        if glyph != 0 { return (glyph, scalar) }
        let isSpace = scalar.properties.isWhitespace
        let fallback: Unicode.Scalar = isSpace ? " " : "?"
        return (font.glyph(for: fallback), fallback)
    }

    /// Advance width of `text` in text space units per point of font size (multiply by the size).
    func width(_ text: String) -> Double {
        var units = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 { continue }
            let glyph = value < 0x10000 ? basicPlane[Int(value)] : 0
            units += Int(advances[Int(glyph != 0 ? glyph : resolve(scalar).glyph)])
        }
        return Double(units) / Double(font.unitsPerEm)
    }

    /// Appends `(…)` with the 2-byte CIDs of `text` (Identity-H), registering new glyphs.
    mutating func encode(_ text: String, into output: inout PDFWriteBuffer) {
        let capacity = 2 + text.utf8.count * 4
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var count = 0
            buffer[count] = UInt8(ascii: "(")
            count += 1
            for scalar in text.unicodeScalars where scalar.value >= 0x20 {
                let cid = cid(for: scalar)
                Self.appendEscaped(UInt8(cid >> 8), buffer, &count)
                Self.appendEscaped(UInt8(cid & 0xFF), buffer, &count)
            }
            buffer[count] = UInt8(ascii: ")")
            count += 1
            output.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// The CID of the glyph drawn for `scalar`, registered on first use.
    private mutating func cid(for scalar: Unicode.Scalar) -> UInt16 {
        let value = scalar.value
        let direct = value < 0x10000 ? basicPlane[Int(value)] : 0
        let known = cidOfGlyph[Int(direct)]
        if known != 0 { return known }
        let resolved = resolve(scalar)
        let existing = cidOfGlyph[Int(resolved.glyph)]
        guard existing == 0, resolved.glyph != 0 else { return existing }
        let cid = UInt16(glyphs.count)
        cidOfGlyph[Int(resolved.glyph)] = cid
        glyphs.append(resolved.glyph)
        texts.append(resolved.scalar)
        return cid
    }

    /// A byte of a literal string; the delimiters and line ends are escaped (a raw CR would be read as LF).
    @inline(__always)
    private static func appendEscaped(_ byte: UInt8, _ buffer: UnsafeMutableBufferPointer<UInt8>, _ count: inout Int) {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
            buffer[count] = UInt8(ascii: "\\")
            buffer[count + 1] = byte
            count += 2
        case 0x0D:
            buffer[count] = UInt8(ascii: "\\")
            buffer[count + 1] = UInt8(ascii: "r")
            count += 2
        case 0x0A:
            buffer[count] = UInt8(ascii: "\\")
            buffer[count + 1] = UInt8(ascii: "n")
            count += 2
        default:
            buffer[count] = byte
            count += 1
        }
    }
}
