/// A growing byte buffer with the few PDF token writers the file needs: integers, coordinates,
/// names, strings. Coordinates are written with at most 3 decimals and no exponent.
struct PDFWriteBuffer: Sendable {
    var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(string text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(raw other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(int value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(unsigned: UInt(-value))
        } else {
            append(unsigned: UInt(value))
        }
    }

    private mutating func append(unsigned value: UInt) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            let start = Self.writeDigits(value, into: digits, endingAt: 20)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// Writes the decimal digits of `value` to end just before `end`; returns where they start. Division by
    /// the constant 10 compiles to a multiplication.
    @inline(__always)
    private static func writeDigits(_ value: UInt, into buffer: UnsafeMutableBufferPointer<UInt8>, endingAt end: Int) -> Int {
        var rest = value
        var index = end
        repeat {
            index -= 1
            buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        return index
    }

    /// A coordinate or size: rounded to 3 decimals, trailing zeros dropped (`12.5`, `-0.25`, `300`).
    mutating func append(number value: Double) {
        guard value.isFinite, abs(value) < 1e15 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let product = value * 1000
        let scaled = Int(product >= 0 ? product + 0.5 : product - 0.5)  // half away from zero, without libm
        let magnitude = scaled.magnitude
        var fraction = magnitude % 1000
        // Sign, up to 16 integer digits, point and 3 decimals, built in one buffer and appended once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var end = 20
            if fraction != 0 {
                var decimals = 3
                while fraction % 10 == 0 {
                    fraction /= 10
                    decimals -= 1
                }
                buffer[20] = UInt8(ascii: ".")
                var index = 20 + decimals
                end = index + 1
                while index > 20 {
                    buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: fraction % 10)
                    fraction /= 10
                    index -= 1
                }
            }
            var start = Self.writeDigits(magnitude / 1000, into: buffer, endingAt: 20)
            if scaled < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
    }

    /// Numbers separated by spaces, each followed by a space.
    mutating func append(numbers values: Double...) {
        for value in values {
            append(number: value)
            bytes.append(UInt8(ascii: " "))
        }
    }

    /// `/Name`, with the characters PDF names cannot hold written as `#xx`.
    mutating func append(name: String) {
        bytes.append(UInt8(ascii: "/"))
        for byte in name.utf8 {
            let regular = byte > 0x20 && byte < 0x7F && !PDFWriteBuffer.delimiters.contains(byte) && byte != UInt8(ascii: "#")
            if regular {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "#"))
                appendHexByte(byte)
            }
        }
    }

    /// `<0a1b…>`.
    mutating func append(hexString data: [UInt8]) {
        bytes.append(UInt8(ascii: "<"))
        for byte in data { appendHexByte(byte) }
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func appendHexByte(_ byte: UInt8) {
        bytes.append(PDFWriteBuffer.hexDigits[Int(byte >> 4)])
        bytes.append(PDFWriteBuffer.hexDigits[Int(byte & 0x0F)])
    }

    /// A text string (PDF 7.9.2.2): plain ASCII as a literal string, anything else as UTF-16BE with a BOM.
    mutating func append(textString text: String) {
        let isPlainASCII = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        if isPlainASCII {
            append(literalString: Array(text.utf8))
            return
        }
        var utf16: [UInt8] = [0xFE, 0xFF]
        utf16.reserveCapacity(2 + text.utf16.count * 2)
        for unit in text.utf16 {
            utf16.append(UInt8(unit >> 8))
            utf16.append(UInt8(unit & 0xFF))
        }
        append(hexString: utf16)
    }

    /// `(…)` with `(`, `)` and `\` escaped.
    mutating func append(literalString data: [UInt8]) {
        bytes.append(UInt8(ascii: "("))
        for byte in data {
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\\") {
                bytes.append(UInt8(ascii: "\\"))
            }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: ")"))
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
    static let delimiters: Set<UInt8> = Set("()<>[]{}/%".utf8)
}
