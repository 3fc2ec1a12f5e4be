/// Builds a TrueType font program holding only the glyphs a document uses, renumbered: new glyph i is
/// `glyphs[i]` of the original, followed by the components that composite glyphs need.
/// `glyf`, `loca`, `hmtx`, `hhea`, `maxp`, `head`, `post` and `cmap` are rebuilt; hinting tables are kept.
struct TrueTypeSubsetter {
    struct Subset: Sendable {
        var program: [UInt8]
        /// Number of glyphs in the subset (used glyphs, components and .notdef).
        var glyphCount: Int
    }

    let font: TrueTypeFont

    /// - Parameters:
    ///   - glyphs: original glyph ids in their new order; `glyphs[0]` should be 0 (.notdef).
    ///   - unicodes: the character of each new glyph, for the subset's `cmap` (same order as `glyphs`).
    func subset(glyphs: [UInt16], unicodes: [Unicode.Scalar]) -> Subset {
        var order = glyphs
        var newID: [UInt16: UInt16] = [:]
        for (index, glyph) in order.enumerated() where newID[glyph] == nil { newID[glyph] = UInt16(index) }
        // Composite closure: components are appended after the glyphs that use them.
        var cursor = 0
        while cursor < order.count {
            for component in TrueTypeGlyph.components(of: font.glyphData(Int(order[cursor]))) where newID[component] == nil {
                newID[component] = UInt16(order.count)
                order.append(component)
            }
            cursor += 1
        }

        var glyf: [UInt8] = []
        var loca: [UInt8] = []
        var hmtx: [UInt8] = []
        glyf.reserveCapacity(order.count * 160)
        loca.reserveCapacity((order.count + 1) * 4)
        hmtx.reserveCapacity(order.count * 4)
        for glyph in order {
            loca.appendU32(UInt32(glyf.count))
            let start = glyf.count
            glyf.append(contentsOf: font.glyphData(Int(glyph)))
            TrueTypeGlyph.renumberComponents(in: &glyf, from: start) { newID[$0] ?? 0 }
            while glyf.count % 4 != 0 { glyf.append(0) }
            hmtx.appendU16(font.advances[Int(glyph)])
            hmtx.appendU16(UInt16(bitPattern: font.leftSideBearings[Int(glyph)]))
        }
        loca.appendU32(UInt32(glyf.count))

        var tables: [(String, [UInt8])] = [
            ("glyf", glyf), ("loca", loca), ("hmtx", hmtx),
            ("cmap", TrueTypeCharacterMapWriter.format4(unicodes: unicodes)),
        ]
        if var head = font.table("head").map(Array.init) {
            head.setU32(8, 0)  // checkSumAdjustment, set below
            head.setU16(50, 1)  // long loca
            tables.append(("head", head))
        }
        if var hhea = font.table("hhea").map(Array.init) {
            hhea.setU16(34, UInt16(order.count))
            tables.append(("hhea", hhea))
        }
        if var maxp = font.table("maxp").map(Array.init) {
            maxp.setU16(4, UInt16(order.count))
            tables.append(("maxp", maxp))
        }
        if let post = font.table("post"), post.count >= 32 {
            var header = Array(post.prefix(32))
            header.setU32(0, 0x0003_0000)  // version 3: no glyph names
            tables.append(("post", header))
        }
        for tag in ["OS/2", "cvt ", "fpgm", "prep", "gasp"] {
            if let table = font.table(tag) { tables.append((tag, Array(table))) }
        }
        return Subset(program: SFNTWriter.assemble(tables), glyphCount: order.count)
    }
}

/// Reading and rewriting composite glyph records.
enum TrueTypeGlyph {
    private static let argumentsAreWords: UInt16 = 0x0001
    private static let hasScale: UInt16 = 0x0008
    private static let moreComponents: UInt16 = 0x0020
    private static let hasXYScale: UInt16 = 0x0040
    private static let hasTwoByTwo: UInt16 = 0x0080

    /// Glyph ids of the components of a composite glyph (none for a simple glyph).
    static func components(of glyph: ArraySlice<UInt8>) -> [UInt16] {
        var result: [UInt16] = []
        forEachComponent(Array(glyph), from: 0) { offset, bytes in result.append(bytes.u16(offset)) }
        return result
    }

    /// Rewrites, in place, the component ids of the composite glyph that starts at `start` in `bytes`.
    static func renumberComponents(in bytes: inout [UInt8], from start: Int, _ map: (UInt16) -> UInt16) {
        var positions: [Int] = []
        forEachComponent(bytes, from: start) { offset, _ in positions.append(offset) }
        for position in positions { bytes.setU16(position, map(bytes.u16(position))) }
    }

    /// Calls `body` with the offset of each component's glyph index.
    private static func forEachComponent(_ bytes: [UInt8], from start: Int, _ body: (Int, [UInt8]) -> Void) {
        guard bytes.count >= start + 10, bytes.i16(start) < 0 else { return }
        var offset = start + 10
        while offset + 4 <= bytes.count {
            let flags = bytes.u16(offset)
            body(offset + 2, bytes)
            offset += 4
            offset += flags & argumentsAreWords != 0 ? 4 : 2
            if flags & hasScale != 0 {
                offset += 2
            } else if flags & hasXYScale != 0 {
                offset += 4
            } else if flags & hasTwoByTwo != 0 {
                offset += 8
            }
            if flags & moreComponents == 0 { break }
        }
    }
}
