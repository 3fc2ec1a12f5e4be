/// A `multipart/form-data` body (RFC 7578), as `POST /v1/flows` takes it: a `flowInfo` JSON part and a `file` part.
enum FlowMultipart {
    struct Part {
        var name: String
        var fileName: String?
        var contentType: String
        var bytes: [UInt8]

        init(name: String, fileName: String? = nil, contentType: String, bytes: [UInt8]) {
            self.name = name
            self.fileName = fileName
            self.contentType = contentType
            self.bytes = bytes
        }
    }

    static func body(boundary: String, parts: [Part]) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(parts.reduce(256) { $0 + $1.bytes.count + 160 })
        for part in parts {
            var disposition = "Content-Disposition: form-data; name=\"\(quoted(part.name))\""
            if let fileName = part.fileName { disposition += "; filename=\"\(quoted(fileName))\"" }
            body += Array("--\(boundary)\r\n\(disposition)\r\nContent-Type: \(part.contentType)\r\n\r\n".utf8)
            body += part.bytes
            body += Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return body
    }

    /// A header parameter value: quotes and line breaks cannot break out of it (RFC 7578 §4.2).
    static func quoted(_ text: String) -> String {
        String(text.map { character -> Character in
            switch character {
            case "\"": "'"
            case "\r", "\n": " "
            default: character
            }
        })
    }
}
