import EInvoiceSyntax

/// The profile an embedded invoice XML declares in its guideline id (BT-24), as the XMP's
/// `ConformanceLevel` should name it.
enum EmbeddedInvoiceProfile {
    struct Declared {
        /// The guideline id as written.
        var guidelineID: String
        /// The `ConformanceLevel` value that matches it (`EN 16931`, `BASIC WL`, ZUGFeRD 1 `COMFORT`, …); nil
        /// when the id is not one of a known profile.
        var conformanceLevel: String?
        var facturXProfile: FacturXProfile?
        /// The id is an old draft spelling (`urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:basic`) that the
        /// official Factur-X schematron rejects; `correctID` is the one to write.
        var legacy = false
        var correctID: String?
        /// Other `ConformanceLevel` spellings that name the same thing (XRechnung: `EN 16931`).
        var alsoAccepted: [String] = []
    }

    /// Reads BT-24 from a CII (`ExchangedDocumentContext`), ZUGFeRD 1 (`SpecifiedExchangedDocumentContext`)
    /// or UBL (`CustomizationID`) tree.
    static func declared(in tree: XMLTree) -> Declared? {
        guard let root = tree.root else { return nil }
        var id: String?
        if root.localName == "CrossIndustryInvoice" || root.localName == "CrossIndustryDocument" {
            let context = root.localName == "CrossIndustryInvoice" ? "ExchangedDocumentContext" : "SpecifiedExchangedDocumentContext"
            if let element = tree.first(from: 0, [context, "GuidelineSpecifiedDocumentContextParameter", "ID"]) {
                id = tree[element].text.trimmingWhitespace()
            }
        } else if let element = tree.child(of: 0, named: "CustomizationID") {
            id = tree[element].text.trimmingWhitespace()
        }
        return id.map(declared(guidelineID:))
    }

    /// BT-24 read from the XML bytes without parsing them: the text of the first `…ID>` element after
    /// `GuidelineSpecifiedDocumentContextParameter` (CII, ZUGFeRD 1), or of `CustomizationID` (UBL).
    static func quickGuidelineID(_ xml: [UInt8]) -> String? {
        // Stdlib's generic firstRange(of:) costs about half a millisecond here; PDFBytes' search is a byte loop.
        var start: Int
        if let context = PDFBytes.firstIndex(of: "GuidelineSpecifiedDocumentContextParameter", in: xml, range: 0..<xml.count) {
            guard let idTag = PDFBytes.firstIndex(of: "ID>", in: xml, range: context..<xml.count) else { return nil }
            start = idTag + 3
        } else if let customization = PDFBytes.firstIndex(of: "CustomizationID>", in: xml, range: 0..<xml.count) {
            start = customization + 16
        } else {
            return nil
        }
        var upper = start
        while upper < xml.count, xml[upper] != UInt8(ascii: "<") { upper += 1 }
        guard upper < xml.count else { return nil }
        while start < upper, PDFBytes.isWhitespace(xml[start]) { start += 1 }
        while upper > start, PDFBytes.isWhitespace(xml[upper - 1]) { upper -= 1 }
        return String(decoding: xml[start..<upper], as: UTF8.self)
    }

    /// What a guideline id declares.
    static func declared(guidelineID id: String) -> Declared {
        if id.hasPrefix("urn:ferd:CrossIndustryDocument:invoice:1p0:") {
            let level = String(id.dropFirst("urn:ferd:CrossIndustryDocument:invoice:1p0:".count)).uppercased()
            return Declared(guidelineID: id, conformanceLevel: level, facturXProfile: nil)
        }
        if PDFBytes.contains("xrechnung", in: id) {
            return Declared(guidelineID: id, conformanceLevel: "XRECHNUNG", facturXProfile: .en16931, alsoAccepted: ["EN 16931"])
        }
        let legacyPrefix = "urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:"
        if id.hasPrefix(legacyPrefix) {
            let profile: FacturXProfile? = switch id.dropFirst(legacyPrefix.count) {
            case "basic": .basic
            case "extended": .extended
            case "minimum": .minimum
            case "basicwl": .basicWL
            default: nil
            }
            return Declared(guidelineID: id, conformanceLevel: profile?.rawValue, facturXProfile: profile, legacy: true, correctID: profile?.guidelineID)
        }
        let profile = FacturXProfile(guidelineID: id)
        return Declared(guidelineID: id, conformanceLevel: profile?.rawValue, facturXProfile: profile)
    }

    /// Whether an XMP `ConformanceLevel` names this declared profile.
    static func agrees(_ level: String, with declared: Declared) -> Bool? {
        guard let expected = declared.conformanceLevel else { return nil }
        return ([expected] + declared.alsoAccepted).contains { sameLevel(level, $0) }
    }

    /// Conformance levels compared without spaces and case (`EN16931` and `EN 16931` name the same level).
    static func sameLevel(_ a: String, _ b: String) -> Bool {
        guard a.utf8.allSatisfy({ $0 < 0x80 }), b.utf8.allSatisfy({ $0 < 0x80 }) else {
            func key(_ text: String) -> String { text.uppercased().filter { $0 != " " && $0 != "_" && $0 != "-" } }
            return key(a) == key(b)
        }
        // ASCII (every real level): the same comparison on bytes, without building strings.
        func asciiKey(_ text: String) -> some Sequence<UInt8> {
            text.utf8.lazy
                .filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "-") }
                .map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") ? $0 - 32 : $0 }
        }
        return asciiKey(a).elementsEqual(asciiKey(b))
    }
}
