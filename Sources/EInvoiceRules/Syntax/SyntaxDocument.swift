import EInvoiceSyntax

/// A source document indexed once for a syntax table: each element's name id and node in the table's
/// path trie, where its subtree ends, the elements of each name and the attributes of each name in
/// document order, and how many elements sit at each trie node. Elements of `XMLTree` are in document
/// order (a parent before its children), which the index relies on.
final class SyntaxDocument {
    let elements: [XMLTree.Element]
    /// Name id of each element, -1 when the table never names it.
    let nameIDs: [Int32]
    /// Trie node of each element, -1 when its path is not in the trie.
    let trieNodes: [Int32]
    /// First child and next sibling of each element (-1 for none), to walk children without copying arrays.
    let firstChild: [Int32]
    let nextSibling: [Int32]
    /// One past the last descendant of each element: the subtree of `e` is `e..<subtreeEnd[e]`.
    let subtreeEnd: [Int32]
    /// Elements grouped by name id: those named `n` are `bucket[bucketStart[n]..<bucketStart[n + 1]]`.
    let bucketStart: [Int32]
    let bucket: [Int32]
    /// Attributes grouped by attribute-name id, as (element, attribute index) in document order.
    let attributeStart: [Int32]
    let attributeBucket: [XNode]
    /// Per trie node: how many elements are at that path, and the first of them (-1 when none).
    let trieCount: [Int32]
    let trieFirst: [Int32]
    /// The trie node of each registered path of the table under this document's root name.
    private let triePaths: [Int32]
    private let rootCount: Int
    /// Index of the root element's name in `PathTrie.rootNames`, -1 when it is none of them.
    let rootIndex: Int

    init(tree: XMLTree, names: SyntaxNames, commonNameIDs: [Int32], trie: PathTrie) {
        let elements = tree.elements
        let count = elements.count
        var nameIDs = [Int32](repeating: -1, count: count)
        var trieNodes = [Int32](repeating: -1, count: count)
        var trieCount = [Int32](repeating: 0, count: trie.nodeCount)
        var trieFirst = [Int32](repeating: -1, count: trie.nodeCount)
        var perName = [Int32](repeating: 0, count: Int(names.count) + 1)
        var perAttribute = [Int32](repeating: 0, count: Int(names.attributeCount) + 1)
        var attributeIDs: [(node: XNode, id: Int32)] = []
        let indexesAttributes = names.attributeCount > 0
        // The table's id of each document name: for the common names they come with the table, the others are
        // looked up once per document. When some name is spelled in two ways, every element is looked up by its
        // own spelling instead.
        let exact = tree.namesAreExact
        let tableIDs = DocumentNameIDs(
            common: commonNameIDs,
            others: exact ? tree.otherNames.map { names.id(namespace: $0.namespace, localName: $0.localName) ?? -1 } : [])
        elements.withUnsafeBufferPointer { elements in
            for index in 0..<count {
                if indexesAttributes, !elements[index].attributes.isEmpty {
                    for (offset, attribute) in elements[index].attributes.enumerated() where attribute.namespace.isEmpty {
                        if let id = names.attributeID(attribute.localName) {
                            perAttribute[Int(id)] += 1
                            attributeIDs.append((XNode(element: Int32(index), attribute: Int32(offset)), id))
                        }
                    }
                }
                let id =
                    exact
                    ? tableIDs[elements[index].nameID]
                    : names.id(namespace: elements[index].namespace, localName: elements[index].localName) ?? -1
                guard id >= 0 else { continue }
                nameIDs[index] = id
                perName[Int(id)] += 1
                let parent = elements[index].parent
                let parentNode: Int32 = parent >= 0 ? trieNodes[parent] : 0
                if parentNode >= 0, let node = trie.child(of: parentNode, id) {
                    trieNodes[index] = node
                    trieCount[Int(node)] += 1
                    if trieFirst[Int(node)] < 0 { trieFirst[Int(node)] = Int32(index) }
                }
            }
        }
        // From the parent links alone (children come after their parent, in order), without reading the
        // children arrays.
        var subtreeEnd = [Int32](repeating: 0, count: count)
        var firstChild = [Int32](repeating: -1, count: count)
        var lastChild = [Int32](repeating: -1, count: count)
        var nextSibling = [Int32](repeating: -1, count: count)
        elements.withUnsafeBufferPointer { elements in
            for index in 0..<count {
                let parent = elements[index].parent
                guard parent >= 0 else { continue }
                let previous = lastChild[parent]
                if previous >= 0 { nextSibling[Int(previous)] = Int32(index) } else { firstChild[parent] = Int32(index) }
                lastChild[parent] = Int32(index)
            }
        }
        for index in stride(from: count - 1, through: 0, by: -1) {
            let last = lastChild[index]
            subtreeEnd[index] = last >= 0 ? subtreeEnd[Int(last)] : Int32(index + 1)
        }
        self.firstChild = firstChild
        self.nextSibling = nextSibling
        (bucketStart, bucket) = Self.group(nameIDs, counts: perName)
        var attributeStart = [Int32](repeating: 0, count: perAttribute.count + 1)
        for group in 0..<perAttribute.count { attributeStart[group + 1] = attributeStart[group] + perAttribute[group] }
        var attributeFill = attributeStart
        var attributeBucket = [XNode](repeating: .document, count: attributeIDs.count)
        for (node, id) in attributeIDs {
            attributeBucket[Int(attributeFill[Int(id)])] = node
            attributeFill[Int(id)] += 1
        }
        self.attributeStart = attributeStart
        self.attributeBucket = attributeBucket
        self.elements = elements
        self.nameIDs = nameIDs
        self.trieNodes = trieNodes
        self.subtreeEnd = subtreeEnd
        self.trieCount = trieCount
        self.trieFirst = trieFirst
        self.triePaths = trie.flatPaths
        self.rootCount = trie.rootNames.count
        self.rootIndex = count > 0 ? (trie.rootNames.firstIndex(of: nameIDs[0]) ?? -1) : -1
    }

    /// A counting sort of the elements by name id (those of id -1 left out), keeping document order.
    private static func group(_ nameIDs: [Int32], counts: [Int32]) -> ([Int32], [Int32]) {
        var start = [Int32](repeating: 0, count: counts.count + 1)
        for group in 0..<counts.count { start[group + 1] = start[group] + counts[group] }
        var fill = start
        var grouped = [Int32](repeating: 0, count: Int(start[counts.count]))
        for (element, id) in nameIDs.enumerated() where id >= 0 {
            grouped[Int(fill[Int(id)])] = Int32(element)
            fill[Int(id)] += 1
        }
        return (start, grouped)
    }

    /// How many elements a registered trie path (relative to the root element) reaches, and the first.
    func trieEntry(path: Int32) -> (count: Int32, first: Int32)? {
        guard rootIndex >= 0 else { return nil }
        let node = Int(triePaths[Int(path) * rootCount + rootIndex])
        return (trieCount[node], trieFirst[node])
    }

    /// How many elements a registered trie path reaches from the root element (0 when the root is not
    /// one the table knows).
    func trieCount(path: Int32) -> Int32 {
        guard rootIndex >= 0 else { return 0 }
        return trieCount[Int(triePaths[Int(path) * rootCount + rootIndex])]
    }

    /// The elements named `name`, in document order.
    func elements(named name: Int32) -> ArraySlice<Int32> {
        guard name >= 0, Int(name) + 1 < bucketStart.count else { return [] }
        return bucket[Int(bucketStart[Int(name)])..<Int(bucketStart[Int(name) + 1])]
    }

    /// The attributes named `name` (attribute-name id), in document order.
    func attributes(named name: Int32) -> ArraySlice<XNode> {
        guard name >= 0, Int(name) + 1 < attributeStart.count else { return [] }
        return attributeBucket[Int(attributeStart[Int(name)])..<Int(attributeStart[Int(name) + 1])]
    }
}
