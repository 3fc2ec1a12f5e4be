import Foundation

/// A TrueType font read once and kept: its tables, metrics, glyph locations and Unicode map.
/// Documents measure text with it and subset it; it is never modified.
final class TrueTypeFont: Sendable {
    let path: String
    let data: [UInt8]
    /// Table tag → byte range in `data`.
    let tables: [String: Range<Int>]
    let unitsPerEm: Int
    let glyphCount: Int
    /// Advance width of every glyph, in font units.
    let advances: [UInt16]
    /// Left side bearing of every glyph, in font units.
    let leftSideBearings: [Int16]
    /// Start of every glyph in `glyf` (relative to the table) and one more for the end of the last.
    let glyphOffsets: [Int]
    /// Where `glyf` starts in `data`.
    let glyphTableStart: Int
    /// Glyph id of every BMP code point (0 = none).
    let basicPlane: [UInt16]
    /// Glyph ids of the code points above U+FFFF.
    let supplementary: [UInt32: UInt16]
    let postScriptName: String
    let ascent: Int
    let descent: Int
    let capHeight: Int
    let boundingBox: (Int, Int, Int, Int)
    let italicAngle: Double
    let weightClass: Int

    /// Reads a font file; fails on anything that is not a usable TrueType (glyf) font.
    convenience init(path: String) throws(FontError) {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw FontError(path: path, reason: "cannot be read")
        }
        try self.init(path: path, data: [UInt8](contents))
    }

    init(path: String, data: [UInt8]) throws(FontError) {
        self.path = path
        self.data = data
        func fail(_ reason: String) -> FontError { FontError(path: path, reason: reason) }
        let version = data.u32(0)
        guard version == 0x0001_0000 || version == 0x7472_7565 else {
            throw fail("not a TrueType font (a .ttf with glyf outlines is needed; OpenType/CFF and collections are not supported)")
        }
        let tableCount = Int(data.u16(4))
        var tables: [String: Range<Int>] = [:]
        for index in 0..<tableCount {
            let record = 12 + index * 16
            guard record + 16 <= data.count else { throw fail("truncated table directory") }
            let tag = String(decoding: data[record..<record + 4], as: UTF8.self)
            let offset = Int(data.u32(record + 8))
            let length = Int(data.u32(record + 12))
            guard offset + length <= data.count else { throw fail("table '\(tag)' lies outside the file") }
            tables[tag] = offset..<offset + length
        }
        for required in ["head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"] where tables[required] == nil {
            throw fail("no '\(required)' table; a TrueType font with glyf outlines is needed")
        }
        self.tables = tables
        let head = tables["head", default: 0..<0].lowerBound
        let hhea = tables["hhea", default: 0..<0].lowerBound
        let maxp = tables["maxp", default: 0..<0].lowerBound
        unitsPerEm = max(16, Int(data.u16(head + 18)))
        boundingBox = (Int(data.i16(head + 36)), Int(data.i16(head + 38)), Int(data.i16(head + 40)), Int(data.i16(head + 42)))
        let longLoca = data.i16(head + 50) == 1
        glyphCount = Int(data.u16(maxp + 4))
        guard glyphCount > 0 else { throw fail("the font has no glyphs") }

        let metricCount = max(1, min(Int(data.u16(hhea + 34)), glyphCount))
        let hmtx = tables["hmtx", default: 0..<0].lowerBound
        var advances = [UInt16](repeating: 0, count: glyphCount)
        var bearings = [Int16](repeating: 0, count: glyphCount)
        for glyph in 0..<glyphCount {
            if glyph < metricCount {
                advances[glyph] = data.u16(hmtx + glyph * 4)
                bearings[glyph] = data.i16(hmtx + glyph * 4 + 2)
            } else {
                advances[glyph] = advances[metricCount - 1]
                bearings[glyph] = data.i16(hmtx + metricCount * 4 + (glyph - metricCount) * 2)
            }
        }
        self.advances = advances
        leftSideBearings = bearings

        let loca = tables["loca", default: 0..<0].lowerBound
        let glyfLength = tables["glyf", default: 0..<0].count
        var offsets = [Int](repeating: 0, count: glyphCount + 1)
        for glyph in 0...glyphCount {
            let value = longLoca ? Int(data.u32(loca + glyph * 4)) : Int(data.u16(loca + glyph * 2)) * 2
            offsets[glyph] = min(value, glyfLength)
        }
        glyphOffsets = offsets
        glyphTableStart = tables["glyf", default: 0..<0].lowerBound

        let unicode = try TrueTypeCharacterMap(data: data, table: tables["cmap", default: 0..<0], path: path)
        basicPlane = unicode.basicPlane
        supplementary = unicode.supplementary

        let os2 = tables["OS/2"]?.lowerBound
        let typoAscent = os2.map { Int(data.i16($0 + 68)) }
        let typoDescent = os2.map { Int(data.i16($0 + 70)) }
        ascent = typoAscent ?? Int(data.i16(hhea + 4))
        descent = typoDescent ?? Int(data.i16(hhea + 6))
        if let os2, data.u16(os2) >= 2 {
            capHeight = Int(data.i16(os2 + 88))
        } else {
            capHeight = ascent
        }
        weightClass = os2.map { Int(data.u16($0 + 4)) } ?? 400
        if let post = tables["post"]?.lowerBound {
            italicAngle = Double(data.i16(post + 4)) + Double(data.u16(post + 6)) / 65536
        } else {
            italicAngle = 0
        }
        postScriptName = TrueTypeFont.readPostScriptName(data: data, table: tables["name"])
            ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if let os2, data.u16(os2 + 8) & 0x000F == 0x0002 {
            throw fail("the font's licence forbids embedding (OS/2 fsType: restricted licence)")
        }
    }

    /// The glyph for a character, or 0 (.notdef) when the font has none.
    func glyph(for scalar: Unicode.Scalar) -> UInt16 {
        let value = scalar.value
        if value < 0x10000 { return basicPlane[Int(value)] }
        return supplementary[value] ?? 0
    }

    /// The bytes of a glyph's outline in `glyf` (empty for a glyph without contours).
    func glyphData(_ glyph: Int) -> ArraySlice<UInt8> {
        guard glyph >= 0, glyph < glyphCount else { return [] }
        let start = glyphTableStart + glyphOffsets[glyph]
        let end = glyphTableStart + glyphOffsets[glyph + 1]
        guard start < end else { return [] }
        return data[start..<end]
    }

    /// The bytes of a table, or nil.
    func table(_ tag: String) -> ArraySlice<UInt8>? {
        tables[tag].map { data[$0] }
    }

    /// Name id 6 from a Windows (3,1) or Macintosh (1,0) record.
    private static func readPostScriptName(data: [UInt8], table: Range<Int>?) -> String? {
        guard let table else { return nil }
        let base = table.lowerBound
        let count = Int(data.u16(base + 2))
        let strings = base + Int(data.u16(base + 4))
        for index in 0..<count {
            let record = base + 6 + index * 12
            let platform = data.u16(record)
            let nameID = data.u16(record + 6)
            guard nameID == 6 else { continue }
            let length = Int(data.u16(record + 8))
            let start = strings + Int(data.u16(record + 10))
            guard start + length <= data.count else { continue }
            let raw = data[start..<start + length]
            let text: String
            if platform == 3 || platform == 0 {
                var units: [UInt16] = []
                var offset = start
                while offset + 1 < start + length {
                    units.append(data.u16(offset))
                    offset += 2
                }
                text = String(decoding: units, as: UTF16.self)
            } else {
                text = String(decoding: raw, as: UTF8.self)
            }
            let clean = String(text.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F && $0 != "/" && $0 != "%" })
            if !clean.isEmpty { return clean }
        }
        return nil
    }
}
