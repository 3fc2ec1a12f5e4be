@testable import FacturX
import Testing

@Suite("TrueType subsetting", .enabled(if: TestResources.available))
struct FontSubsetTests {
    let font: TrueTypeFont

    init() throws {
        font = try FacturXResources.load().fonts.regular
    }

    @Test func theSubsetHoldsOnlyTheUsedGlyphsAndMapsThemBack() throws {
        var usage = FontUsage(font: font)
        var sink = PDFWriteBuffer()
        let text = "Élève « café » 1 234,56 € ç à"
        usage.encode(text, into: &sink)
        let distinct = Set(text.unicodeScalars.map { font.glyph(for: $0) })
        #expect(usage.glyphs.count == distinct.count + 1)  // + .notdef

        let subset = TrueTypeSubsetter(font: font).subset(glyphs: usage.glyphs, unicodes: usage.texts)
        let parsed = try TrueTypeFont(path: "subset", data: subset.program)
        #expect(parsed.glyphCount == subset.glyphCount)
        #expect(parsed.glyphCount < 60)
        #expect(subset.program.count < 40_000)
        #expect(font.data.count > 300_000)
        for scalar in text.unicodeScalars where scalar != " " {
            let newGlyph = parsed.glyph(for: scalar)
            #expect(newGlyph != 0, "no glyph for \(scalar) in the subset's cmap")
            #expect(parsed.advances[Int(newGlyph)] == font.advances[Int(font.glyph(for: scalar))])
            // The CID the content stream uses is the subset's glyph id (CIDToGIDMap /Identity).
            var encoded = PDFWriteBuffer()
            var copy = usage
            copy.encode(String(scalar), into: &encoded)
            #expect(encoded.bytes == literal(cid: Int(newGlyph)))
        }
        #expect(parsed.glyph(for: "Z") == 0)
    }

    @Test func compositeGlyphsBringTheirComponents() throws {
        // Find a character drawn by a composite glyph (accented capitals usually are).
        let candidates = (UInt32(0xC0)...0x17F).compactMap { Unicode.Scalar($0) }
        let composite = try #require(candidates.first { scalar in
            !TrueTypeGlyph.components(of: font.glyphData(Int(font.glyph(for: scalar)))).isEmpty
        })
        let original = font.glyph(for: composite)
        let components = TrueTypeGlyph.components(of: font.glyphData(Int(original)))

        let subset = TrueTypeSubsetter(font: font).subset(glyphs: [0, original], unicodes: [" ", composite])
        let parsed = try TrueTypeFont(path: "subset", data: subset.program)
        #expect(parsed.glyphCount >= 2 + Set(components).count)
        let renumbered = TrueTypeGlyph.components(of: parsed.glyphData(1))
        #expect(renumbered.count == components.count)
        for (new, old) in zip(renumbered, components) {
            #expect(Int(new) < parsed.glyphCount)
            #expect(Array(parsed.glyphData(Int(new)).prefix(10)) == Array(font.glyphData(Int(old)).prefix(10)))
            #expect(parsed.advances[Int(new)] == font.advances[Int(old)])
        }
    }

    @Test func theSubsetChecksumsAreConsistent() throws {
        var usage = FontUsage(font: font)
        var sink = PDFWriteBuffer()
        usage.encode("Facture", into: &sink)
        let program = TrueTypeSubsetter(font: font).subset(glyphs: usage.glyphs, unicodes: usage.texts).program
        // The whole font sums to 0xB1B0AFBA once head.checkSumAdjustment is set.
        #expect(SFNTWriter.checksum(program[...]) == 0xB1B0_AFBA)
    }

    @Test func missingCharactersAreDrawnAsQuestionMarksNotNotdef() {
        var usage = FontUsage(font: font)
        var sink = PDFWriteBuffer()
        usage.encode("\u{4E2D}", into: &sink)
        #expect(!usage.glyphs.dropFirst().contains(0))
        #expect(usage.texts.last == "?")
    }

    /// `(hi lo)` with PDF literal-string escapes.
    private func literal(cid: Int) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "(")]
        for byte in [UInt8(cid >> 8), UInt8(cid & 0xFF)] {
            switch byte {
            case 0x28, 0x29, 0x5C: bytes += [0x5C, byte]
            case 0x0D: bytes += Array("\\r".utf8)
            case 0x0A: bytes += Array("\\n".utf8)
            default: bytes.append(byte)
            }
        }
        return bytes + [UInt8(ascii: ")")]
    }
}
