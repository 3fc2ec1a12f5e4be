/// ASCIIHexDecode, ASCII85Decode and RunLengthDecode (ISO 32000-1 §7.4.2, §7.4.3, §7.4.5).
enum ASCIIFilters {
    static func hex(_ data: [UInt8]) throws(PDFError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count / 2)
        var high: UInt8?
        for (index, byte) in data.enumerated() {
            if byte == 0x3E { break }
            if PDFBytes.isWhitespace(byte) { continue }
            guard let value = PDFBytes.hexValue(byte) else {
                throw PDFError(.filter, "ASCIIHexDecode data holds a non-hex byte 0x\(String(byte, radix: 16)) at decoded offset \(index)")
            }
            if let pending = high {
                output.append(pending << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        if let high { output.append(high << 4) }
        return output
    }

    static func ascii85(_ data: [UInt8]) throws(PDFError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count * 4 / 5)
        var group: UInt64 = 0
        var count = 0
        var index = 0
        if data.count >= 2, data[0] == 0x3C, data[1] == 0x7E { index = 2 }  // optional <~
        while index < data.count {
            let byte = data[index]
            index += 1
            if PDFBytes.isWhitespace(byte) { continue }
            if byte == 0x7E { break }  // ~>
            if byte == 0x7A, count == 0 {  // z
                output.append(contentsOf: [0, 0, 0, 0])
                continue
            }
            guard byte >= 0x21, byte <= 0x75 else {
                throw PDFError(.filter, "ASCII85Decode data holds an invalid byte 0x\(String(byte, radix: 16)) at offset \(index - 1)")
            }
            group = group * 85 + UInt64(byte - 0x21)
            count += 1
            if count == 5 {
                guard group <= 0xFFFF_FFFF else { throw PDFError(.filter, "ASCII85Decode group overflows at offset \(index - 1)") }
                output.append(contentsOf: [UInt8(group >> 24), UInt8(group >> 16 & 0xFF), UInt8(group >> 8 & 0xFF), UInt8(group & 0xFF)])
                group = 0
                count = 0
            }
        }
        if count == 1 { throw PDFError(.filter, "ASCII85Decode data ends with a lone byte") }
        if count > 1 {
            for _ in count..<5 { group = group * 85 + 84 }
            guard group <= 0xFFFF_FFFF else { throw PDFError(.filter, "ASCII85Decode final group overflows") }
            let bytes = [UInt8(group >> 24), UInt8(group >> 16 & 0xFF), UInt8(group >> 8 & 0xFF), UInt8(group & 0xFF)]
            output.append(contentsOf: bytes[0..<(count - 1)])
        }
        return output
    }

    static func runLength(_ data: [UInt8], limit: Int) throws(PDFError) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < data.count {
            let length = Int(data[index])
            index += 1
            if length == 128 { break }
            if length < 128 {
                let end = min(data.count, index + length + 1)
                output.append(contentsOf: data[index..<end])
                index = end
            } else if index < data.count {
                output.append(contentsOf: repeatElement(data[index], count: 257 - length))
                index += 1
            }
            if output.count > limit {
                throw PDFError(.decompressionLimit, "RunLengthDecode output passes the limit of \(limit) bytes")
            }
        }
        return output
    }
}
