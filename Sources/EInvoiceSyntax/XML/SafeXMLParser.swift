import Foundation

/// A strict, non-validating XML 1.0 reader for invoices.
///
/// It refuses any DOCTYPE, so no DTD, no external entity and no entity expansion can ever happen. It knows
/// the five predefined entities and character references, resolves namespaces, enforces size, depth and
/// element-count limits, and reports every error with its line and column. Input is UTF-8 (a byte-order
/// mark is skipped); ISO-8859-1 documents are transcoded first.
public struct SafeXMLParser: Sendable {
    public var limits: XMLReadLimits

    public init(limits: XMLReadLimits = XMLReadLimits()) {
        self.limits = limits
    }

    public func parse(_ bytes: [UInt8]) throws(XMLReadError) -> XMLTree {
        guard bytes.count <= limits.maximumBytes else {
            throw XMLReadError(.tooLarge(bytes: bytes.count, limit: limits.maximumBytes), line: 1, column: 1)
        }
        if let latin1 = try declaredLatin1(bytes) {
            return try parse(latin1)
        }
        var result: Result<XMLTree, XMLReadError> = .failure(XMLReadError(.unexpectedEnd("empty document"), line: 1, column: 1))
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = XMLCursor(buffer: buffer, limits: limits)
            do throws(XMLReadError) {
                result = .success(try cursor.parseDocument())
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    public func parse(_ text: String) throws(XMLReadError) -> XMLTree {
        try parse(Array(text.utf8))
    }

    /// Whether an ASCII XML declaration (up to its `>`) names no encoding, or UTF-8 (`encoding="UTF-8"`, any
    /// case): the common case, told from the bytes without building strings. Anything else (another encoding,
    /// another spelling, non-ASCII bytes) goes through `declaredLatin1`'s general reading.
    static func declaresUTF8OrNothing(_ declaration: ArraySlice<UInt8>) -> Bool {
        func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        guard !declaration.contains(where: { $0 >= 0x80 }) else { return false }
        let key = Array("encoding=".utf8)
        var start: Int?
        if declaration.count >= key.count {
            for index in declaration.startIndex...(declaration.endIndex - key.count) {
                var equal = true
                for offset in 0..<key.count where lowercased(declaration[index + offset]) != key[offset] {
                    equal = false
                    break
                }
                if equal {
                    start = index + key.count
                    break
                }
            }
        }
        guard let start else { return true }
        let name = Array("utf-8".utf8)
        guard start + 1 + name.count < declaration.endIndex else { return false }
        let quote = declaration[start]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return false }
        for offset in 0..<name.count where lowercased(declaration[start + 1 + offset]) != name[offset] {
            return false
        }
        let close = declaration[start + 1 + name.count]
        return close == UInt8(ascii: "\"") || close == UInt8(ascii: "'")
    }

    /// Returns UTF-8 bytes when the declaration names ISO-8859-1, nil when the input is already UTF-8.
    private func declaredLatin1(_ bytes: [UInt8]) throws(XMLReadError) -> [UInt8]? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let end = min(bytes.count, 200)
        guard let close = bytes[0..<end].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        if Self.declaresUTF8OrNothing(bytes[0..<close]) { return nil }
        let declaration = String(decoding: bytes[0..<close], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding=") else { return nil }
        let rest = declaration[range.upperBound...].dropFirst()
        let name = String(rest.prefix { $0 != "\"" && $0 != "'" })
        switch name {
        case "utf-8", "utf8", "us-ascii", "ascii": return nil
        case "iso-8859-1", "latin1", "iso-8859-15", "windows-1252":
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8)
            var replaced = false
            for byte in bytes {
                if byte < 0x80 {
                    output.append(byte)
                } else {
                    output.append(0xC0 | (byte >> 6))
                    output.append(0x80 | (byte & 0x3F))
                }
            }
            // Rewrite the declaration so the second pass reads it as UTF-8.
            if let declared = String(decoding: output, as: UTF8.self).range(of: name, options: .caseInsensitive) {
                var text = String(decoding: output, as: UTF8.self)
                text.replaceSubrange(declared, with: "UTF-8")
                output = Array(text.utf8)
                replaced = true
            }
            return replaced ? output : nil
        default:
            throw XMLReadError(.unsupportedEncoding(name), line: 1, column: 1)
        }
    }
}
