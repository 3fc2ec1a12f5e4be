import EInvoiceSyntax

/// An element name with its namespace, as the French schematron names it (`ram:ID`, `cbc:Note`).
struct FrenchName: Hashable, Sendable {
    let namespace: String
    let localName: String

    /// Reads `prefix:local` with the prefixes of the official schematrons; nil for an unknown prefix.
    init?(_ qualified: Substring) {
        guard let colon = qualified.firstIndex(of: ":") else { return nil }
        let prefix = qualified[..<colon]
        let namespace: String
        switch prefix {
        case "rsm": namespace = Namespaces.ciiRSM
        case "ram": namespace = Namespaces.ciiRAM
        case "udt": namespace = Namespaces.ciiUDT
        case "qdt": namespace = Namespaces.ciiQDT
        case "ubl": namespace = Namespaces.ublInvoice
        case "cn": namespace = Namespaces.ublCreditNote
        case "cac": namespace = Namespaces.ublCAC
        case "cbc": namespace = Namespaces.ublCBC
        default: return nil
        }
        self.namespace = namespace
        self.localName = String(qualified[qualified.index(after: colon)...])
    }
}

/// A schematron rule context: alternatives (`|`) of element paths, matched like an XSLT pattern, i.e. an
/// element matches when its own name and its ancestors' names end with one of the paths.
struct FrenchPattern: Sendable {
    let alternatives: [[FrenchName]]

    init(_ text: String) {
        alternatives = text.split(separator: "|").map { alternative in
            alternative.split(separator: "/").compactMap { step in
                FrenchName(Substring(step.trimmingWhitespace()))
            }
        }.filter { !$0.isEmpty }
    }
}

/// The source tree with the few XPath operations the French rules need, evaluated with XPath semantics
/// (raw string values, general comparisons, `normalize-space`).
struct FrenchTree {
    let tree: XMLTree
    private let byLocalName: [String: [Int]]

    init(_ tree: XMLTree) {
        self.tree = tree
        var index: [String: [Int]] = [:]
        for (position, element) in tree.elements.enumerated() {
            index[element.localName, default: []].append(position)
        }
        byLocalName = index
    }

    var root: Int? { tree.elements.isEmpty ? nil : 0 }

    func isNamed(_ element: Int, _ name: FrenchName) -> Bool {
        let node = tree[element]
        return node.localName == name.localName && node.namespace == name.namespace
    }

    /// Every element matching the pattern, in document order.
    func elements(matching pattern: FrenchPattern) -> [Int] {
        var found: Set<Int> = []
        for path in pattern.alternatives {
            guard let last = path.last else { continue }
            for candidate in byLocalName[last.localName] ?? [] where endsWith(candidate, path) {
                found.insert(candidate)
            }
        }
        return found.sorted()
    }

    private func endsWith(_ element: Int, _ path: [FrenchName]) -> Bool {
        var current = element
        for name in path.reversed() {
            guard current >= 0, isNamed(current, name) else { return false }
            current = tree[current].parent
        }
        return true
    }

    /// The children with the given name.
    func children(_ element: Int, _ name: String) -> [Int] {
        guard let qualified = FrenchName(Substring(name)) else { return [] }
        return tree[element].children.filter { isNamed($0, qualified) }
    }

    /// The elements reached from `element` by a relative path of child steps (`ram:A/ram:B`).
    func select(_ element: Int, _ path: String) -> [Int] {
        var current = [element]
        for step in path.split(separator: "/") {
            current = current.flatMap { children($0, String(step)) }
        }
        return current
    }

    /// Every descendant (not the element itself) with the given name, in document order.
    func descendants(_ element: Int, _ name: String) -> [Int] {
        guard let qualified = FrenchName(Substring(name)) else { return [] }
        var result: [Int] = []
        var stack = Array(tree[element].children.reversed())
        while let next = stack.popLast() {
            if isNamed(next, qualified) { result.append(next) }
            stack.append(contentsOf: tree[next].children.reversed())
        }
        return result
    }

    func parent(_ element: Int) -> Int? {
        let parent = tree[element].parent
        return parent >= 0 ? parent : nil
    }

    /// The string value of an element as the source has it (untrimmed).
    func text(_ element: Int) -> String { tree[element].text }

    /// The string value of the first element of a node set, "" for an empty one (XPath `string()`).
    func text(_ elements: [Int]) -> String { elements.first.map(text) ?? "" }

    func attribute(_ element: Int, _ name: String) -> String? { tree.attribute(name, of: element) }

    /// `path[@name = value]`: the selected elements whose attribute equals the value.
    func select(_ element: Int, _ path: String, attribute name: String, equals value: String) -> [Int] {
        select(element, path).filter { attribute($0, name) == value }
    }

    /// XPath general comparison `path = value`: true when any selected element's string value equals it.
    func any(_ element: Int, _ path: String, equals value: String) -> Bool {
        select(element, path).contains { text($0) == value }
    }

    /// XPath general comparison `path = (values)`.
    func any(_ element: Int, _ path: String, in values: Set<String>) -> Bool {
        select(element, path).contains { values.contains(text($0)) }
    }

    /// `normalize-space(path)` on the first selected element.
    func normalized(_ element: Int, _ path: String) -> String {
        FrenchText.normalizeSpace(text(select(element, path)))
    }
}
