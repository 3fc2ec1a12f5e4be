/// The code lists the official schematrons check against. The lists themselves are generated from the
/// official artefacts by `scripts/codelists/generate.py` (see `Generated/`).
enum CodeLists {}

/// One code list: its codes in the order the source writes them, and a title for messages.
///
/// A generated list is written as one string of codes separated by white space; the set is built once, the
/// first time the list is used (static properties are lazy), which keeps compile times low for the large lists.
final class CodeList: Sendable {
    /// What the list is, for messages: "the ISO 4217 currency codes".
    let english: String
    let french: String
    /// The codes in source order (some official tests match substrings of the written list).
    let orderedCodes: [String]
    let codes: Set<String>

    init(en english: String, fr french: String, codes packed: String) {
        self.english = english
        self.french = french
        orderedCodes = packed.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        codes = Set(orderedCodes)
    }

    func contains(_ code: String) -> Bool { codes.contains(code) }

    /// The list as the UBL schematron writes it inside its tests: `" A B C "`.
    var spacedText: String { " " + orderedCodes.joined(separator: " ") + " " }
}
