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

    init(font: TrueTypeFont) {
        self.font = font
        cidOfGlyph = [UInt16](repeating: 0, count: font.glyphCount)
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
    func width(_ text: Substring.UnicodeScalarView) -> Double {
        var units = 0
        for scalar in text {
            if scalar.value < 0x20 { continue }
            units += Int(font.advances[Int(resolve(scalar).glyph)])
        }
        return Double(units) / Double(font.unitsPerEm)
    }

    func width(_ text: String) -> Double { width(Substring(text).unicodeScalars) }

    /// Appends `<…>` with the 2-byte CIDs of `text` (Identity-H), registering new glyphs.
    mutating func encode(_ text: String, into output: inout PDFBytes) {
        output.append(byte: UInt8(ascii: "<"))
        for scalar in text.unicodeScalars where scalar.value >= 0x20 {
            let resolved = resolve(scalar)
            var cid = cidOfGlyph[Int(resolved.glyph)]
            if cid == 0 && resolved.glyph != 0 {
                cid = UInt16(glyphs.count)
                cidOfGlyph[Int(resolved.glyph)] = cid
                glyphs.append(resolved.glyph)
                texts.append(resolved.scalar)
            }
            output.appendHexByte(UInt8(cid >> 8))
            output.appendHexByte(UInt8(cid & 0xFF))
        }
        output.append(byte: UInt8(ascii: ">"))
    }
}
