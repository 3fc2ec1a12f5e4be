/// Writes PDF objects back as bytes (ISO 32000-1 §7.3), for the objects an incremental update appends.
enum PDFSerializer {
    static func write(_ object: PDFObject, into output: inout [UInt8]) {
        switch object {
        case .null: append("null", to: &output)
        case let .boolean(value): append(value ? "true" : "false", to: &output)
        case let .integer(value): append(String(value), to: &output)
        case let .real(value):
            append(value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value), to: &output)
        case let .string(bytes): writeString(bytes, into: &output)
        case let .name(name): writeName(name, into: &output)
        case let .array(items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(0x20) }
                write(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case let .dictionary(dictionary): writeDictionary(dictionary, into: &output)
        case let .stream(stream): writeDictionary(stream.dictionary, into: &output)  // data is written by the caller
        case let .reference(reference): append("\(reference.number) \(reference.generation) R", to: &output)
        }
    }

    static func writeDictionary(_ dictionary: PDFDictionary, into output: inout [UInt8]) {
        append("<<", to: &output)
        for entry in dictionary.entries {
            writeName(entry.key, into: &output)
            output.append(0x20)
            write(entry.value, into: &output)
            output.append(0x20)
        }
        append(">>", to: &output)
    }

    /// A name, escaping delimiters, whitespace, `#` and bytes outside `!`…`~` as `#xx`.
    static func writeName(_ name: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "/"))
        for byte in name.utf8 {
            if byte < 0x21 || byte > 0x7E || byte == 0x23 || PDFBytes.isDelimiter(byte) {
                let hex = Array("0123456789ABCDEF".utf8)
                output += [0x23, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                output.append(byte)
            }
        }
    }

    /// A literal string, escaping parentheses, backslashes and line ends.
    static func writeString(_ bytes: [UInt8], into output: inout [UInt8]) {
        output.append(UInt8(ascii: "("))
        for byte in bytes {
            switch byte {
            case 0x28, 0x29, 0x5C: output += [0x5C, byte]
            case 0x0D: output += Array("\\r".utf8)
            case 0x0A: output += Array("\\n".utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: ")"))
    }

    static func append(_ text: String, to output: inout [UInt8]) {
        output += Array(text.utf8)
    }

    /// A PDF text string: ASCII as is, anything else as UTF-16BE with a byte-order mark.
    static func textString(_ text: String) -> PDFObject {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return .string(Array(text.utf8)) }
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        return .string(bytes)
    }
}
