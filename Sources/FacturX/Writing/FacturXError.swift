import EInvoiceSyntax

/// Why a Factur-X PDF could not be made, each with what to do about it.
public enum FacturXError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The font family's files were not found in any folder searched.
    case fontsMissing(searched: [String])
    /// A font file exists but cannot be used.
    case fontUnusable(path: String, reason: String)
    /// The sRGB ICC profile for the output intent is missing.
    case colorProfileMissing(path: String)
    /// The ICC profile exists but is not an RGB display profile.
    case colorProfileInvalid(path: String, reason: String)
    /// The XML cannot be read as an invoice.
    case unreadableXML(reason: String)
    /// Factur-X embeds CII; a UBL invoice must be converted first.
    case notCII(syntax: String)
    /// BT-24 names no Factur-X profile and none was given.
    case unknownProfile(guidelineID: String)
    /// The profile asked for differs from the one the XML declares.
    case profileMismatch(requested: String, declared: String)
    /// The logo cannot be embedded.
    case unsupportedLogo(reason: String)

    public var description: String {
        switch self {
        case let .fontsMissing(searched):
            "the Liberation Sans fonts (LiberationSans-Regular.ttf and LiberationSans-Bold.ttf) were not found in "
                + searched.joined(separator: ", ")
                + "; install Debian's fonts-liberation2 (apt-get install fonts-liberation2) or point PASSERELLE_FONT_DIR at a folder holding them"
        case let .fontUnusable(path, reason): "font \(path): \(reason)"
        case let .colorProfileMissing(path):
            "the sRGB ICC profile \(path) is missing; install Debian's icc-profiles-free (apt-get install icc-profiles-free) "
                + "or point PASSERELLE_ICC_PROFILE at an sRGB .icc file"
        case let .colorProfileInvalid(path, reason): "ICC profile \(path): \(reason)"
        case let .unreadableXML(reason): "the invoice XML cannot be read: \(reason)"
        case let .notCII(syntax):
            "Factur-X embeds a CII invoice, and this one is \(syntax); convert it first (passerelle convert --to cii)"
        case let .unknownProfile(guidelineID):
            "the guideline ID (BT-24) '\(guidelineID)' names no Factur-X profile; pass a profile (minimum, basicwl, basic, en16931, extended)"
        case let .profileMismatch(requested, declared):
            "profile \(requested) was asked for, but the XML declares \(declared) in BT-24; the embedded XML is kept as given, so the two must agree"
        case let .unsupportedLogo(reason): "logo: \(reason)"
        }
    }
}
