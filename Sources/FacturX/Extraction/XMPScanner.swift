/// A quick read of the few XMP values extraction reports (pdfaid part and conformance, the Factur-X
/// properties), without building an XML tree: prefixes are taken from the packet's `xmlns:` declarations,
/// values from `<prefix:Name>value</…>` elements or `prefix:Name="value"` attributes. The checker parses
/// the packet fully (`XMPMetadata.parse`); this scan leaves the extension-schema lists empty.
enum XMPScanner {
    static func scan(_ bytes: [UInt8]) -> XMPMetadata {
        var metadata = XMPMetadata(extensionSchemaNamespaces: [], extensionPropertyNames: [], packetCount: XMPMetadata.countPackets(bytes))
        var pdfaPrefixes: [[UInt8]] = []
        var invoicePrefixes: [([UInt8], String)] = []
        for (prefix, uri) in declarations(bytes) {
            if uri == XMPMetadata.pdfaID { pdfaPrefixes.append(prefix) }
            if XMPMetadata.isInvoiceNamespace(uri) { invoicePrefixes.append((prefix, uri)) }
        }
        for prefix in pdfaPrefixes {
            metadata.pdfaPart = metadata.pdfaPart ?? value(of: prefix + Array(":part".utf8), in: bytes)
            metadata.pdfaConformance = metadata.pdfaConformance ?? value(of: prefix + Array(":conformance".utf8), in: bytes)
        }
        for (prefix, uri) in invoicePrefixes {
            let found = (
                value(of: prefix + Array(":DocumentType".utf8), in: bytes), value(of: prefix + Array(":DocumentFileName".utf8), in: bytes),
                value(of: prefix + Array(":Version".utf8), in: bytes), value(of: prefix + Array(":ConformanceLevel".utf8), in: bytes)
            )
            guard found.0 != nil || found.1 != nil || found.2 != nil || found.3 != nil else { continue }
            metadata.invoiceNamespace = uri
            metadata.documentType = found.0
            metadata.documentFileName = found.1
            metadata.version = found.2
            metadata.conformanceLevel = found.3
        }
        return metadata
    }

    /// Every `xmlns:prefix="uri"` of the packet.
    static func declarations(_ bytes: [UInt8]) -> [([UInt8], String)] {
        var result: [([UInt8], String)] = []
        var start = 0
        while let found = PDFBytes.firstIndex(of: "xmlns:", in: bytes, range: start..<bytes.count) {
            var index = found + 6
            let prefixStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), !PDFBytes.isWhitespace(bytes[index]) { index += 1 }
            let prefix = Array(bytes[prefixStart..<index])
            while index < bytes.count, bytes[index] == UInt8(ascii: "=") || PDFBytes.isWhitespace(bytes[index]) { index += 1 }
            start = index
            guard index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 else { continue }
            let quote = bytes[index]
            let valueStart = index + 1
            guard let end = bytes[valueStart...].firstIndex(of: quote) else { break }
            result.append((prefix, String(decoding: bytes[valueStart..<end], as: UTF8.self)))
            start = end + 1
        }
        return result
    }

    /// The text of `<name>…</` or the value of `name="…"`, entities decoded and whitespace trimmed.
    static func value(of name: [UInt8], in bytes: [UInt8]) -> String? {
        var start = 0
        while let found = firstIndex(of: name, in: bytes, from: start) {
            start = found + name.count
            guard found > 0, start < bytes.count else { continue }
            let before = bytes[found - 1]
            let after = bytes[start]
            if before == UInt8(ascii: "<"), after == UInt8(ascii: ">") {
                guard let end = bytes[(start + 1)...].firstIndex(of: UInt8(ascii: "<")) else { return nil }
                return decode(bytes[(start + 1)..<end])
            }
            if PDFBytes.isWhitespace(before), after == UInt8(ascii: "=") {
                var index = start + 1
                while index < bytes.count, PDFBytes.isWhitespace(bytes[index]) { index += 1 }
                guard index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 else { continue }
                let quote = bytes[index]
                guard let end = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
                return decode(bytes[(index + 1)..<end])
            }
        }
        return nil
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func decode(_ text: ArraySlice<UInt8>) -> String {
        var value = String(decoding: text, as: UTF8.self)
        if value.contains("&") {
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
                value = value.replacingOccurrences(of: entity, with: character)
            }
        }
        return value.trimmingWhitespace()
    }
}
