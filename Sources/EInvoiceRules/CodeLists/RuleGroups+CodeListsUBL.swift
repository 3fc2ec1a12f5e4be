import EInvoiceSyntax

extension RuleGroups {
    /// The code-list rules of the EN 16931 UBL schematron (BR-CL-01 … BR-CL-26), checked on the UBL source tree:
    /// like the schematron, they look at every element of the checked names, wherever it is.
    public static let codeListsUBL = RuleGroup(
        name: "Code lists (UBL)", ruleIDs: UBLCodeListCheck.table.map(\.ruleID)
    ) { context in
        guard context.syntax?.isUBL == true, let tree = context.parsed?.tree else { return }
        UBLCodeListRules.check(tree, &context)
    }
}

enum UBLCodeListRules {
    /// Checks by the local name of the element they apply to.
    static let checksByName: [String: [UBLCodeListCheck]] = UBLCodeListCheck.table.reduce(into: [:]) { result, check in
        for name in Set(check.names.map(\.localName)) { result[name, default: []].append(check) }
    }

    /// The checks of each common name (`XMLTree.commonNames`).
    static let commonChecks: [[UBLCodeListCheck]?] = XMLTree.commonNames.map { checksByName[$0.localName] }

    static func check(_ tree: XMLTree, _ context: inout RuleContext) {
        let query = CodeLists.TreeQuery(tree: tree)
        // Looked up once per name (common names once per process) rather than once per element.
        let common = commonChecks
        let others = tree.otherNames.map { checksByName[$0.localName] }
        for element in tree.elements.indices {
            let id = Int(tree[element].nameID)
            guard let checks = id < common.count ? common[id] : others[id - common.count] else { continue }
            for check in checks where applies(check, to: element, query) {
                guard let problem = problem(check, element, query) else { continue }
                context.report(
                    check.ruleID, terms: terms(check, element, query), element: element, en: problem.english,
                    fr: problem.french)
            }
        }
    }

    static func applies(_ check: UBLCodeListCheck, to element: Int, _ query: CodeLists.TreeQuery) -> Bool {
        guard check.names.contains(where: { query.matches(element, $0) }) else { return false }
        if let attribute = check.requiredAttribute, query.attribute(attribute, of: element) == nil { return false }
        let parent = query.tree[element].parent
        switch check.parent {
        case .any: return true
        case .root: return parent == 0
        case .oneOf(let steps): return parent >= 0 && steps.contains { query.accepts(parent, $0) }
        }
    }

    /// The message when the element's value fails the official test, nil when it passes.
    static func problem(
        _ check: UBLCodeListCheck, _ element: Int, _ query: CodeLists.TreeQuery
    ) -> CodeListMessage? {
        let raw: String
        switch check.value {
        case .text: raw = query.stringValue(of: element)
        case .attribute(let name): raw = query.attribute(name, of: element) ?? ""
        }
        let name = query.tree[element].localName
        let normalized = CodeLists.normalizeSpace(raw)
        let passes: Bool
        switch check.test {
        case .listed(let list): passes = list.contains(normalized)
        case .listedUppercased(let list): passes = list.contains(normalized.uppercased())
        case .exact(let list): passes = list.contains(raw)
        case .documentType: passes = check.list(for: name).contains(normalized)
        case .partyIdentifierScheme:
            passes =
                CodeLists.icdSchemes.contains(normalized)
                || (CodeLists.sepaCreditorSchemes.contains(normalized)
                    && (query.hasAncestor(element, named: "cac:AccountingSupplierParty")
                        || query.hasAncestor(element, named: "cac:PayeeParty")))
        case .noteSubject:
            return noteSubjectProblem(raw)
        }
        if passes { return nil }
        return CodeListMessage(
            value: normalized.isEmpty ? raw : normalized, english: check.english.replacing("{name}", with: name),
            french: check.french.replacing("{name}", with: name), term: terms(check, element, query).first ?? "",
            list: check.list(for: name))
    }

    /// BR-CL-08: `#XXX#…` notes: XXX, when three characters long, must occur in the list as the schematron
    /// writes it (a substring test, so the schematron also accepts e.g. "A A").
    static func noteSubjectProblem(_ note: String) -> CodeListMessage? {
        guard let first = note.firstIndex(of: "#") else { return nil }
        let rest = note[note.index(after: first)...]
        guard let second = rest.firstIndex(of: "#") else { return nil }
        let code = String(rest[..<second])
        guard code.unicodeScalars.count == 3, !CodeLists.noteSubjectCodesUBL.spacedText.contains(code) else {
            return nil
        }
        return CodeListMessage(
            value: code, english: "the subject code written as #\(code)# at the start of the invoice note",
            french: "le code sujet écrit #\(code)# au début de la note", term: "BT-21",
            list: CodeLists.noteSubjectCodesUBL)
    }

    static func terms(_ check: UBLCodeListCheck, _ element: Int, _ query: CodeLists.TreeQuery) -> [String] {
        check.termsByAncestor.first { query.hasAncestor(element, named: $0.ancestor) }?.terms ?? check.defaultTerms
    }
}
