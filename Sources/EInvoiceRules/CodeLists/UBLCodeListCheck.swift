/// One BR-CL rule of the EN 16931 UBL schematron: every element its context matches, wherever it is in the
/// document, must carry a code of a list.
struct UBLCodeListCheck: Sendable {
    /// How the value is compared, as the official test does.
    enum Test: Sendable {
        /// `not(contains(normalize-space(v), ' ')) and contains(' list ', concat(' ', normalize-space(v), ' '))`.
        case listed(CodeList)
        /// As `listed`, on the upper-cased value (BR-CL-22: `normalize-space(upper-case(.))`).
        case listedUppercased(CodeList)
        /// `v = 'a' or v = 'b' …`, without normalisation (BR-CL-24).
        case exact(CodeList)
        /// BR-CL-01: invoice type codes on `cbc:InvoiceTypeCode`, credit note codes on `cbc:CreditNoteTypeCode`.
        case documentType
        /// BR-CL-08: a note starting `#XXX#` names its subject; XXX must occur in the UNTDID 4451 list as written.
        case noteSubject
        /// BR-CL-10: an ICD scheme, or SEPA for an identifier of the seller or the payee.
        case partyIdentifierScheme
    }

    /// Where the matched element may be.
    enum Parent: Sendable {
        case any
        /// A child of the document element (`/ubl:Invoice/cbc:Note`).
        case root
        /// A child of one of these (`cac:TaxCategory/cbc:ID`).
        case oneOf([CodeLists.PathStep])
    }

    let ruleID: String
    let names: [CodeLists.QualifiedName]
    let parent: Parent
    /// `[@schemeID]` in the context: elements without this attribute are not checked.
    let requiredAttribute: String?
    let value: CodeLists.Value
    let test: Test
    /// The term by the nearest group the element sits in, first match wins; `defaultTerms` otherwise.
    let termsByAncestor: [(ancestor: CodeLists.QualifiedName, terms: [String])]
    let defaultTerms: [String]
    /// What the value is; `{name}` stands for the element's name.
    let english: String
    let french: String

    init(
        _ ruleID: String, _ names: [CodeLists.QualifiedName], in parent: Parent = .any, requiring: String? = nil,
        value: CodeLists.Value = .text, _ test: Test, terms: [String],
        byAncestor: [(ancestor: CodeLists.QualifiedName, terms: [String])] = [], en: String, fr: String
    ) {
        self.ruleID = ruleID
        self.names = names
        self.parent = parent
        requiredAttribute = requiring
        self.value = value
        self.test = test
        termsByAncestor = byAncestor
        defaultTerms = terms
        english = en
        french = fr
    }

    /// The code list named in messages.
    func list(for elementName: String) -> CodeList {
        switch test {
        case .listed(let list), .listedUppercased(let list), .exact(let list): list
        case .documentType:
            elementName == "CreditNoteTypeCode"
                ? CodeLists.creditNoteTypeCodesUBL
                : CodeLists.invoiceTypeCodesUBL
        case .noteSubject: CodeLists.noteSubjectCodesUBL
        case .partyIdentifierScheme: CodeLists.icdSchemes
        }
    }
}
