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

    /// How many of the eight bytes are UTF-8 continuation bytes (`10xxxxxx`); ASCII is answered without
    /// counting bits (baseline x86-64 has no population-count instruction).
    @inline(__always) static func continuationBytes(_ word: UInt64) -> Int {
        if word & highBits == 0 { return 0 }
        return (word & ~(word << 1) & highBits).nonzeroBitCount
    }

    /// Whether all eight bytes are ASCII.
    @inline(__always) static func isASCII(_ word: UInt64) -> Bool { word & highBits == 0 }
}
