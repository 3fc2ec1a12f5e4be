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
    func width(_ text: String) -> Double {
        let advances = font.advances
        let plane = font.basicPlane
        var units = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 { continue }
            let glyph = value < 0x10000 ? plane[Int(value)] : 0
            units += Int(advances[Int(glyph != 0 ? glyph : resolve(scalar).glyph)])
        }
        return Double(units) / Double(font.unitsPerEm)
    }

    /// Appends `(…)` with the 2-byte CIDs of `text` (Identity-H), registering new glyphs.
    mutating func encode(_ text: String, into output: inout PDFBytes) {
        output.append(byte: UInt8(ascii: "("))
        for scalar in text.unicodeScalars where scalar.value >= 0x20 {
            let value = scalar.value
            var glyph = value < 0x10000 ? font.basicPlane[Int(value)] : 0
            var cid = cidOfGlyph[Int(glyph)]
            if cid == 0 {
                let resolved = resolve(scalar)
                glyph = resolved.glyph
                cid = cidOfGlyph[Int(glyph)]
                if cid == 0 && glyph != 0 {
                    cid = UInt16(glyphs.count)
                    cidOfGlyph[Int(glyph)] = cid
                    glyphs.append(glyph)
                    texts.append(resolved.scalar)
                }
            }
            Self.appendEscaped(UInt8(cid >> 8), &output)
            Self.appendEscaped(UInt8(cid & 0xFF), &output)
        }
        output.append(byte: UInt8(ascii: ")"))
    }

    /// A byte of a literal string; the delimiters and line ends are escaped (a raw CR would be read as LF).
    private static func appendEscaped(_ byte: UInt8, _ output: inout PDFBytes) {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
            output.append(byte: UInt8(ascii: "\\"))
            output.append(byte: byte)
        case 0x0D:
            output.append("\\r")
        case 0x0A:
            output.append("\\n")
        default:
            output.append(byte: byte)
        }
    }
}
