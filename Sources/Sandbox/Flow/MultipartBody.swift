import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its parts.
struct MultipartBody: Sendable {
    struct Part: Sendable {
        var name: String
        var filename: String?
        var contentType: String?
        var body: [UInt8]
    }

    enum Failure: Error, CustomStringConvertible {
        case notMultipart
        case malformed(String)

        var description: String {
            switch self {
            case .notMultipart: "the body must be multipart/form-data with a boundary"
            case let .malformed(reason): "malformed multipart body: \(reason)"
            }
        }
    }

    var parts: [Part]

    func part(named name: String) -> Part? { parts.first { $0.name == name } }

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else {
                continue
            }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    init(bytes: [UInt8], boundary: String) throws(Failure) {
        let delimiter = Array("--\(boundary)".utf8)
        var positions: [Int] = []
        var index = 0
        while let found = Self.find(delimiter, in: bytes, from: index) {
            positions.append(found)
            index = found + delimiter.count
        }
        guard positions.count >= 2 else { throw .malformed("the boundary '\(boundary)' does not delimit any part") }
        var parts: [Part] = []
        for (start, end) in zip(positions, positions.dropFirst()) {
            var from = start + delimiter.count
            if bytes[from...].starts(with: [13, 10]) { from += 2 }
            var to = end
            if to >= 2, bytes[to - 2] == 13, bytes[to - 1] == 10 { to -= 2 }
            guard from <= to else { throw .malformed("an empty part") }
            parts.append(try Self.part(Array(bytes[from..<to])))
        }
        self.parts = parts
    }

    private static func part(_ bytes: [UInt8]) throws(Failure) -> Part {
        guard let split = find([13, 10, 13, 10], in: bytes, from: 0) else {
            throw .malformed("a part has no blank line after its headers")
        }
        let headerText = String(decoding: bytes[..<split], as: UTF8.self)
        var name: String?
        var filename: String?
        var contentType: String?
        for line in headerText.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces)
            switch pair[0].trimmingCharacters(in: .whitespaces).lowercased() {
            case "content-disposition":
                name = parameter("name", in: value)
                filename = parameter("filename", in: value)
            case "content-type":
                contentType = value
            default:
                break
            }
        }
        guard let name else { throw .malformed("a part has no Content-Disposition name") }
        return Part(name: name, filename: filename, contentType: contentType, body: Array(bytes[(split + 4)...]))
    }

    private static func parameter(_ key: String, in header: String) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
