import EInvoiceSyntax

extension RuleGroups {
    /// The code-list rules of the Factur-X EN 16931 schematron (FX-SCH-A-*, lists of its codedb file), checked on
    /// the CII source tree. They run for CII documents of the EN 16931 profile (and of unknown guidelines, which
    /// the EN 16931 schematron validates); the other profiles have their own schematrons.
    public static let codeListsCII = RuleGroup(
        name: "Code lists (CII, Factur-X EN 16931)", ruleIDs: CIICodeListCheck.ruleIDs
    ) { context in
        guard context.syntax == .cii, let tree = context.parsed?.tree, CIICodeListRules.appliesToProfile(of: tree)
        else { return }
        CIICodeListRules.check(tree, &context)
    }
}

enum CIICodeListRules {
    static let guidelinePath: [CodeLists.PathStep] = [
        "rsm:CrossIndustryInvoice", "rsm:ExchangedDocumentContext", "ram:GuidelineSpecifiedDocumentContextParameter",
        "ram:ID",
    ]

    /// Whether the document's guideline (BT-24) selects the EN 16931 schematron.
    static func appliesToProfile(of tree: XMLTree) -> Bool {
        let query = CodeLists.TreeQuery(tree: tree)
        let guideline = query.elements(along: guidelinePath).first.map { query.stringValue(of: $0) } ?? ""
        switch FacturXProfile(guidelineID: guideline) {
        case nil, .en16931: return true
        case .minimum, .basicWL, .basic, .extended: return false
        }
    }

    static func check(_ tree: XMLTree, _ context: inout RuleContext) {
        let query = CodeLists.TreeQuery(tree: tree)
        let index = CIICodeListIndex.shared
        for (entryIndex, element) in index.claims(in: tree) {
            // Fields are read one by one: copying the entry would retain each of its strings and lists.
            guard let list = index.lists[entryIndex] else { continue }
            let value: String
            switch index.table[entryIndex].value {
            case .text: value = query.stringValue(of: element)
            case .attribute(let name): value = tree.attribute(name, of: element) ?? ""
            }
            guard !value.isEmpty, !list.contains(value) else { continue }
            let entry = index.table[entryIndex]
            guard let ruleID = entry.ruleID else { continue }
            let message = CodeListMessage(
                value: value, english: entry.english, french: entry.french, term: entry.term, list: list)
            context.report(ruleID, terms: [entry.term], element: element, en: message.english, fr: message.french)
        }
    }
}
