import CZlib

/// A small, fast zlib (RFC 1950/1951) encoder for the document's streams: greedy LZ77 matching with one
/// hash probe and the fixed Huffman codes, written in one final block.
///
/// It trades some size for speed: its output is about a fifth larger than zlib level 1's, and it keeps
/// only a 32 KB hash table, which stays warm between the short streams a PDF is made of.
/// Every decoder reads it: it is plain deflate, checked by round trips through zlib's inflate in the tests.
enum FastDeflate {
    private static let hashBits = 13
    private static let minimumMatch = 4
    private static let maximumMatch = 258
    private static let maximumDistance = 32768

    static func compress(_ input: [UInt8]) -> [UInt8] {
        var writer = BitWriter(capacity: input.count)
        writer.write(0x0178, count: 16)  // zlib header: deflate, 32 KB window, fastest
        writer.write(0b011, count: 3)  // BFINAL = 1, BTYPE = 01 (fixed Huffman)
        Tables.literal.withUnsafeBufferPointer { literal in
            Tables.lengthCode.withUnsafeBufferPointer { lengths in
                Tables.distanceSymbol.withUnsafeBufferPointer { symbols in
                    Tables.distanceInfo.withUnsafeBufferPointer { distances in
                        let codes = Codes(literal: literal, lengths: lengths, distanceSymbols: symbols, distances: distances)
                        input.withUnsafeBufferPointer { source in
                            encode(source, codes, &writer)
                        }
                    }
                }
            }
        }
        writer.writeCode(Tables.literal[256])  // end of block
        writer.finish()
        let checksum = input.withUnsafeBufferPointer { UInt32(adler32(1, $0.baseAddress, uInt($0.count))) }
        writer.bytes.append(UInt8(checksum >> 24))
        writer.bytes.append(UInt8((checksum >> 16) & 0xFF))
        writer.bytes.append(UInt8((checksum >> 8) & 0xFF))
        writer.bytes.append(UInt8(checksum & 0xFF))
        return writer.bytes
    }

    @inline(__always)
    private static func hash(_ word: UInt32) -> Int {
        Int((word &* 2_654_435_761) >> UInt32(32 - hashBits))
    }

    /// The code tables, as pointers for the inner loop.
    struct Codes {
        var literal: UnsafeBufferPointer<UInt32>
        var lengths: UnsafeBufferPointer<(symbol: UInt16, extraBits: UInt8, extra: UInt16)>
        var distanceSymbols: UnsafeBufferPointer<UInt8>
        /// Per distance symbol: reversed code | extra bit count << 8 | base distance << 16.
        var distances: UnsafeBufferPointer<UInt32>
    }

    /// How far the bytes at `candidate` and `position` agree (at least `minimumMatch`, which the caller has
    /// checked, at most `limit`): eight bytes a step, the first differing byte found from the XOR's zero bits.
    @inline(__always)
    private static func matchLength(_ base: UnsafePointer<UInt8>, _ candidate: Int, _ position: Int, limit: Int) -> Int {
        var length = minimumMatch
        while length + 8 <= limit {
            let earlier = UnsafeRawPointer(base + candidate + length).loadUnaligned(as: UInt64.self)
            let here = UnsafeRawPointer(base + position + length).loadUnaligned(as: UInt64.self)
            let difference = UInt64(littleEndian: earlier ^ here)
            if difference != 0 { return length + difference.trailingZeroBitCount / 8 }
            length += 8
        }
        while length < limit, base[candidate + length] == base[position + length] { length += 1 }
        return length
    }

    private static func encode(_ source: UnsafeBufferPointer<UInt8>, _ codes: Codes, _ output: inout BitWriter) {
        guard let base = source.baseAddress else { return }
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 1 << hashBits) { table in
            table.initialize(repeating: -1)
            output = encode(base, count: source.count, table: table, codes: codes, into: output)
        }
    }

    /// The greedy LZ77 loop. The writer is a local value here (not captured by a closure), so that its bit
    /// buffer stays in registers between codes.
    private static func encode(_ base: UnsafePointer<UInt8>, count: Int, table: UnsafeMutableBufferPointer<Int32>, codes: Codes,
                               into start: BitWriter) -> BitWriter {
        var writer = start
        var position = 0
        let last = count - minimumMatch
        while position <= last {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt32.self)
            let slot = hash(word)
            let candidate = Int(table[slot])
            table[slot] = Int32(position)
            if candidate >= 0, position - candidate <= maximumDistance,
               UnsafeRawPointer(base + candidate).loadUnaligned(as: UInt32.self) == word {
                let length = matchLength(base, candidate, position, limit: min(maximumMatch, count - position))
                writer.writeMatch(length: length, distance: position - candidate, codes)
                // Remember the match's last position too, so that runs of matches chain up.
                let end = position + length - 1
                if end <= last {
                    table[hash(UnsafeRawPointer(base + end).loadUnaligned(as: UInt32.self))] = Int32(end)
                }
                position += length
            } else {
                writer.writeCode(codes.literal[Int(base[position])])
                position += 1
            }
        }
        while position < count {
            writer.writeCode(codes.literal[Int(base[position])])
            position += 1
        }
        return writer
    }

    /// Bits written least significant first, as deflate wants, into a buffer sized for the worst case
    /// (every byte a 9-bit literal); Huffman codes are stored already reversed.
    struct BitWriter {
        var bytes: [UInt8]
        private var buffer: UInt64 = 0
        private var filled: UInt64 = 0
        private let storage: UnsafeMutablePointer<UInt8>
        private var written = 0

        init(capacity: Int) {
            bytes = []
            storage = UnsafeMutablePointer.allocate(capacity: capacity + capacity / 8 + 64)
        }

        /// Moves the bits written so far behind `bytes` and releases the buffer.
        mutating func finish() {
            while filled > 0 {
                storage[written] = UInt8(truncatingIfNeeded: buffer)
                written += 1
                buffer >>= 8
                filled = filled >= 8 ? filled - 8 : 0
            }
            bytes.append(contentsOf: UnsafeBufferPointer(start: storage, count: written))
            storage.deallocate()
        }

        @inline(__always)
        mutating func write(_ value: UInt64, count: UInt64) {
            buffer |= value << filled
            filled += count
            if filled >= 32 {
                UnsafeMutableRawPointer(storage + written)
                    .storeBytes(of: UInt32(truncatingIfNeeded: buffer).littleEndian, as: UInt32.self)
                written += 4
                buffer >>= 32
                filled -= 32
            }
        }

        /// A code packed as (reversed bits << 8) | bit count.
        @inline(__always)
        mutating func writeCode(_ packed: UInt32) {
            write(UInt64(packed >> 8), count: UInt64(packed & 0xFF))
        }

        @inline(__always)
        mutating func writeMatch(length: Int, distance: Int, _ codes: Codes) {
            let lengthCode = codes.lengths[length]
            let literal = codes.literal[Int(lengthCode.symbol)]
            // The length code, its extra bits right after it.
            let codeBits = UInt64(literal & 0xFF)
            write(UInt64(literal >> 8) | UInt64(lengthCode.extra) << codeBits, count: codeBits + UInt64(lengthCode.extraBits))
            let d = distance - 1
            let symbol = Int(d < 256 ? codes.distanceSymbols[d] : codes.distanceSymbols[256 + (d >> 7)])
            // The 5-bit distance code, then its extra bits: the offset from the symbol's base distance.
            let info = codes.distances[symbol]
            let extraBits = UInt64((info >> 8) & 0xFF)
            let offset = UInt64(distance - Int(info >> 16))
            write(UInt64(info & 0x1F) | offset << 5, count: 5 + extraBits)
        }
    }

    /// The fixed Huffman codes of RFC 1951 section 3.2.6, with the length and distance mappings.
    enum Tables {
        static let literal: [UInt32] = (0..<288).map { symbol in
            let (code, length): (UInt32, UInt32) = switch symbol {
            case 0...143: (0x30 + UInt32(symbol), 8)
            case 144...255: (0x190 + UInt32(symbol - 144), 9)
            case 256...279: (UInt32(symbol - 256), 7)
            default: (0xC0 + UInt32(symbol - 280), 8)
            }
            return reversed(code, length) << 8 | length
        }

        static let distanceInfo: [UInt32] = (0..<30).map { symbol in
            reversed(UInt32(symbol), 5) | UInt32(distanceExtraBits[symbol]) << 8 | UInt32(distanceBase[symbol]) << 16
        }

        private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                                         131, 163, 195, 227, 258]
        private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                                   2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
        static let distanceExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
                                        12, 13, 13]

        /// For each match length 0…258: its symbol (257…285) and extra bits.
        static let lengthCode: [(symbol: UInt16, extraBits: UInt8, extra: UInt16)] = (0...258).map { length in
            guard length >= 3 else { return (0, 0, 0) }
            var index = lengthBase.count - 1
            while lengthBase[index] > length { index -= 1 }
            return (UInt16(257 + index), UInt8(lengthExtra[index]), UInt16(length - lengthBase[index]))
        }

        /// Distance − 1 → symbol: entries 0…255 directly, then 256 + ((distance − 1) >> 7).
        static let distanceSymbol: [UInt8] = {
            var table = [UInt8](repeating: 0, count: 512)
            for symbol in 0..<30 {
                let low = distanceBase[symbol] - 1
                let high = low + (1 << distanceExtraBits[symbol])
                for d in low..<min(high, 32768) {
                    if d < 256 { table[d] = UInt8(symbol) } else { table[256 + (d >> 7)] = UInt8(symbol) }
                }
            }
            return table
        }()

        private static func reversed(_ code: UInt32, _ length: UInt32) -> UInt32 {
            var result: UInt32 = 0
            var value = code
            for _ in 0..<length {
                result = (result << 1) | (value & 1)
                value >>= 1
            }
            return result
        }
    }
}
