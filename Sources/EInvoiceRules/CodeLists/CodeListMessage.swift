import EInvoiceSyntax

/// The text of a code-list finding: what was found, where, and which list it must come from.
struct CodeListMessage {
    let english: String
    let french: String

    init(value: String, english label: String, french frenchLabel: String, term: String, list: CodeList) {
        let shown = value.count > 60 ? String(value.prefix(60)) + "…" : value
        let termText = term.isEmpty ? "" : " (\(term))"
        if value.trimmingWhitespace().isEmpty {
            english = "\(Self.capitalized(label))\(termText) is missing or empty; use a code from \(list.english)."
            french =
                "\(Self.capitalized(frenchLabel))\(termText) est absent ou vide ; utilisez un code parmi "
                + "\(list.french)."
        } else {
            english =
                "\(Self.capitalized(label))\(termText) is '\(shown)', which is not one of \(list.english). "
                + "Replace it with a code from that list (codes are case-sensitive and take no spaces)."
            french =
                "\(Self.capitalized(frenchLabel))\(termText) vaut « \(shown) », un code qui n'est pas accepté. "
                + "Remplacez-le par un code parmi \(list.french) (en respectant les majuscules, sans espaces)."
        }
    }

    private static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
