/// Walks a name tree (ISO 32000-1 §7.9.6): `/Names [key value …]` leaves and `/Kids` nodes, in order.
/// A node reached twice (a `/Kids` loop), a tree deeper than `maximumNameTreeDepth` or larger than
/// `maximumNameTreeNodes` is refused.
enum PDFNameTree {
    struct Leaf: Sendable {
        var key: [UInt8]
        var value: PDFObject
    }

    static func leaves(of root: PDFObject, in document: inout PDFDocument) throws(PDFError) -> [Leaf] {
        var leaves: [Leaf] = []
        var visited = Set<Int>()
        var nodes = 0
        try walk(root, depth: 0, document: &document, visited: &visited, nodes: &nodes, into: &leaves)
        return leaves
    }

    private static func walk(_ node: PDFObject, depth: Int, document: inout PDFDocument, visited: inout Set<Int>, nodes: inout Int, into leaves: inout [Leaf]) throws(PDFError) {
        let limits = document.limits
        guard depth <= limits.maximumNameTreeDepth else {
            throw PDFError(.limit, "the name tree is deeper than \(limits.maximumNameTreeDepth) levels", object: node.reference?.number)
        }
        nodes += 1
        guard nodes <= limits.maximumNameTreeNodes else {
            throw PDFError(.limit, "the name tree has more than \(limits.maximumNameTreeNodes) nodes")
        }
        if let reference = node.reference {
            guard visited.insert(reference.number).inserted else {
                throw PDFError(.cycle, "the name tree's /Kids lead back to node \(reference.number): the tree loops", object: reference.number)
            }
        }
        guard let dictionary = try document.resolve(node).dictionary else { return }
        if let names = try document.value("Names", in: dictionary)?.array {
            var index = 0
            while index + 1 < names.count {
                let key = try document.resolve(names[index])
                if let bytes = key.stringBytes {
                    leaves.append(Leaf(key: bytes, value: names[index + 1]))
                } else if let name = key.name {
                    leaves.append(Leaf(key: Array(name.utf8), value: names[index + 1]))
                }
                index += 2
            }
        }
        if let kids = try document.value("Kids", in: dictionary)?.array {
            for kid in kids {
                try walk(kid, depth: depth + 1, document: &document, visited: &visited, nodes: &nodes, into: &leaves)
            }
        }
    }
}
