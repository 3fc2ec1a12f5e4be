import EInvoiceSyntax

/// `CIICodeListCheck.table` compiled once into a trie of element names, so that a document is matched in one
/// walk over its elements instead of one walk per table entry.
///
/// The entries whose path (without its conditions) leads to a trie node are listed there in table order. An
/// element at that node is claimed by the first of them whose step conditions hold on its ancestors, which is
/// what running the entries one after the other and letting each claim the elements not claimed before does.
struct CIICodeListIndex: Sendable {
    let table: [CIICodeListCheck]
    let names: NameTable
    /// The table's id of each common name (`XMLTree.commonNames`).
    let commonNameIDs: [Int32]
    /// Children of each trie node as (name id, node), node `n`'s at `childStart[n]..<childStart[n + 1]`; node 0
    /// stands above the root element.
    let childStart: [Int32]
    let childNames: [Int32]
    let childNodes: [Int32]
    /// Per trie node, the entries whose path ends there, in table order: `entries[entryStart[n]..<entryStart[n + 1]]`.
    let entryStart: [Int32]
    let entries: [Int32]
    /// Per entry, whether it carries a rule (entries without one only claim elements), and its list.
    let hasRule: [Bool]
    let lists: [CodeList?]
    /// Per entry, its step conditions with how many levels above the matched element they apply.
    let conditions: [[(up: Int, condition: CodeLists.Condition)]]

    static let shared = CIICodeListIndex(CIICodeListCheck.table)

    init(_ table: [CIICodeListCheck]) {
        var names = NameTable()
        var children: [[(name: Int32, node: Int32)]] = [[]]
        var entriesAt: [[Int32]] = [[]]
        var conditions: [[(up: Int, condition: CodeLists.Condition)]] = []
        for (index, entry) in table.enumerated() {
            var node = 0
            var entryConditions: [(up: Int, condition: CodeLists.Condition)] = []
            for (depth, step) in entry.path.enumerated() {
                let name = names.intern(namespace: step.name.namespace, localName: step.name.localName)
                if let next = children[node].first(where: { $0.name == name }) {
                    node = Int(next.node)
                } else {
                    children[node].append((name, Int32(children.count)))
                    node = children.count
                    children.append([])
                    entriesAt.append([])
                }
                if let condition = step.condition { entryConditions.append((entry.path.count - 1 - depth, condition)) }
            }
            entriesAt[node].append(Int32(index))
            conditions.append(entryConditions)
        }
        self.table = table
        self.names = names
        commonNameIDs = names.commonIDs()
        childStart = children.reduce(into: [0]) { $0.append($0[$0.count - 1] + Int32($1.count)) }
        childNames = children.flatMap { $0.map(\.name) }
        childNodes = children.flatMap { $0.map(\.node) }
        entryStart = entriesAt.reduce(into: [0]) { $0.append($0[$0.count - 1] + Int32($1.count)) }
        entries = entriesAt.flatMap { $0 }
        hasRule = table.map { $0.ruleID != nil }
        lists = table.map { $0.ruleID == nil ? nil : $0.list }
        self.conditions = conditions
    }

    /// The elements claimed by entries that carry a rule, as (entry, element), in table order and then
    /// document order: the order in which checking the entries one by one reports them.
    func claims(in tree: XMLTree) -> [(entry: Int, element: Int)] {
        let nameIDs = names.documentIDs(tree, common: commonNameIDs)
        let query = CodeLists.TreeQuery(tree: tree)
        var nodes = [Int32](repeating: -1, count: tree.elements.count)
        var claims: [(entry: Int, element: Int)] = []
        for element in tree.elements.indices {
            let parent = tree[element].parent
            let parentNode = parent < 0 ? 0 : Int(nodes[parent])
            guard parentNode >= 0 else { continue }
            let name = nameIDs[tree[element].nameID]
            guard name >= 0 else { continue }
            var node: Int32 = -1
            for child in Int(childStart[parentNode])..<Int(childStart[parentNode + 1]) where childNames[child] == name {
                node = childNodes[child]
                break
            }
            guard node >= 0 else { continue }
            nodes[element] = node
            for position in Int(entryStart[Int(node)])..<Int(entryStart[Int(node) + 1]) {
                let entry = Int(entries[position])
                guard holds(entry, at: element, query) else { continue }
                if hasRule[entry] { claims.append((entry, element)) }
                break
            }
        }
        // Grouped by entry, keeping document order within an entry (a counting sort: claims come in document order).
        var starts = [Int](repeating: 0, count: table.count + 1)
        for claim in claims { starts[claim.entry + 1] += 1 }
        for entry in 0..<table.count { starts[entry + 1] += starts[entry] }
        var sorted = claims
        for claim in claims {
            sorted[starts[claim.entry]] = claim
            starts[claim.entry] += 1
        }
        return sorted
    }

    private func holds(_ entry: Int, at element: Int, _ query: CodeLists.TreeQuery) -> Bool {
        for (up, condition) in conditions[entry] {
            var ancestor = element
            for _ in 0..<up { ancestor = query.tree[ancestor].parent }
            guard query.satisfies(ancestor, condition) else { return false }
        }
        return true
    }
}
