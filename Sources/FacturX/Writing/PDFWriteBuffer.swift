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
        var divisor: UInt = 10
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// A coordinate or size: rounded to 3 decimals, trailing zeros dropped (`12.5`, `-0.25`, `300`).
    mutating func append(number value: Double) {
        guard value.isFinite else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let product = value * 1000
        let scaled = Int(product >= 0 ? product + 0.5 : product - 0.5)  // half away from zero, without libm
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = scaled.magnitude
        append(unsigned: magnitude / 1000)
        var fraction = magnitude % 1000
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var divisor: UInt = 100
        while fraction != 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
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
