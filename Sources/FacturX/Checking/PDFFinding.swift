/// One problem the PDF/A-3 and Factur-X structural checker found: a stable id (`PDFA-FONT-NOT-EMBEDDED`),
/// a message that says what to fix, and where (object number, byte offset) when it has a place.
public struct PDFFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The file is not a valid PDF/A-3 Factur-X file.
        case error
        /// Accepted, but should be fixed.
        case warning
    }

    public var id: String
    public var severity: Severity
    public var message: String
    public var objectNumber: Int?
    public var offset: Int?

    public init(_ id: String, _ severity: Severity = .error, _ message: String, object: Int? = nil, offset: Int? = nil) {
        self.id = id
        self.severity = severity
        self.message = message
        self.objectNumber = object
        self.offset = offset
    }

    /// "object 12, byte 3456", or "" when the finding concerns the whole file.
    public var place: String {
        var parts: [String] = []
        if let objectNumber { parts.append("object \(objectNumber)") }
        if let offset { parts.append("byte \(offset)") }
        return parts.joined(separator: ", ")
    }

    public var description: String {
        "\(severity.rawValue) \(id)\(place.isEmpty ? "" : " (\(place))"): \(message)"
    }
}

/// What the checker found in one PDF, and the invoice XML it read (when it could).
public struct PDFCheckReport: Sendable {
    public var findings: [PDFFinding]
    /// The embedded invoice, when one was found.
    public var invoice: ExtractedInvoice?
    /// The profile the embedded XML declares in BT-24 (MINIMUM … EXTENDED, or ZUGFeRD 1's BASIC/COMFORT/EXTENDED).
    public var xmlProfile: String?

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
