/// The character encodings ERP exports come in. Decoded by us: Foundation's Windows-1252 support differs between
/// platforms, and a file must decode the same way everywhere.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case iso8859_1 = "iso-8859-1"
    case windows1252 = "windows-1252"

    /// Accepts the usual spellings: `UTF-8`, `utf8`, `latin1`, `ISO-8859-1`, `cp1252`, `Windows-1252`, `ANSI`.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1": self = .iso8859_1
        case "windows-1252", "cp1252", "win1252", "ansi": self = .windows1252
        default: return nil
        }
    }

    /// The text of `bytes`, or nil when they are not valid in this encoding (bad UTF-8, or one of the five bytes
    /// Windows-1252 leaves undefined: 0x81, 0x8D, 0x8F, 0x90, 0x9D).
    public func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        switch self {
        case .utf8:
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            return String(validating: bytes, as: UTF8.self)
        case .iso8859_1:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
            return String(scalars)
        case .windows1252:
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                guard let scalar = Self.windows1252Scalar(byte) else { return nil }
                scalars.append(scalar)
            }
            return String(scalars)
        }
    }

    /// Decodes what can be decoded, replacing the rest with U+FFFD: for error reports only.
    public func decodeLeniently(_ bytes: ArraySlice<UInt8>) -> String {
        if let text = decode(bytes) { return text }
        switch self {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .iso8859_1, .windows1252:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Self.windows1252Scalar(byte) ?? "\u{FFFD}") }
            return String(scalars)
        }
    }

    /// The first byte offset where `bytes` stop being valid, for a located error.
    public func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        switch self {
        case .iso8859_1: return nil
        case .windows1252:
            return bytes.firstIndex { Self.windows1252Scalar($0) == nil }.map { $0 - bytes.startIndex }
        case .utf8:
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            var consumed = 0
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): consumed += UTF8.width(scalar)
                case .emptyInput: return nil
                case .error: return consumed
                }
            }
        }
    }

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        guard byte >= 0x80, byte <= 0x9F else { return Unicode.Scalar(byte) }
        let value = windows1252High[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// Windows-1252 bytes 0x80…0x9F (0 = undefined); the rest equals ISO-8859-1.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
