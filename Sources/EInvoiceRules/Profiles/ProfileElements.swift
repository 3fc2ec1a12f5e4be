import EInvoiceSyntax

/// The elements a Factur-X profile's XSD allows, and where: a graph of complex types, each with the child
/// elements its content model lists and their types (generated from the XSDs, see `Generated/`).
///
/// Only names and nesting are checked — not order, cardinality or data types (the schematron rules cover most of
/// those). It is what the official schematrons cannot see: an element of a richer profile in a poorer one
/// (`ram:InvoiceReferencedDocument` in a MINIMUM invoice), a misspelt or foreign element.
struct ProfileElements: Sendable {
    /// A child element's type; `leaf` for a simple type (no child elements allowed).
    private static let leaf = -1

    /// The qualified names (`ram:SellerTradeParty`) the profile knows, by index.
    private let nameIndex: [String: Int]
    /// Per complex type: child name index → child type index (or `leaf`).
    private let children: [[Int: Int]]
    private let rootName: Int
    private let rootType: Int

    /// Parses a generated model; nil when it is malformed (a generator bug the tests catch).
    init?(model: String) {
        var names: [String: Int] = [:]
        func name(_ text: Substring) -> Int {
            if let index = names[String(text)] { return index }
            names[String(text)] = names.count
            return names.count - 1
        }
        let lines = model.split(separator: "\n").map { $0.split(separator: " ") }
        guard let rootLine = lines.first, rootLine.count == 1 else { return nil }
        var typeIndex: [Substring: Int] = [:]
        for (index, line) in lines.dropFirst().enumerated() {
            guard let type = line.first else { return nil }
            typeIndex[type] = index
        }
        var children: [[Int: Int]] = []
        for line in lines.dropFirst() {
            var allowed: [Int: Int] = [:]
            for child in line.dropFirst() {
                let parts = child.split(separator: "=", maxSplits: 1)
                guard let childName = parts.first else { return nil }
                if parts.count == 2 {
                    guard let type = typeIndex[parts[1]] else { return nil }
                    allowed[name(childName)] = type
                } else {
                    allowed[name(childName)] = Self.leaf
                }
            }
            children.append(allowed)
        }
        let root = rootLine[0].split(separator: "=", maxSplits: 1)
        guard root.count == 2, let rootType = typeIndex[root[1]] else { return nil }
        self.rootName = name(root[0])
        self.rootType = rootType
        self.children = children
        self.nameIndex = names
    }

    /// A misplaced element: its index in the tree, and the element it sits in (-1 for the root).
    struct Misplaced: Hashable {
        var element: Int
        var parent: Int
    }

    /// The elements the profile does not allow where they are, in document order; their content is not examined.
    func misplaced(in tree: XMLTree) -> [Misplaced] {
        guard !tree.elements.isEmpty else { return [] }
        var known: [Int32: Int] = [:]
        func index(of element: Int) -> Int? {
            let nameID = tree[element].nameID
            if let cached = known[nameID] { return cached < 0 ? nil : cached }
            let name = tree.name(nameID)
            let found = Self.prefix(of: name.namespace).flatMap { nameIndex["\($0):\(name.localName)"] }
            known[nameID] = found ?? -1
            return found
        }
        guard index(of: 0) == rootName else { return [Misplaced(element: 0, parent: -1)] }
        var found: [Misplaced] = []
        var pending: [(element: Int, type: Int)] = [(0, rootType)]
        while let (element, type) = pending.popLast() {
            for child in tree[element].children.reversed() {
                guard type != Self.leaf, let name = index(of: child), let childType = children[type][name] else {
                    found.append(Misplaced(element: child, parent: element))
                    continue
                }
                pending.append((child, childType))
            }
        }
        return found.sorted { $0.element < $1.element }
    }

    private static func prefix(of namespace: String) -> String? {
        switch namespace {
        case "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100": "rsm"
        case "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100": "ram"
        case "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100": "udt"
        case "urn:un:unece:uncefact:data:standard:QualifiedDataType:100": "qdt"
        default: nil
        }
    }
}
