/// A minimal `multipart/form-data` reader (RFC 7578): enough to take the `file` part of an upload.
struct MultipartForm {
    struct Part {
        /// The `name` of its `Content-Disposition`.
        var name: String?
        var filename: String?
        var contentType: ContentType?
        var body: ArraySlice<UInt8>
    }

    var parts: [Part]

    /// Nil when the body is not a multipart document with this boundary.
    init?(_ bytes: [UInt8], boundary: String) {
        guard !boundary.isEmpty, boundary.utf8.count <= 70 else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard var cursor = Self.find(delimiter, in: bytes, from: 0) else { return nil }
        cursor += delimiter.count
        var parts: [Part] = []
        while true {
            // After a delimiter: "--" ends the document, CRLF starts a part.
            if bytes[cursor...].starts(with: Array("--".utf8)) { break }
            guard bytes[cursor...].starts(with: [13, 10]) else { return nil }
            let headerStart = cursor + 2
            guard let headerEnd = Self.find([13, 10, 13, 10], in: bytes, from: headerStart),
                let next = Self.find(separator, in: bytes, from: headerEnd + 4)
            else { return nil }
            let headers = String(decoding: bytes[headerStart..<headerEnd], as: UTF8.self)
            parts.append(Self.part(headers: headers, body: bytes[(headerEnd + 4)..<next]))
            cursor = next + separator.count
        }
        self.parts = parts
    }

    func part(named name: String) -> Part? { parts.first { $0.name == name } }

    private static func part(headers: String, body: ArraySlice<UInt8>) -> Part {
        var part = Part(name: nil, filename: nil, contentType: nil, body: body)
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
            let value = String(pair[1])
            if name == "content-type" {
                part.contentType = ContentType(value)
            } else if name == "content-disposition", let disposition = ContentType("form-data/x" + Self.afterFirst(";", in: value)) {
                part.name = disposition.parameters["name"]
                part.filename = disposition.parameters["filename"]
            }
        }
        return part
    }

    /// `; name="file"` from `form-data; name="file"` (so that the parameter parser of ``ContentType`` reads it).
    private static func afterFirst(_ character: Character, in text: String) -> String {
        guard let index = text.firstIndex(of: character) else { return "" }
        return String(text[index...])
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
