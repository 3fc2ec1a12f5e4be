/// The invoice XML read out of a Factur-X / ZUGFeRD / XRechnung PDF, with what the PDF says about it.
public struct ExtractedInvoice: Sendable {
    /// The XML, byte for byte as embedded.
    public var xml: [UInt8]
    /// The attachment's file name (`factur-x.xml`, `zugferd-invoice.xml`, `ZUGFeRD-invoice.xml`, `xrechnung.xml`).
    public var fileName: String
    public var standard: InvoiceStandard
    /// The XML's root element local name (`CrossIndustryInvoice`, `CrossIndustryDocument`, `Invoice`, …).
    public var rootElement: String
    /// The attachment's `/AFRelationship`, when present.
    public var relationship: String?
    /// The attachment's MIME type (`/Subtype` of its stream), when present.
    public var mimeType: String?
    /// The XMP packet's declarations, when the catalog has `/Metadata` (a quick scan: the extension-schema
    /// lists are empty; `FacturXChecker` parses the packet fully).
    public var xmp: XMPMetadata?
    /// Why the XMP could not be read, when the catalog's `/Metadata` cannot be decoded.
    public var xmpError: String?
    /// The attachment the XML was read from (its file specification's object, flags and dates).
    public var attachment: EmbeddedFile
    /// Every attachment of the PDF, by name.
    public var attachmentNames: [String]
    /// Problems the PDF reader worked around.
    public var repairs: [PDFRepair]

    /// The XML's guideline id (BT-24), read without parsing the XML.
    public var guidelineID: String?
    /// The profile BT-24 names, as the XMP `ConformanceLevel` should write it (`EN 16931`, `BASIC WL`, …).
    public var xmlProfile: String?
    /// Whether the XMP's `ConformanceLevel` names the XML's profile; nil when either is unknown.
    public var profilesAgree: Bool?

    /// The profile the XMP declares (`ConformanceLevel`), when any.
    public var declaredProfile: String? { xmp?.conformanceLevel }
}
