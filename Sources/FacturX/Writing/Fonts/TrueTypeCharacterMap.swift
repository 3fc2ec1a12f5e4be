/// The Unicode → glyph map of a font's `cmap` table (format 12 or format 4 subtables).
struct TrueTypeCharacterMap {
    var basicPlane = [UInt16](repeating: 0, count: 0x10000)
    var supplementary: [UInt32: UInt16] = [:]

    init(data: [UInt8], table: Range<Int>, path: String) throws(FontError) {
        let base = table.lowerBound
        let count = Int(data.u16(base + 2))
        var format4: Int?
        var format12: Int?
        for index in 0..<count {
            let record = base + 4 + index * 8
            let platform = data.u16(record)
            let encoding = data.u16(record + 2)
            let offset = base + Int(data.u32(record + 4))
            guard offset < table.upperBound else { continue }
            let format = data.u16(offset)
            let isUnicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            guard isUnicode else { continue }
            if format == 12 { format12 = offset }
            if format == 4 { format4 = offset }
        }
        if let format12 {
            readFormat12(data, at: format12)
        } else if let format4 {
            readFormat4(data, at: format4)
        } else {
            throw FontError(path: path, reason: "no Unicode character map (cmap format 4 or 12)")
        }
    }

    private mutating func readFormat4(_ data: [UInt8], at offset: Int) {
        let segments = Int(data.u16(offset + 6)) / 2
        let ends = offset + 14
        let starts = ends + segments * 2 + 2
        let deltas = starts + segments * 2
        let rangeOffsets = deltas + segments * 2
        for segment in 0..<segments {
            let end = Int(data.u16(ends + segment * 2))
            let start = Int(data.u16(starts + segment * 2))
            let delta = Int(data.u16(deltas + segment * 2))
            let rangeOffsetPosition = rangeOffsets + segment * 2
            let rangeOffset = Int(data.u16(rangeOffsetPosition))
            guard start <= end, end != 0xFFFF || start != 0xFFFF else { continue }
            for code in start...min(end, 0xFFFF) {
                var glyph: Int
                if rangeOffset == 0 {
                    glyph = (code + delta) & 0xFFFF
                } else {
                    let position = rangeOffsetPosition + rangeOffset + (code - start) * 2
                    glyph = Int(data.u16(position))
                    if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                }
                basicPlane[code] = UInt16(glyph)
            }
        }
    }

    private mutating func readFormat12(_ data: [UInt8], at offset: Int) {
        let groups = Int(data.u32(offset + 12))
        for group in 0..<min(groups, (data.count - offset) / 12) {
            let record = offset + 16 + group * 12
            let start = data.u32(record)
            let end = data.u32(record + 4)
            let firstGlyph = data.u32(record + 8)
            guard start <= end, end <= 0x10FFFF, end - start < 0x20000 else { continue }
            for code in start...end {
                let glyph = UInt16(truncatingIfNeeded: firstGlyph + (code - start))
                if code < 0x10000 { basicPlane[Int(code)] = glyph } else { supplementary[code] = glyph }
            }
        }
    }
}
