extension PDFParser {
    /// A name at the position (which holds '/'), `#xx` escapes resolved.
    mutating func readName() -> String {
        position += 1
        let start = position
        var escaped = false
        while position < bytes.count, PDFBytes.isRegular(bytes[position]) {
            if bytes[position] == 0x23 { escaped = true }
            position += 1
        }
        guard escaped else {
            let end = position
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(position - start)
        var index = start
        while index < position {
            let byte = bytes[index]
            if byte == 0x23, index + 2 < position,
               let high = PDFBytes.hexValue(bytes[index + 1]), let low = PDFBytes.hexValue(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// A literal string `( … )` at the position: balanced parentheses, escapes and line continuations.
    mutating func readLiteralString() throws(PDFError) -> [UInt8] {
        let start = position
        position += 1
        var output: [UInt8] = []
        var depth = 1
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case 0x28:
                depth += 1
                output.append(byte)
            case 0x29:
                depth -= 1
                if depth == 0 { return output }
                output.append(byte)
            case 0x5C:
                readEscape(into: &output)
            case 0x0D:
                // An end of line in a string is read as a single LF.
                output.append(0x0A)
                if position < bytes.count, bytes[position] == 0x0A { position += 1 }
            default:
                output.append(byte)
            }
        }
        throw error("the string opened at byte \(start) is not closed", at: start)
    }

    private mutating func readEscape(into output: inout [UInt8]) {
        guard position < bytes.count else { return }
        let byte = bytes[position]
        position += 1
        switch byte {
        case 0x6E: output.append(0x0A)  // n
        case 0x72: output.append(0x0D)  // r
        case 0x74: output.append(0x09)  // t
        case 0x62: output.append(0x08)  // b
        case 0x66: output.append(0x0C)  // f
        case 0x0D:  // line continuation
            if position < bytes.count, bytes[position] == 0x0A { position += 1 }
        case 0x0A:
            break
        case 0x30...0x37:
            var value = Int(byte - 0x30)
            var digits = 1
            while digits < 3, position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x37 {
                value = value * 8 + Int(bytes[position] - 0x30)
                position += 1
                digits += 1
            }
            output.append(UInt8(truncatingIfNeeded: value))
        default:
            output.append(byte)  // \( \) \\ and any other: the character itself
        }
    }

    /// A hexadecimal string `< … >` at the position; whitespace is skipped, an odd last digit is followed by 0.
    mutating func readHexString() throws(PDFError) -> [UInt8] {
        let start = position
        position += 1
        var output: [UInt8] = []
        var high: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == 0x3E {
                if let high { output.append(high << 4) }
                return output
            }
            if PDFBytes.isWhitespace(byte) { continue }
            guard let value = PDFBytes.hexValue(byte) else {
                throw error("the hexadecimal string opened at byte \(start) holds a non-hex byte \(preview(at: position - 1))", at: position - 1)
            }
            if let pending = high {
                output.append(pending << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        throw error("the hexadecimal string opened at byte \(start) is not closed", at: start)
    }
}
