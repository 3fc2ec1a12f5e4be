/// Decodes PDF text strings (ISO 32000-1 §7.9.2.2): UTF-16BE or UTF-8 with a byte-order mark, otherwise
/// PDFDocEncoding (read as Latin-1, which it equals for the characters file names use).
public enum PDFTextString {
    public static func decode(_ bytes: [UInt8]) -> String {
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            if let ascii = asciiFromUTF16(bytes) { return ascii }
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: bytes[3...], as: UTF8.self)
        }
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var text = ""
        text.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return text
    }

    /// UTF-16BE text that is all ASCII (most file names), read without the generic UTF-16 decoder.
    private static func asciiFromUTF16(_ bytes: [UInt8]) -> String? {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            guard bytes[index] == 0, bytes[index + 1] < 0x80 else { return nil }
            ascii.append(bytes[index + 1])
            index += 2
        }
        return String(decoding: ascii, as: UTF8.self)
    }
}
