/// A quick, single-pass read of the few XMP values extraction reports (pdfaid part and conformance, the
/// Factur-X properties), without building an XML tree: it collects the `xmlns:` declarations and the
/// candidate `<prefix:Name>value<` elements and `prefix:Name="value"` attributes, then keeps those whose
/// prefix is bound to the right namespace. The checker parses the packet fully (`XMPMetadata.parse`); this
/// scan leaves the extension-schema lists empty.
enum XMPScanner {
    static let wanted: Set<String> = ["part", "conformance", "DocumentType", "DocumentFileName", "Version", "ConformanceLevel"]

    struct Candidate {
        var prefix: String
        var local: String
        var value: String
    }

    static func scan(_ bytes: [UInt8]) -> XMPMetadata {
        var metadata = XMPMetadata(extensionSchemaNamespaces: [], extensionPropertyNames: [], packetCount: 0)
        var declarations: [String: String] = [:]
        var candidates: [Candidate] = []
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                guard buffer[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                index += 1
                guard index < count else { break }
                if buffer[index] == UInt8(ascii: "?") {
                    if matches(buffer, at: index + 1, "xpacket begin") { metadata.packetCount += 1 }
                    continue
                }
                if buffer[index] == UInt8(ascii: "/") || buffer[index] == UInt8(ascii: "!") { continue }
                let (name, afterName) = readName(buffer, from: index)
                index = afterName
                if let colon = name.firstIndex(of: ":"), index < count, buffer[index] == UInt8(ascii: ">") {
                    let local = String(name[name.index(after: colon)...])
                    if wanted.contains(local) {
                        var end = index + 1
                        while end < count, buffer[end] != UInt8(ascii: "<") { end += 1 }
                        candidates.append(Candidate(prefix: String(name[..<colon]), local: local, value: text(buffer, (index + 1)..<end)))
                    }
                    continue
                }
                // Attributes up to the end of the tag.
                while index < count, buffer[index] != UInt8(ascii: ">") {
                    while index < count, isSpace(buffer[index]) || buffer[index] == UInt8(ascii: "/") { index += 1 }
                    guard index < count, buffer[index] != UInt8(ascii: ">") else { break }
                    let (attribute, afterAttribute) = readName(buffer, from: index)
                    index = afterAttribute
                    while index < count, isSpace(buffer[index]) || buffer[index] == UInt8(ascii: "=") { index += 1 }
                    guard index < count, buffer[index] == 0x22 || buffer[index] == 0x27 else {
                        index += 1
                        continue
                    }
                    let quote = buffer[index]
                    var end = index + 1
                    while end < count, buffer[end] != quote { end += 1 }
                    if attribute.hasPrefix("xmlns:") {
                        declarations[String(attribute.dropFirst(6))] = text(buffer, (index + 1)..<end)
                    } else if let colon = attribute.firstIndex(of: ":") {
                        let local = String(attribute[attribute.index(after: colon)...])
                        if wanted.contains(local) {
                            candidates.append(Candidate(prefix: String(attribute[..<colon]), local: local, value: text(buffer, (index + 1)..<end)))
                        }
                    }
                    index = end + 1
                }
            }
        }
        for candidate in candidates {
            guard let uri = declarations[candidate.prefix] else { continue }
            if uri == XMPMetadata.pdfaID {
                if candidate.local == "part" { metadata.pdfaPart = metadata.pdfaPart ?? candidate.value }
                if candidate.local == "conformance" { metadata.pdfaConformance = metadata.pdfaConformance ?? candidate.value }
            } else if XMPMetadata.isInvoiceNamespace(uri) {
                metadata.invoiceNamespace = uri
                switch candidate.local {
                case "DocumentType": metadata.documentType = candidate.value
                case "DocumentFileName": metadata.documentFileName = candidate.value
                case "Version": metadata.version = candidate.value
                case "ConformanceLevel": metadata.conformanceLevel = candidate.value
                default: break
                }
            }
        }
        return metadata
    }

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func readName(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, Int) {
        var end = start
        while end < buffer.count {
            let byte = buffer[end]
            if isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") { break }
            end += 1
        }
        return (String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self), end)
    }

    private static func matches(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard start + count <= buffer.count else { return false }
        for offset in 0..<count where buffer[start + offset] != literal.utf8Start[offset] { return false }
        return true
    }

    private static func text(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<buffer.count)
        var value = String(decoding: UnsafeBufferPointer(rebasing: buffer[clamped]), as: UTF8.self)
        if value.contains("&") {
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
                value = value.replacingOccurrences(of: entity, with: character)
            }
        }
        return value.trimmingWhitespace()
    }
}
