extension JSONParser {
    /// Reads a string from its opening quote to its closing quote: escapes, UTF-8 and control characters are
    /// checked. The text is decoded when `decoding` (keys) or when it has escapes; other values are decoded
    /// from the bytes when the decoder asks for them.
    mutating func string(decoding: Bool) throws(InvoiceJSON.Failure) -> String? {
        let opening = position
        position += 1
        var start = position
        var decoded: [UInt8] = []
        var escaped = false
        while true {
            guard let byte = current else {
                throw malformed("a string is not closed (a '\"' is missing)", "une chaîne n'est pas fermée (il manque un '\"')", at: opening)
            }
            switch byte {
            case UInt8(ascii: "\""):
                let text = decoding || escaped ? Self.text(decoded, bytes[start..<position]) : nil
                position += 1
                return text
            case UInt8(ascii: "\\"):
                escaped = true
                decoded += bytes[start..<position]
                let scalar = try escape()
                decoded += Array(String(Character(scalar)).utf8)
                start = position
            case 0..<0x20:
                throw malformed(
                    "a control character (byte 0x\(String(byte, radix: 16, uppercase: true))) must be escaped inside a string, e.g. \\n",
                    "un caractère de contrôle (octet 0x\(String(byte, radix: 16, uppercase: true))) doit être échappé dans une chaîne, p. ex. \\n")
            case 0x80...:
                try skipUTF8Sequence()
            default:
                position += 1
            }
        }
    }

    private static func text(_ decoded: [UInt8], _ tail: ArraySlice<UInt8>) -> String {
        decoded.isEmpty ? String(decoding: tail, as: UTF8.self) : String(decoding: decoded + tail, as: UTF8.self)
    }

    /// One escape after its backslash; `\u` escapes must pair their surrogates.
    private mutating func escape() throws(InvoiceJSON.Failure) -> Unicode.Scalar {
        let start = position
        position += 1
        guard let letter = current else { throw unexpected("an escape such as \\n or \\u00E9", "un échappement tel que \\n ou \\u00E9") }
        position += 1
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hexQuad()
            if (0xD800...0xDBFF).contains(first) {
                guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                    throw unpairedSurrogate(at: start)
                }
                position += 2
                let second = try hexQuad()
                guard (0xDC00...0xDFFF).contains(second),
                    let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                else { throw unpairedSurrogate(at: start) }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else { throw unpairedSurrogate(at: start) }
            return scalar
        default:
            position -= 1
            throw unexpected("an escape such as \\n, \\\" or \\u00E9 after '\\'", "un échappement tel que \\n, \\\" ou \\u00E9 après '\\'")
        }
    }

    private mutating func hexQuad() throws(InvoiceJSON.Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw unexpected("4 hexadecimal digits after \\u", "4 chiffres hexadécimaux après \\u") }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw unexpected("4 hexadecimal digits after \\u", "4 chiffres hexadécimaux après \\u")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private func unpairedSurrogate(at offset: Int) -> InvoiceJSON.Failure {
        malformed("a \\u escape is half of a surrogate pair without its other half",
                  "un échappement \\u est une moitié de paire de substitution sans l'autre moitié", at: offset)
    }

    /// One multi-byte UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF).
    private mutating func skipUTF8Sequence() throws(InvoiceJSON.Failure) {
        guard let lead = current else { return }
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: throw invalidUTF8()
        }
        for offset in 1..<length {
            let index = position + offset
            guard index < bytes.count else { throw invalidUTF8() }
            let byte = bytes[index]
            let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= low, byte <= high else { throw invalidUTF8() }
        }
        position += length
    }

    private func invalidUTF8() -> InvoiceJSON.Failure {
        malformed("the text is not valid UTF-8 (JSON must be UTF-8; was it written in Latin-1 or Windows-1252?)",
                  "le texte n'est pas de l'UTF-8 valide (le JSON doit être en UTF-8 ; a-t-il été écrit en Latin-1 ou Windows-1252 ?)")
    }
}
