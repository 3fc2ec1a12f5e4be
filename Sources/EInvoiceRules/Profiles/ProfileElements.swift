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

    /// A child that the type does not allow (in `childTypes`).
    private static let notAllowed: Int32 = -2

    /// The qualified names (`ram:SellerTradeParty`) the profile knows, by index.
    private let nameIndex: [String: Int]
    /// Per complex type and child name index, flat (`type * nameCount + name`): the child's type index, `leaf`, or
    /// `notAllowed`.
    private let childTypes: [Int32]
    private let nameCount: Int
    /// The profile's name index of each common XML name id (`XMLTree.commonNames`), -1 when it knows none.
    private let commonNameIndexes: [Int32]
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
        self.nameIndex = names
        nameCount = names.count
        var childTypes = [Int32](repeating: Self.notAllowed, count: children.count * names.count)
        for (type, allowed) in children.enumerated() {
            for (child, childType) in allowed { childTypes[type * names.count + child] = Int32(childType) }
        }
        self.childTypes = childTypes
        commonNameIndexes = XMLTree.commonNames.map { Int32(Self.index(of: $0, in: names) ?? -1) }
    }

    /// The profile's index of an element name (namespace and local name), nil when it knows none.
    private static func index(of name: XMLTree.Name, in names: [String: Int]) -> Int? {
        prefix(of: name.namespace).flatMap { names["\($0):\(name.localName)"] }
    }

    /// A misplaced element: its index in the tree, and the element it sits in (-1 for the root).
    struct Misplaced: Hashable {
        var element: Int
        var parent: Int
    }

    /// The elements the profile does not allow where they are, in document order; their content is not examined.
    func misplaced(in tree: XMLTree) -> [Misplaced] {
        guard !tree.elements.isEmpty else { return [] }
        // The profile's index of each name id: the common names' from the model, the document's others looked up
        // once each.
        let otherIndexes = tree.otherNames.map { Int32(Self.index(of: $0, in: nameIndex) ?? -1) }
        func index(of element: Int) -> Int32 {
            let nameID = Int(tree[element].nameID)
            let common = commonNameIndexes.count
            return nameID < common ? commonNameIndexes[nameID] : otherIndexes[nameID - common]
        }
        guard index(of: 0) == rootName else { return [Misplaced(element: 0, parent: -1)] }
        var found: [Misplaced] = []
        // Elements are in document order and each is visited once, from its parent: the parents' types, by
        // element, are enough to check every element in one forward pass.
        var types = [Int32](repeating: Self.notAllowed, count: tree.elements.count)
        types[0] = Int32(rootType)
        for element in 1..<tree.elements.count {
            let parent = tree[element].parent
            let parentType = Int(types[parent])
            guard parentType >= 0 else {
                // Inside a leaf (a misplaced child) or inside a misplaced element (not examined further).
                if parentType == Self.leaf { found.append(Misplaced(element: element, parent: parent)) }
                continue
            }
            let name = index(of: element)
            let childType = name >= 0 ? childTypes[parentType * nameCount + Int(name)] : Self.notAllowed
            // A misplaced element keeps `notAllowed`, so that its content is skipped.
            if childType == Self.notAllowed { found.append(Misplaced(element: element, parent: parent)) }
            types[element] = childType
        }
        return found
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
