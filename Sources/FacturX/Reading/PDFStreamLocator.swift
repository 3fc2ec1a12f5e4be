/// Finds where a stream's data ends: from its `/Length` when `endstream` follows there, otherwise (a wrong
/// or missing length) by scanning for `endstream`, which is reported as a repair.
enum PDFStreamLocator {
    struct Located {
        var range: Range<Int>
        /// The declared length was wrong or missing and the end was found by scanning.
        var recovered: Bool
    }

    /// `keywordEnd` is the offset just after the `stream` keyword.
    static func locate(in bytes: [UInt8], after keywordEnd: Int, declaredLength: Int?, objectNumber: Int?) throws(PDFError) -> Located {
        var start = keywordEnd
        // The keyword is followed by CRLF or LF (a lone CR or spaces are tolerated).
        while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        if start < bytes.count, bytes[start] == 0x0A { start += 1 }
        if let length = declaredLength, length >= 0, length <= bytes.count - start {
            let end = start + length
            if endstreamFollows(bytes, at: end) { return Located(range: start..<end, recovered: false) }
        }
        guard let keyword = PDFBytes.firstIndex(of: "endstream", in: bytes, range: start..<bytes.count) else {
            let what = declaredLength.map { "its /Length \($0) does not end at 'endstream'" } ?? "it has no usable /Length"
            throw PDFError(.stream, "the stream data starting here has no 'endstream' (\(what)): the file is truncated", offset: start, object: objectNumber)
        }
        var end = keyword
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return Located(range: start..<end, recovered: true)
    }

    private static func endstreamFollows(_ bytes: [UInt8], at offset: Int) -> Bool {
        var index = offset
        let limit = min(bytes.count, offset + 64)
        while index < limit, PDFBytes.isWhitespace(bytes[index]) { index += 1 }
        return PDFBytes.matches(bytes, "endstream", at: index)
            || (index + 9 <= bytes.count && bytes[index] == UInt8(ascii: "e") && PDFBytes.firstIndex(of: "endstream", in: bytes, range: index..<min(bytes.count, index + 9)) == index)
    }
}
