/// The language of the readable invoice. The XML is never translated.
public enum InvoiceLanguage: String, Sendable, CaseIterable {
    case french = "fr"
    case english = "en"

    /// The PDF catalog's `/Lang`.
    var languageTag: String { self == .french ? "fr-FR" : "en" }
}
