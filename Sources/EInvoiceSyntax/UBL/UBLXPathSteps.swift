/// XPaths like `XMLTree.xpath(of:)`, with the positions among same-named siblings computed once per parent,
/// so that listing many elements under one parent (the root holds every line) stays linear.
struct UBLXPathSteps {
    let tree: XMLTree
    /// Element → its step, e.g. `cac:InvoiceLine[3]`.
    private var stepOf: [Int: String] = [:]

    init(tree: XMLTree) { self.tree = tree }

    mutating func xpath(of index: Int) -> String {
        var steps: [String] = []
        var current = index
        while current >= 0 {
            steps.append(step(of: current))
            current = tree.elements[current].parent
        }
        return "/" + steps.reversed().joined(separator: "/")
    }

    private mutating func step(of index: Int) -> String {
        if let known = stepOf[index] { return known }
        let parent = tree.elements[index].parent
        guard parent >= 0 else { return tree.elements[index].qualifiedName }
        struct Name: Hashable {
            let local: String
            let namespace: String
        }
        let children = tree.elements[parent].children
        var counts: [Name: Int] = [:]
        for child in children {
            counts[Name(local: tree.elements[child].localName, namespace: tree.elements[child].namespace), default: 0] += 1
        }
        var seen: [Name: Int] = [:]
        for child in children {
            let element = tree.elements[child]
            let name = Name(local: element.localName, namespace: element.namespace)
            let position = seen[name, default: 0] + 1
            seen[name] = position
            stepOf[child] = counts[name, default: 0] > 1 ? "\(element.qualifiedName)[\(position)]" : element.qualifiedName
        }
        return stepOf[index] ?? tree.elements[index].qualifiedName
    }
}
