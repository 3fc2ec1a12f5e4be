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
///
/// Declarations and candidates are kept as byte ranges of the packet: only the few values reported become
/// strings (a dictionary of every declaration cost more than the whole scan).
enum XMPScanner {
    /// The local names the scan reports.
    enum Wanted: CaseIterable {
        case part, conformance, documentType, documentFileName, version, conformanceLevel

        var localName: StaticString {
            switch self {
            case .part: "part"
            case .conformance: "conformance"
            case .documentType: "DocumentType"
            case .documentFileName: "DocumentFileName"
            case .version: "Version"
            case .conformanceLevel: "ConformanceLevel"
            }
        }
    }

    /// `xmlns:prefix="uri"`, as ranges of the packet. A later declaration of a prefix wins.
    struct Declaration {
        var prefix: Range<Int>
        var uri: Range<Int>
    }

    struct Candidate {
        var prefix: Range<Int>
        var name: Wanted
        var value: Range<Int>
    }

    static func scan(_ bytes: [UInt8]) -> XMPMetadata {
        bytes.withUnsafeBufferPointer { buffer in
            var metadata = XMPMetadata(extensionSchemaNamespaces: [], extensionPropertyNames: [], packetCount: 0)
            var declarations: [Declaration] = []
            var candidates: [Candidate] = []
            declarations.reserveCapacity(32)
            candidates.reserveCapacity(16)
            collect(buffer, &metadata, &declarations, &candidates)
            for candidate in candidates {
                guard let declaration = declarations.last(where: { equal(buffer, $0.prefix, candidate.prefix) }) else { continue }
                let uri = declaration.uri
                if equal(buffer, uri, XMPMetadata.pdfaID) {
                    if candidate.name == .part { metadata.pdfaPart = metadata.pdfaPart ?? text(buffer, candidate.value) }
                    if candidate.name == .conformance { metadata.pdfaConformance = metadata.pdfaConformance ?? text(buffer, candidate.value) }
                    continue
                }
                let namespace = text(buffer, uri)
                guard XMPMetadata.isInvoiceNamespace(namespace) else { continue }
                metadata.invoiceNamespace = namespace
                let value = text(buffer, candidate.value)
                switch candidate.name {
                case .documentType: metadata.documentType = value
                case .documentFileName: metadata.documentFileName = value
                case .version: metadata.version = value
                case .conformanceLevel: metadata.conformanceLevel = value
                case .part, .conformance: break
                }
            }
            return metadata
        }
    }

    /// One pass over the packet: counts the packets and gathers the declarations and candidates.
    private static func collect(_ buffer: UnsafeBufferPointer<UInt8>, _ metadata: inout XMPMetadata,
                                _ declarations: inout [Declaration], _ candidates: inout [Candidate]) {
        let count = buffer.count
        var next = PDFBytes.firstIndex(of: UInt8(ascii: "<"), in: buffer, from: 0)
        // Each turn starts at a '<' (memchr finds the next: most of a packet is text and padding).
        while let open = next {
            var index = open + 1
            defer { next = PDFBytes.firstIndex(of: UInt8(ascii: "<"), in: buffer, from: index) }
            guard index < count else { break }
            if buffer[index] == UInt8(ascii: "?") {
                if matches(buffer, at: index + 1, "xpacket begin") { metadata.packetCount += 1 }
                continue
            }
            if buffer[index] == UInt8(ascii: "/") || buffer[index] == UInt8(ascii: "!") { continue }
            let name = nameRange(buffer, from: index)
            index = name.upperBound
            if index < count, buffer[index] == UInt8(ascii: ">"), let (prefix, local) = wantedName(buffer, name) {
                let end = PDFBytes.firstIndex(of: UInt8(ascii: "<"), in: buffer, from: index + 1) ?? count
                candidates.append(Candidate(prefix: prefix, name: local, value: (index + 1)..<end))
                index = end
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
                let end = PDFBytes.firstIndex(of: buffer[index], in: buffer, from: index + 1) ?? count
                let value = (index + 1)..<end
                if attribute.count > 6, matches(buffer, at: attribute.lowerBound, "xmlns:") {
                    declarations.append(Declaration(prefix: trimmed(buffer, (attribute.lowerBound + 6)..<attribute.upperBound), uri: trimmed(buffer, value)))
                } else if let (prefix, local) = wantedName(buffer, attribute) {
                    candidates.append(Candidate(prefix: prefix, name: local, value: value))
                }
                index = end + 1
            }
        }
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

    /// The prefix range and the wanted local name of a qualified name, when its local part is one of `Wanted`.
    private static func wantedName(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (Range<Int>, Wanted)? {
        var colon = range.lowerBound
        while colon < range.upperBound, buffer[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon < range.upperBound else { return nil }
        let local = (colon + 1)..<range.upperBound
        guard let wanted = Wanted.allCases.first(where: { equal(buffer, local, $0.localName) }) else { return nil }
        return (range.lowerBound..<colon, wanted)
    }

    private static func matches(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard start + count <= buffer.count else { return false }
        for offset in 0..<count where buffer[start + offset] != literal.utf8Start[offset] { return false }
        return true
    }

    private static func equal(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ literal: StaticString) -> Bool {
        range.count == literal.utf8CodeUnitCount && matches(buffer, at: range.lowerBound, literal)
    }

    private static func equal(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: String) -> Bool {
        range.count == text.utf8.count && UnsafeBufferPointer(rebasing: buffer[range]).elementsEqual(text.utf8)
    }

    private static func equal(_ buffer: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        guard let base = buffer.baseAddress, a.count > 0 else { return true }
        return memcmp(base + a.lowerBound, base + b.lowerBound, a.count) == 0
    }

    /// The range without XML whitespace at either end.
    private static func trimmed(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = max(0, range.lowerBound)
        var upper = min(buffer.count, range.upperBound)
        while lower < upper, isSpace(buffer[lower]) { lower += 1 }
        while upper > lower, isSpace(buffer[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The bytes as a string, XML whitespace trimmed, the five entities decoded (Foundation-free: its string
    /// searches cost microseconds each on Linux).
    private static func text(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let bounds = trimmed(buffer, range)
        let slice = UnsafeBufferPointer(rebasing: buffer[bounds])
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
