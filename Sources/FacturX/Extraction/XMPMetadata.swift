import EInvoiceSyntax

/// What the catalog's XMP packet says about PDF/A and the embedded invoice: `pdfaid:part`/`conformance`,
/// the Factur-X (or ZUGFeRD) properties, and the extension schemas it declares.
public struct XMPMetadata: Sendable, Equatable {
    /// `pdfaid:part` (3 for PDF/A-3).
    public var pdfaPart: String?
    /// `pdfaid:conformance` (A, B or U).
    public var pdfaConformance: String?
    /// The namespace of the invoice properties (`urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#`,
    /// `urn:zugferd:pdfa:…:2p0#`, `urn:ferd:pdfa:…:1p0#`), when any is present.
    public var invoiceNamespace: String?
    public var documentType: String?
    public var documentFileName: String?
    public var version: String?
    /// `ConformanceLevel`: MINIMUM, BASIC WL, BASIC, EN 16931, EXTENDED (ZUGFeRD 1: BASIC, COMFORT, EXTENDED).
    public var conformanceLevel: String?
    /// Namespace URIs declared by `pdfaExtension:schemas` (`pdfaSchema:namespaceURI`).
    public var extensionSchemaNamespaces: [String]
    /// Property names declared in the extension schemas (`pdfaProperty:name`).
    public var extensionPropertyNames: [String]
    /// How many `<?xpacket begin` packets the metadata stream holds.
    public var packetCount: Int

    static let pdfaID = "http://www.aiim.org/pdfa/ns/id/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let pdfaSchema = "http://www.aiim.org/pdfa/ns/schema#"
    static let pdfaProperty = "http://www.aiim.org/pdfa/ns/property#"

    /// Whether a namespace is one of the invoice-data namespaces (Factur-X, ZUGFeRD 1/2, XRechnung, Order-X).
    public static func isInvoiceNamespace(_ uri: String) -> Bool {
        uri.hasPrefix("urn:factur-x:pdfa") || uri.hasPrefix("urn:zugferd:pdfa") || uri.hasPrefix("urn:ferd:pdfa")
            || uri.hasPrefix("urn:xrechnung:pdfa") || PDFBytes.contains(":pdfa:CrossIndustryDocument", in: uri)
    }

    /// Parses an XMP packet. Throws the XML error when it is not well-formed.
    public static func parse(_ bytes: [UInt8]) throws(XMLReadError) -> XMPMetadata {
        let tree = try SafeXMLParser().parse(trimmedPacket(bytes))
        var metadata = XMPMetadata(extensionSchemaNamespaces: [], extensionPropertyNames: [], packetCount: countPackets(bytes))
        for index in tree.elements.indices {
            let element = tree[index]
            let namespace = element.namespace
            if element.localName == "Description", namespace == rdf {
                for attribute in element.attributes {
                    metadata.take(namespace: attribute.namespace, name: attribute.localName, value: attribute.value)
                }
            } else if element.children.isEmpty {
                let text = element.text.trimmingWhitespace()
                if namespace == pdfaSchema, element.localName == "namespaceURI" {
                    metadata.extensionSchemaNamespaces.append(text)
                } else if namespace == pdfaProperty, element.localName == "name" {
                    metadata.extensionPropertyNames.append(text)
                } else {
                    metadata.take(namespace: namespace, name: element.localName, value: text)
                }
            }
        }
        return metadata
    }

    private mutating func take(namespace: String, name: String, value: String) {
        if namespace == Self.pdfaID {
            if name == "part" { pdfaPart = value }
            if name == "conformance" { pdfaConformance = value }
            return
        }
        guard Self.isInvoiceNamespace(namespace) else { return }
        switch name {
        case "DocumentType": documentType = value
        case "DocumentFileName": documentFileName = value
        case "Version": version = value
        case "ConformanceLevel": conformanceLevel = value
        default: return
        }
        invoiceNamespace = namespace
    }

    /// The packet without trailing padding bytes that are not XML (NULs some writers leave).
    private static func trimmedPacket(_ bytes: [UInt8]) -> [UInt8] {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0 { end -= 1 }
        return end == bytes.count ? bytes : Array(bytes[0..<end])
    }

    static func countPackets(_ bytes: [UInt8]) -> Int {
        var count = 0
        var start = 0
        while let found = PDFBytes.firstIndex(of: "<?xpacket begin", in: bytes, range: start..<bytes.count) {
            count += 1
            start = found + 15
        }
        return count
    }
}
