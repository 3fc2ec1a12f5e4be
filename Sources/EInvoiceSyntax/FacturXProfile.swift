/// The five Factur-X / ZUGFeRD 2 profiles, and the EXTENDED-CTC-FR flavour, detected from BT-24.
public enum FacturXProfile: String, Sendable, Codable, CaseIterable {
    case minimum = "MINIMUM"
    case basicWL = "BASIC WL"
    case basic = "BASIC"
    case en16931 = "EN 16931"
    case extended = "EXTENDED"

    /// The guideline id (BT-24) written for the profile.
    public var guidelineID: String {
        switch self {
        case .minimum: "urn:factur-x.eu:1p0:minimum"
        case .basicWL: "urn:factur-x.eu:1p0:basicwl"
        case .basic: "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic"
        case .en16931: "urn:cen.eu:en16931:2017"
        case .extended: "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended"
        }
    }

    /// The profile a BT-24 value names. Unknown values that claim EN 16931 compliance (XRechnung, Peppol,
    /// CIUS, and for now the French EXTENDED-CTC-FR, whose own schematron is not yet applied) are EN 16931;
    /// anything else is nil.
    public init?(guidelineID: String) {
        let id = guidelineID.trimmingWhitespace()
        switch id {
        case "urn:factur-x.eu:1p0:minimum", "urn:zugferd.de:2p0:minimum": self = .minimum
        case "urn:factur-x.eu:1p0:basicwl", "urn:zugferd.de:2p0:basicwl": self = .basicWL
        case "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic",
            "urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic",
            "urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:basic":
            self = .basic
        case "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended",
            "urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended":
            self = .extended
        default:
            if id.hasPrefix("urn:cen.eu:en16931:2017") { self = .en16931 } else { return nil }
        }
    }

    /// MINIMUM and BASIC WL have no lines; their XML is not a full invoice.
    public var hasLines: Bool { self != .minimum && self != .basicWL }
}

extension StringProtocol {
    /// The text without leading and trailing XML whitespace.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\n" || s == "\t" || s == "\r" }
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[start..<end])
        return result
    }
}

extension String {
    /// The text without leading and trailing XML whitespace (the same result as the `StringProtocol` version,
    /// without walking scalars): the string itself when there is nothing to trim.
    public func trimmingWhitespace() -> String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return "" }
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        if !isSpace(first) && !isSpace(last) { return self }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }), let end = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        // Whitespace is ASCII: the first kept byte and the byte after the last kept one are scalar boundaries,
        // and slicing the scalar view keeps them exactly.
        return String(Substring(unicodeScalars[start..<bytes.index(after: end)]))
    }
}
