/// A parsed XML document as a flat, immutable array of elements: cheap to build, cheap to walk, `Sendable`.
///
/// Element 0 is the root. Text is the concatenated character data directly inside an element, which is all
/// an invoice syntax needs (no mixed content). Each distinct (namespace, local name) pair is numbered
/// (`Element.nameID`), so that code walking the tree compares small integers: the usual CII and UBL names have the
/// same id in every document (`commonNames`), and a document's other names follow (`otherNames`).
public struct XMLTree: Sendable {
    /// An element name without its prefix.
    public struct Name: Sendable, Hashable {
        public var namespace: String
        public var localName: String
    }

    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var localName: String
        public var namespace: String
        public var value: String
    }

    public struct Element: Sendable {
        public var localName: String
        /// The namespace URI the prefix resolved to ("" for none).
        public var namespace: String
        /// The name as written, with its prefix.
        public var qualifiedName: String
        public var attributes: [Attribute]
        public var children: [Int]
        /// Index of the parent element, -1 for the root.
        public var parent: Int
        public var text: String
        /// 1-based line and column of the start tag's `<`.
        public var line: Int
        public var column: Int
        /// The id of the element's (namespace, local name), see `name(_:)`: two elements have the same id exactly
        /// when their namespaces and local names are equal (as `String` compares them).
        public var nameID: Int32
    }

    public internal(set) var elements: [Element]
    /// The document's names that are not among `commonNames`, in order of first appearance: name id
    /// `commonNames.count + i` is `otherNames[i]`.
    public internal(set) var otherNames: [Name]
    /// Whether every element spells its namespace and local name with exactly the bytes of `name(nameID)`. Always
    /// true for ASCII names; false only when canonically equivalent spellings of a name occur (U+212A for "K").
    public internal(set) var namesAreExact: Bool

    /// The usual CII (rsm, ram, udt, qdt) and UBL (cbc, cac, roots) element names: name ids
    /// `0..<commonNames.count` in every document.
    public static var commonNames: [Name] { KnownXMLNames.shared.names }

    /// How many name ids the document can use: the common names and its other names.
    public var nameCount: Int { KnownXMLNames.shared.names.count + otherNames.count }

    /// The name with this id.
    public func name(_ id: Int32) -> Name {
        let common = KnownXMLNames.shared.names
        return Int(id) < common.count ? common[Int(id)] : otherNames[Int(id) - common.count]
    }

    /// The id of a name, nil when it is neither a common name nor one of the document's.
    public func nameID(namespace: String, localName: String) -> Int32? {
        let name = Name(namespace: namespace, localName: localName)
        let common = KnownXMLNames.shared.names
        if let index = common.firstIndex(of: name) { return Int32(index) }
        return otherNames.firstIndex(of: name).map { Int32(common.count + $0) }
    }

    @inlinable public var root: Element? { elements.first }

    /// Yields the element in place: `tree[i].localName` copies (and retains) nothing.
    @inlinable public subscript(index: Int) -> Element {
        _read { yield elements[index] }
    }

    /// The children of `index` with the given local name and namespace, in document order.
    @inlinable public func children(of index: Int, named localName: String, namespace: String? = nil) -> [Int] {
        elements[index].children.filter {
            elements[$0].localName == localName && (namespace == nil || elements[$0].namespace == namespace)
        }
    }

    /// The first child of `index` with the given local name.
    @inlinable public func child(of index: Int, named localName: String, namespace: String? = nil) -> Int? {
        elements[index].children.first {
            elements[$0].localName == localName && (namespace == nil || elements[$0].namespace == namespace)
        }
    }

    /// Follows a path of local names from `index`, taking the first match at each step.
    public func first(from index: Int, _ path: [String]) -> Int? {
        var current = index
        for name in path {
            guard let next = child(of: current, named: name) else { return nil }
            current = next
        }
        return current
    }

    /// Every element reached by a path of local names from `index`.
    public func all(from index: Int, _ path: [String]) -> [Int] {
        var current = [index]
        for name in path {
            current = current.flatMap { children(of: $0, named: name) }
        }
        return current
    }

    @inlinable public func attribute(_ localName: String, of index: Int) -> String? {
        elements[index].attributes.first { $0.localName == localName && $0.namespace.isEmpty }?.value
    }

    /// An XPath that locates the element, e.g.
    /// `/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[2]`.
    /// A position is written only where the element has same-named siblings.
    public func xpath(of index: Int) -> String {
        var steps: [String] = []
        var current = index
        while current >= 0 {
            let element = elements[current]
            var step = element.qualifiedName
            if element.parent >= 0 {
                var count = 0
                var position = 0
                for sibling in elements[element.parent].children where elements[sibling].nameID == element.nameID {
                    count += 1
                    if sibling == current { position = count }
                }
                if count > 1 { step += "[\(position)]" }
            }
            steps.append(step)
            current = element.parent
        }
        return "/" + steps.reversed().joined(separator: "/")
    }
}
