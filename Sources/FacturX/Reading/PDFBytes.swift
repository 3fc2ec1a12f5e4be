#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte classes of the PDF syntax (ISO 32000-1 §7.2.2) and small searches over the file.
enum PDFBytes {
    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    @inline(__always) static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x25: true
        default: false
        }
    }

    @inline(__always) static func isRegular(_ byte: UInt8) -> Bool {
        !isWhitespace(byte) && !isDelimiter(byte)
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    @inline(__always) static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// Whether `keyword` is at `offset`, followed by a non-regular byte (or the end).
    static func matches(_ bytes: [UInt8], _ keyword: StaticString, at offset: Int) -> Bool {
        let count = keyword.utf8CodeUnitCount
        guard offset >= 0, offset + count <= bytes.count else { return false }
        let start = keyword.utf8Start
        for index in 0..<count where bytes[offset + index] != start[index] { return false }
        return offset + count == bytes.count || !isRegular(bytes[offset + count])
    }

    /// The first offset in `range` where `needle` starts: `memchr` to each occurrence of its first byte, then
    /// `memcmp` (several times faster than a byte loop over the kilobytes of comment some invoice XMLs open with).
    static func firstIndex(of needle: StaticString, in bytes: [UInt8], range: Range<Int>) -> Int? {
        bytes.withUnsafeBufferPointer { firstIndex(of: needle, in: $0, range: range) }
    }

    /// The same search in a buffer.
    static func firstIndex(of needle: StaticString, in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, range.lowerBound >= 0, range.upperBound <= buffer.count, range.count >= count,
              let base = buffer.baseAddress else { return nil }
        let pattern = needle.utf8Start
        let last = range.upperBound - count
        var index = range.lowerBound
        while index <= last {
            guard let found = memchr(base + index, Int32(pattern[0]), last - index + 1) else { return nil }
            let candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + candidate, pattern, count) == 0 { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// The first offset from `start` on that holds `byte` (`memchr`).
    static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start >= 0, start < buffer.count,
              let found = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The last offset in `range` where `needle` starts.
    static func lastIndex(of needle: StaticString, in bytes: [UInt8], range: Range<Int>) -> Int? {
        let count = needle.utf8CodeUnitCount
        let pointer = needle.utf8Start
        guard count > 0, range.lowerBound >= 0, range.upperBound <= bytes.count, range.count >= count else { return nil }
        var index = range.upperBound - count
        while index >= range.lowerBound {
            if bytes[index] == pointer[0] {
                var matched = true
                for step in 1..<count where bytes[index + step] != pointer[step] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index -= 1
        }
        return nil
    }

    /// Whether `text` contains the ASCII `needle` (a byte loop: Foundation's and the generic stdlib searches
    /// cost microseconds on Linux).
    static func contains(_ needle: StaticString, in text: String) -> Bool {
        let bytes = Array(text.utf8)
        return firstIndex(of: needle, in: bytes, range: 0..<bytes.count) != nil
    }
}
