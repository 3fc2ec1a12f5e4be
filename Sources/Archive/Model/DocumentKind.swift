/// What an archived document is. The raw value is what the journal stores.
///
/// The kinds the gateway produces are listed; any other lower-case word is accepted too (`DocumentKind("note")`),
/// so a new document type needs no change here.
public struct DocumentKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The payload as received from the ERP (JSON, CSV, XML…).
    public static let original = DocumentKind("original")
    /// UN/CEFACT CII XML.
    public static let cii = DocumentKind("cii")
    /// UBL 2.1 Invoice or CreditNote XML.
    public static let ubl = DocumentKind("ubl")
    /// Factur-X / ZUGFeRD PDF/A-3.
    public static let facturx = DocumentKind("facturx")
    /// A CDAR lifecycle message.
    public static let cdar = DocumentKind("cdar")
    /// A platform's acknowledgement or receipt.
    public static let receipt = DocumentKind("receipt")
    /// A payment record.
    public static let payment = DocumentKind("payment")
    /// Written by the archive itself: blobs of expired entries were removed (no blob of its own).
    public static let purge = DocumentKind("purge")
    /// Written by the archive itself: an interrupted write was repaired when the archive was opened (no blob).
    public static let recovery = DocumentKind("recovery")

    public var description: String { rawValue }

    /// Entries the archive writes about itself: they carry no document.
    public var isArchiveNote: Bool { self == .purge || self == .recovery }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
