import EInvoice
import EInvoiceSyntax
import Foundation

/// Makes Factur-X invoices: a PDF/A-3B file a person can read, with the CII XML embedded as `factur-x.xml`.
///
/// ```swift
/// let writer = try FacturXWriter()
/// let pdf = try writer.create(invoice: invoice, profile: .en16931, language: .french)
/// ```
/// Fonts and the colour profile are loaded once per process; every call subsets the fonts anew for its own text.
public struct FacturXWriter: Sendable {
    public var resources: FacturXResources
    /// The creation date written into the file; nil means now. Fix it for reproducible files.
    public var date: Date?
    /// How page contents, the XML and the object streams are compressed: `.fast` (default) or `.zlib(level:)`
    /// for files a few kilobytes smaller.
    public var compression: StreamCompression = .fast
    /// The creator tool and producer named in the metadata.
    public var producer = "Passerelle"

    public init(resources: FacturXResources) {
        self.resources = resources
    }

    /// - Parameters:
    ///   - fontDirectory: folder with LiberationSans-Regular.ttf and LiberationSans-Bold.ttf (default: PASSERELLE_FONT_DIR,
    ///     then Debian's fonts-liberation2 folder).
    ///   - colorProfilePath: sRGB ICC profile (default: PASSERELLE_ICC_PROFILE, then Debian's icc-profiles-free sRGB.icc).
    public init(fontDirectory: String? = nil, colorProfilePath: String? = nil) throws(FacturXError) {
        resources = try FacturXResources.load(fontDirectory: fontDirectory, colorProfilePath: colorProfilePath)
    }

    /// Writes the invoice as CII for `profile` (terms the profile cannot carry are left out of the XML, see
    /// `CIIWriter.dropped`) and lays out the whole invoice.
    public func create(invoice: Invoice, profile: FacturXProfile = .en16931, language: InvoiceLanguage = .french,
                       logo: FacturXLogo? = nil) -> [UInt8] {
        let xml = CIIWriter().output(invoice, profile: profile).bytes
        return assemble(invoice: invoice, xml: xml, profile: profile, language: language, logo: logo)
    }

    /// Embeds `xml` exactly as given and lays out what it says. The profile is the one BT-24 names;
    /// a `profile` passed here must agree with it.
    public func create(xml: [UInt8], profile: FacturXProfile? = nil, language: InvoiceLanguage = .french,
                       logo: FacturXLogo? = nil) throws(FacturXError) -> [UInt8] {
        let parsed: ParsedInvoice
        do {
            parsed = try InvoiceDocumentReader().read(bytes: xml)
        } catch {
            throw .unreadableXML(reason: error.description)
        }
        guard parsed.syntax == .cii else { throw .notCII(syntax: "UBL") }
        let guideline = parsed.invoice.processControl.specificationIdentifier
        let declared = FacturXProfile(guidelineID: guideline)
        if let profile, let declared, profile != declared {
            throw .profileMismatch(requested: profile.rawValue, declared: declared.rawValue)
        }
        guard let effective = declared ?? profile else { throw .unknownProfile(guidelineID: guideline) }
        return assemble(invoice: parsed.invoice, xml: xml, profile: effective, language: language, logo: logo)
    }

    private func assemble(invoice: Invoice, xml: [UInt8], profile: FacturXProfile, language: InvoiceLanguage,
                          logo: FacturXLogo?) -> [UInt8] {
        let logoSize = logo.map { (width: $0.width, height: $0.height) }
        let layout = InvoiceLayout(invoice: invoice, language: language, fonts: resources.fonts, logoSize: logoSize).run()
        let labels = InvoiceLabels.of(language)
        let title = labels.title(typeCode: invoice.typeCode, isCreditNote: invoice.isCreditNote)
        let subject = language == .french
            ? "Factur-X \(profile.rawValue) : \(title.lowercased()) \(invoice.number) de \(invoice.seller.name) à \(invoice.buyer.name)"
            : "Factur-X \(profile.rawValue): \(title.lowercased()) \(invoice.number) from \(invoice.seller.name) to \(invoice.buyer.name)"
        let metadata = XMPPacket(
            title: Self.clean("\(title.capitalizedFirst) \(invoice.number)"),
            author: Self.clean(invoice.seller.name),
            subject: Self.clean(subject),
            creatorTool: producer,
            producer: producer,
            date: PDFDate(date ?? Date()),
            conformanceLevel: profile.xmpConformanceLevel)
        return FacturXDocumentAssembler(
            layout: layout, xml: xml, profile: profile, metadata: metadata, language: language,
            colorProfile: resources.colorProfile, logo: logo, compression: compression
        ).assemble()
    }

    /// Metadata text without control characters, so that the Info dictionary and the XMP say the same.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
    }
}

extension String {
    /// "FACTURE" → "Facture".
    var capitalizedFirst: String {
        guard let first = first else { return self }
        return String(first).uppercased() + dropFirst().lowercased()
    }
}
