/// Word-at-a-time scanning: eight bytes are loaded as one `UInt64` (only where eight bytes remain, so
/// every load is in bounds) and tested with bit tricks, which keeps long text such as base64 attachments cheap.
extension XMLCursor {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `index` (the caller checks `index + 8 <= buffer.count`), first byte lowest.
    @inline(__always) func word(at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawBufferPointer(buffer).loadUnaligned(fromByteOffset: index, as: UInt64.self))
    }

    /// Whether one of the eight bytes equals `byte`.
    @inline(__always) static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highBits != 0
    }

    /// `0x80` in each byte of the word that equals `byte`, `0` in the others (exact, unlike `hasByte`'s test).
    @inline(__always) static func bytesEqualTo(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low) &+ low) | x | low)
    }

    /// How many of the eight bytes are UTF-8 continuation bytes (`10xxxxxx`); ASCII is answered without
    /// counting bits (baseline x86-64 has no population-count instruction).
    @inline(__always) static func continuationBytes(_ word: UInt64) -> Int {
        if word & highBits == 0 { return 0 }
        return (word & ~(word << 1) & highBits).nonzeroBitCount
    }

    /// `0x80` in some byte when one of the eight bytes equals `byte` (possibly also in a few others next to a
    /// match: good for "is there one", not for "where").
    @inline(__always) static func zeroBytes(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highBits
    }

    /// `0x80` in each byte of an all-ASCII word that `isNameByte` accepts (a letter, a digit, `:`, `_`, `-` or `.`),
    /// `0` in the others; `0` everywhere when some byte is not ASCII (the caller then looks byte by byte). Adding a
    /// constant below `0x80` to an ASCII byte cannot carry into the next byte, so each byte is tested on its own.
    @inline(__always) static func nameBytes(_ word: UInt64) -> UInt64 {
        guard word & highBits == 0 else { return 0 }
        let lower = word | (ones &* 0x20)
        let letters = ((lower &+ ones &* 0x1F) & ~(lower &+ ones &* 0x05)) & highBits  // 0x61 ... 0x7A
        let digitsOrColon = ((word &+ ones &* 0x50) & ~(word &+ ones &* 0x45)) & highBits  // 0x30 ... 0x3A
        let dashOrDot = ((word &+ ones &* 0x53) & ~(word &+ ones &* 0x51)) & highBits  // 0x2D ... 0x2E
        return letters | digitsOrColon | dashOrDot | bytesEqualTo(word, UInt8(ascii: "_"))
    }

    /// Whether all eight bytes are ASCII.
    @inline(__always) static func isASCII(_ word: UInt64) -> Bool { word & highBits == 0 }

    /// The eight bytes at `index` of any buffer (the caller checks `index + 8 <= buffer.count`).
    @inline(__always) static func word(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawBufferPointer(buffer).loadUnaligned(fromByteOffset: index, as: UInt64.self))
    }

    /// A hash of a name's bytes: its length and its first and last eight bytes (names share long prefixes less
    /// often than they share a length and both ends).
    static func nameHash(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var hash = UInt64(range.count) &* 0x9E37_79B9_7F4A_7C15
        if range.count >= 8 {
            hash ^= word(buffer, range.lowerBound) &* 0xC2B2_AE3D_27D4_EB4F
            hash = (hash ^ (hash >> 29)) &* 0x1656_67B1_9E37_79F9
            hash ^= word(buffer, range.upperBound - 8) &* 0x27D4_EB2F_1656_67C5
        } else {
            for index in range { hash = (hash ^ UInt64(buffer[index])) &* 0x100_0000_01B3 }
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// Whether `count` bytes at `a` in `first` and at `b` in `second` are equal (both ranges in bounds): eight bytes
    /// at a time, the last eight overlapping the ones before.
    static func bytesEqual(
        _ first: UnsafeBufferPointer<UInt8>, _ a: Int, _ second: UnsafeBufferPointer<UInt8>, _ b: Int, count: Int
    ) -> Bool {
        guard count >= 8 else {
            for offset in 0..<count where first[a + offset] != second[b + offset] { return false }
            return true
        }
        var offset = 0
        while offset + 8 < count {
            if word(first, a + offset) != word(second, b + offset) { return false }
            offset += 8
        }
        return word(first, a + count - 8) == word(second, b + count - 8)
    }
}
