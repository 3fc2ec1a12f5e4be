#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
                    // Jump to the next '<' (memchr): most of a packet is text and padding.
                    guard let base = buffer.baseAddress, let found = memchr(base + index, 0x3C, count - index) else { break }
                    index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    continue
                }
                index += 1
                guard index < count else { break }
                if buffer[index] == UInt8(ascii: "?") {
                    if matches(buffer, at: index + 1, "xpacket begin") { metadata.packetCount += 1 }
                    continue
                }
                if buffer[index] == UInt8(ascii: "/") || buffer[index] == UInt8(ascii: "!") { continue }
                let name = nameRange(buffer, from: index)
                index = name.upperBound
                if index < count, buffer[index] == UInt8(ascii: ">"), let (prefix, local) = wantedName(buffer, name) {
                    var end = index + 1
                    while end < count, buffer[end] != UInt8(ascii: "<") { end += 1 }
                    candidates.append(Candidate(prefix: prefix, local: local, value: text(buffer, (index + 1)..<end)))
                    continue
                }
                // Attributes up to the end of the tag.
                while index < count, buffer[index] != UInt8(ascii: ">") {
                    while index < count, isSpace(buffer[index]) || buffer[index] == UInt8(ascii: "/") { index += 1 }
                    guard index < count, buffer[index] != UInt8(ascii: ">") else { break }
                    let attribute = nameRange(buffer, from: index)
                    index = attribute.upperBound
                    while index < count, isSpace(buffer[index]) || buffer[index] == UInt8(ascii: "=") { index += 1 }
                    guard index < count, buffer[index] == 0x22 || buffer[index] == 0x27 else {
                        index += 1
                        continue
                    }
                    let quote = buffer[index]
                    var end = index + 1
                    while end < count, buffer[end] != quote { end += 1 }
                    if attribute.count > 6, matches(buffer, at: attribute.lowerBound, "xmlns:") {
                        declarations[text(buffer, (attribute.lowerBound + 6)..<attribute.upperBound)] = text(buffer, (index + 1)..<end)
                    } else if let (prefix, local) = wantedName(buffer, attribute) {
                        candidates.append(Candidate(prefix: prefix, local: local, value: text(buffer, (index + 1)..<end)))
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

    private static func nameRange(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int> {
        var end = start
        while end < buffer.count {
            let byte = buffer[end]
            if isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") { break }
            end += 1
        }
        return start..<end
    }

    /// (prefix, local name) when the qualified name's local part is one of `wanted`; nothing is allocated
    /// for other names.
    private static func wantedName(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (String, String)? {
        var colon = range.lowerBound
        while colon < range.upperBound, buffer[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon < range.upperBound else { return nil }
        let local = (colon + 1)..<range.upperBound
        let length = local.count
        guard length == 4 || length == 7 || length == 11 || length == 12 || length == 16 else { return nil }
        let first = buffer[local.lowerBound]
        guard first == UInt8(ascii: "p") || first == UInt8(ascii: "c") || first == UInt8(ascii: "D") || first == UInt8(ascii: "V")
            || first == UInt8(ascii: "C") else { return nil }
        let localName = text(buffer, local)
        guard wanted.contains(localName) else { return nil }
        return (text(buffer, range.lowerBound..<colon), localName)
    }

    private static func matches(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard start + count <= buffer.count else { return false }
        for offset in 0..<count where buffer[start + offset] != literal.utf8Start[offset] { return false }
        return true
    }

    /// The bytes as a string, XML whitespace trimmed, the five entities decoded (Foundation-free: its string
    /// searches cost microseconds each on Linux).
    private static func text(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var lower = max(0, range.lowerBound)
        var upper = min(buffer.count, range.upperBound)
        while lower < upper, isSpace(buffer[lower]) { lower += 1 }
        while upper > lower, isSpace(buffer[upper - 1]) { upper -= 1 }
        let slice = UnsafeBufferPointer(rebasing: buffer[lower..<upper])
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(slice.count)
        var index = 0
        let entities: [(String, UInt8)] = [("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22), ("&apos;", 0x27), ("&amp;", 0x26)]
        while index < slice.count {
            if slice[index] == UInt8(ascii: "&"),
               let (entity, character) = entities.first(where: { entity in
                   index + entity.0.utf8.count <= slice.count && slice[index..<(index + entity.0.utf8.count)].elementsEqual(entity.0.utf8)
               }) {
                decoded.append(character)
                index += entity.utf8.count
            } else {
                decoded.append(slice[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}
