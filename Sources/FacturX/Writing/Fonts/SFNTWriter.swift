/// Writes an sfnt (TrueType) file from its tables: directory, 4-byte aligned tables, checksums and the
/// `head` checkSumAdjustment.
enum SFNTWriter {
    static func assemble(_ unsorted: [(String, [UInt8])]) -> [UInt8] {
        let tables = unsorted.sorted { $0.0 < $1.0 }
        let count = tables.count
        var power = 1
        var exponent = 0
        while power * 2 <= count {
            power *= 2
            exponent += 1
        }
        var output: [UInt8] = []
        output.reserveCapacity(12 + count * 16 + tables.reduce(0) { $0 + $1.1.count + 3 })
        output.appendU32(0x0001_0000)
        output.appendU16(UInt16(count))
        output.appendU16(UInt16(power * 16))
        output.appendU16(UInt16(exponent))
        output.appendU16(UInt16(count * 16 - power * 16))
        var offset = 12 + count * 16
        var headOffset: Int?
        for (tag, bytes) in tables {
            output.append(contentsOf: Array(tag.utf8.prefix(4)))
            output.appendU32(checksum(bytes[...]))
            output.appendU32(UInt32(offset))
            output.appendU32(UInt32(bytes.count))
            if tag == "head" { headOffset = offset }
            offset += (bytes.count + 3) & ~3
        }
        for (_, bytes) in tables {
            output.append(contentsOf: bytes)
            while output.count % 4 != 0 { output.append(0) }
        }
        if let headOffset {
            output.setU32(headOffset + 8, 0xB1B0_AFBA &- checksum(output[...]))
        }
        return output
    }

    /// The sum of the big-endian 32-bit words, the last one zero-padded.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBytes { raw in
            var sum: UInt32 = 0
            let words = raw.count / 4
            for index in 0..<words {
                sum = sum &+ UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
            }
            var last: UInt32 = 0
            for index in words * 4..<words * 4 + 4 {
                last <<= 8
                if index < raw.count { last |= UInt32(raw[index]) }
            }
            return raw.count % 4 == 0 ? sum : sum &+ last
        }
    }
}

/// A format 4 `cmap` (Windows Unicode BMP) for a subset.
enum TrueTypeCharacterMapWriter {
    /// `unicodes[i]` is the character of new glyph i; index 0 (.notdef) is skipped.
    static func format4(unicodes: [Unicode.Scalar]) -> [UInt8] {
        // (code, glyph) pairs packed in one integer each, so that a plain integer sort orders them by code, then glyph.
        var packed: [Int] = []
        packed.reserveCapacity(unicodes.count)
        for (glyph, scalar) in unicodes.enumerated() where glyph > 0 && scalar.value < 0xFFFF {
            packed.append(Int(scalar.value) << 32 | glyph)
        }
        packed.sort()
        // Segments of consecutive codes with consecutive glyphs share one delta.
        var segments: [(start: Int, end: Int, delta: Int)] = []
        segments.reserveCapacity(packed.count + 1)
        for pair in packed.lazy.map({ (code: $0 >> 32, glyph: $0 & 0xFFFF_FFFF) }) {
            if let last = segments.last, last.end == pair.code { continue }  // a character maps to one glyph
            if let last = segments.last, last.end + 1 == pair.code, (pair.glyph - pair.code) == last.delta {
                segments[segments.count - 1].end = pair.code
            } else {
                segments.append((pair.code, pair.code, pair.glyph - pair.code))
            }
        }
        segments.append((0xFFFF, 0xFFFF, 1))
        let segmentCount = segments.count
        var power = 1
        var exponent = 0
        while power * 2 <= segmentCount {
            power *= 2
            exponent += 1
        }
        var subtable: [UInt8] = []
        let length = 16 + segmentCount * 8
        subtable.appendU16(4)
        subtable.appendU16(UInt16(length))
        subtable.appendU16(0)
        subtable.appendU16(UInt16(segmentCount * 2))
        subtable.appendU16(UInt16(power * 2))
        subtable.appendU16(UInt16(exponent))
        subtable.appendU16(UInt16(segmentCount * 2 - power * 2))
        for segment in segments { subtable.appendU16(UInt16(segment.end)) }
        subtable.appendU16(0)
        for segment in segments { subtable.appendU16(UInt16(segment.start)) }
        for segment in segments { subtable.appendU16(UInt16(truncatingIfNeeded: segment.delta & 0xFFFF)) }
        for _ in segments { subtable.appendU16(0) }

        var table: [UInt8] = []
        table.appendU16(0)  // version
        table.appendU16(1)  // one encoding record
        table.appendU16(3)  // Windows
        table.appendU16(1)  // Unicode BMP
        table.appendU32(12)
        table.append(contentsOf: subtable)
        return table
    }
}
