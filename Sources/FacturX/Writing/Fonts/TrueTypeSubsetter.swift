/// Builds a TrueType font program holding only the glyphs a document uses, renumbered: new glyph i is
/// `glyphs[i]` of the original, followed by the components that composite glyphs need.
/// `glyf`, `loca`, `hmtx`, `hhea`, `maxp`, `head`, `post` and `cmap` are rebuilt. Hinting (the `fpgm`, `prep`
/// and `cvt ` programs and each glyph's instructions) is left out: PDF viewers scale outlines to any size
/// and most ignore TrueType hints, and without them a subset is half as large and cheap to write.
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
        // New id of each original glyph; 0xFFFF while it is not in the subset.
        var newID = [UInt16](repeating: 0xFFFF, count: font.glyphCount)
        for (index, glyph) in order.enumerated() where Int(glyph) < font.glyphCount && newID[Int(glyph)] == 0xFFFF {
            newID[Int(glyph)] = UInt16(index)
        }
        // Composite closure: components are appended after the glyphs that use them.
        var cursor = 0
        while cursor < order.count {
            let data = font.glyphData(Int(order[cursor]))
            if TrueTypeGlyph.isComposite(data) {
                for component in TrueTypeGlyph.components(of: data)
                where Int(component) < font.glyphCount && newID[Int(component)] == 0xFFFF {
                    newID[Int(component)] = UInt16(order.count)
                    order.append(component)
                }
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
            TrueTypeGlyph.appendWithoutInstructions(font.glyphData(Int(glyph)), to: &glyf)
            if TrueTypeGlyph.isComposite(glyf[start...]) {
                TrueTypeGlyph.renumberComponents(in: &glyf, from: start) { Int($0) < newID.count && newID[Int($0)] != 0xFFFF ? newID[Int($0)] : 0 }
            }
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
        for tag in ["OS/2"] {
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
    private static let hasInstructions: UInt16 = 0x0100

    /// Appends a glyph's outline with its hinting instructions removed.
    static func appendWithoutInstructions(_ glyph: ArraySlice<UInt8>, to output: inout [UInt8]) {
        let start = glyph.startIndex
        guard glyph.count >= 12 else {
            output.append(contentsOf: glyph)
            return
        }
        let contours = Int(Int16(bitPattern: UInt16(glyph[start]) << 8 | UInt16(glyph[start + 1])))
        if contours >= 0 {
            let lengthAt = start + 10 + contours * 2
            guard lengthAt + 2 <= glyph.endIndex else { return output.append(contentsOf: glyph) }
            let length = Int(UInt16(glyph[lengthAt]) << 8 | UInt16(glyph[lengthAt + 1]))
            guard lengthAt + 2 + length <= glyph.endIndex else { return output.append(contentsOf: glyph) }
            output.append(contentsOf: glyph[start..<lengthAt])
            output.append(0)
            output.append(0)
            output.append(contentsOf: glyph[(lengthAt + 2 + length)...])
            return
        }
        // Composite: copy the component records, clear WE_HAVE_INSTRUCTIONS and drop what follows them.
        var offset = start + 10
        let first = output.count
        var flagPositions: [Int] = []
        while offset + 4 <= glyph.endIndex {
            let flags = UInt16(glyph[offset]) << 8 | UInt16(glyph[offset + 1])
            flagPositions.append(offset - start)
            var next = offset + 4 + (flags & argumentsAreWords != 0 ? 4 : 2)
            if flags & hasScale != 0 {
                next += 2
            } else if flags & hasXYScale != 0 {
                next += 4
            } else if flags & hasTwoByTwo != 0 {
                next += 8
            }
            offset = min(next, glyph.endIndex)
            if flags & moreComponents == 0 { break }
        }
        output.append(contentsOf: glyph[start..<offset])
        for position in flagPositions {
            let flags = output.u16(first + position) & ~hasInstructions
            output.setU16(first + position, flags)
        }
    }

    /// Whether the glyph outline is a composite (negative contour count).
    static func isComposite(_ glyph: ArraySlice<UInt8>) -> Bool {
        glyph.count >= 10 && glyph[glyph.startIndex] & 0x80 != 0
    }

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
