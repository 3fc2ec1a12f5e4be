/// XPaths of many elements of one tree, the same as `XMLTree.xpath(of:)` gives, but each parent's children
/// are numbered once: listing an unmapped element on each of thousands of lines stays linear.
struct CIIXPathBuilder {
    let tree: XMLTree
    /// The step of each element already numbered, e.g. `ram:IncludedSupplyChainTradeLineItem[3]`.
    private var steps: [Int: String] = [:]

    init(tree: XMLTree) { self.tree = tree }

    mutating func xpath(of index: Int) -> String {
        var parts: [String] = []
        var current = index
        while current >= 0 {
            parts.append(step(current))
            current = tree.elements[current].parent
        }
        return "/" + parts.reversed().joined(separator: "/")
    }

    private mutating func step(_ index: Int) -> String {
        if let known = steps[index] { return known }
        let parent = tree.elements[index].parent
        guard parent >= 0 else { return tree.elements[index].qualifiedName }
        // Number every child of the parent at once: siblings are the same when local name and namespace are.
        let children = tree.elements[parent].children
        var counts: [String: Int] = [:]
        var positions: [Int] = []
        positions.reserveCapacity(children.count)
        for child in children {
            let key = tree.elements[child].namespace + " " + tree.elements[child].localName
            let position = (counts[key] ?? 0) + 1
            counts[key] = position
            positions.append(position)
        }
        for (child, position) in zip(children, positions) {
            let element = tree.elements[child]
            let total = counts[element.namespace + " " + element.localName] ?? 1
            steps[child] = total > 1 ? "\(element.qualifiedName)[\(position)]" : element.qualifiedName
        }
        return steps[index] ?? tree.elements[index].qualifiedName
    }
}
