/// The absolute element paths (from the root element, by name id) that rules evaluated on the root
/// element ask about, as a trie. Once a document's elements are placed in it, "does the invoice contain
/// cac:InvoicePeriod/cbc:StartTime?" is an array read instead of a walk.
struct PathTrie: Sendable {
    /// Children of each node as (name id, node) pairs sorted by name id. Node 0 stands above the root element.
    private(set) var children: [[(name: Int32, node: Int32)]] = [[]]
    /// Root element names seen so far, by name id; a path is registered under each of them.
    private(set) var rootNames: [Int32] = []
    /// For each registered path, its node under each root name (same order as `rootNames`).
    private(set) var paths: [[Int32]] = []
    private var pending: [[Int32]] = []
    private var registered: [[Int32]: Int32] = [:]

    var nodeCount: Int { children.count }

    /// Declares a root element name (e.g. ubl:Invoice). Call before `register`.
    mutating func addRoot(_ name: Int32) {
        guard !rootNames.contains(name) else { return }
        rootNames.append(name)
        for (index, path) in pending.enumerated() {
            paths[index].append(insert([name] + path))
        }
    }

    /// Inserts an absolute path of names (root element first) and returns its node.
    mutating func registerAbsolute(_ names: [Int32]) -> Int32 { insert(names) }

    /// Registers a relative path of child names and returns its id.
    mutating func register(_ names: [Int32]) -> Int32 {
        if let existing = registered[names] { return existing }
        pending.append(names)
        paths.append(rootNames.map { insert([$0] + names) })
        let id = Int32(paths.count - 1)
        registered[names] = id
        return id
    }

    private mutating func insert(_ names: [Int32]) -> Int32 {
        var node: Int32 = 0
        for name in names {
            if let next = children[Int(node)].first(where: { $0.name == name })?.node {
                node = next
                continue
            }
            let created = Int32(children.count)
            children.append([])
            var list = children[Int(node)]
            let position = list.firstIndex { $0.name > name } ?? list.count
            list.insert((name, created), at: position)
            children[Int(node)] = list
            node = created
        }
        return node
    }

    /// The children of every node in one array: those of node `n` are at `flatStart[n]..<flatStart[n + 1]`,
    /// sorted by name. Built by `freeze()` once every path is in.
    private var flatStart: [Int32] = [0, 0]
    private var flatNames: [Int32] = []
    private var flatNodes: [Int32] = []

    /// For each registered path, its node under each root name, flat: `flatPaths[path * rootNames.count + root]`.
    private(set) var flatPaths: [Int32] = []

    mutating func freeze() {
        flatPaths = paths.flatMap { $0 }
        flatStart = [0]
        flatNames = []
        flatNodes = []
        for list in children {
            for entry in list {
                flatNames.append(entry.name)
                flatNodes.append(entry.node)
            }
            flatStart.append(Int32(flatNames.count))
        }
    }

    /// The child of a trie node for a name, by binary search.
    func child(of node: Int32, _ name: Int32) -> Int32? {
        var low = Int(flatStart[Int(node)])
        var high = Int(flatStart[Int(node) + 1])
        while low < high {
            let middle = (low + high) / 2
            let candidate = flatNames[middle]
            if candidate == name { return flatNodes[middle] }
            if candidate < name { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
