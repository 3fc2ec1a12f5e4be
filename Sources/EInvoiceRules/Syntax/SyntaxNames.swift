import EInvoiceSyntax

/// The element and attribute names a syntax table mentions, each with a small integer id, so that the
/// rules match nodes by comparing integers. A document's nodes are looked up once (`SyntaxDocument`).
struct SyntaxNames: Sendable {
    private var elements = NameTable()
    private var attributes = NameTable()

    var count: Int32 { elements.count }
    var attributeCount: Int32 { attributes.count }
    /// The local name of each element-name id.
    var localNames: [String] { elements.localNames }

    /// The id of an element name, created on first use.
    mutating func intern(namespace: String, localName: String) -> Int32 {
        elements.intern(namespace: namespace, localName: localName)
    }

    func id(namespace: String, localName: String) -> Int32? {
        elements.id(namespace: namespace, localName: localName)
    }

    /// The id of each common name (`XMLTree.commonNames`), -1 for those the table never names.
    func commonIDs() -> [Int32] { elements.commonIDs() }

    /// The id of an attribute name (attributes in no namespace), created on first use.
    mutating func internAttribute(_ localName: String) -> Int32 {
        attributes.intern(namespace: "", localName: localName)
    }

    func attributeID(_ localName: String) -> Int32? { attributes.id(namespace: "", localName: localName) }
}

/// An open-addressing hash table from (namespace, local name) to a dense id. The hash reads the length
/// and the first and last eight bytes of the name, and the full hash is compared before the strings:
/// cheaper than a `Dictionary<String, _>` for the lookup every element of every document needs.
struct NameTable: Sendable {
    private var slots = [Int32](repeating: -1, count: 16)
    private var hashes: [Int] = []
    private(set) var namespaces: [String] = []
    private(set) var localNames: [String] = []
    private(set) var count: Int32 = 0

    mutating func intern(namespace: String, localName: String) -> Int32 {
        if let id = id(namespace: namespace, localName: localName) { return id }
        let id = count
        count += 1
        localNames.append(localName)
        namespaces.append(namespace)
        hashes.append(Self.hash(localName))
        if Int(count) * 4 > slots.count { rehash(capacity: slots.count * 4) } else { place(id) }
        return id
    }

    func id(namespace: String, localName: String) -> Int32? {
        let hash = Self.hash(localName)
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                var slot = hash & mask
                while true {
                    let candidate = slots[slot]
                    if candidate < 0 { return nil }
                    let index = Int(candidate)
                    if hashes[index] == hash, localNames[index] == localName, namespaces[index] == namespace {
                        return candidate
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func place(_ id: Int32) {
        let mask = slots.count - 1
        var slot = hashes[Int(id)] & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func rehash(capacity: Int) {
        slots = [Int32](repeating: -1, count: capacity)
        for id in 0..<count { place(id) }
    }

    static func hash(_ text: String) -> Int {
        func mix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
            let head = min(bytes.count, 8)
            for index in 0..<head { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
            for index in max(head, bytes.count - 8)..<bytes.count { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
            return Int(truncatingIfNeeded: hash ^ (hash >> 31))
        }
        if let hash = text.utf8.withContiguousStorageIfAvailable(mix) { return hash }
        return Array(text.utf8).withUnsafeBufferPointer(mix)
    }
}

/// A table's ids for a document's name ids (-1 for names the table does not have): those of the common names
/// (`XMLTree.commonNames`) come with the table, the document's other names are looked up per document.
struct DocumentNameIDs {
    let common: [Int32]
    let others: [Int32]

    subscript(_ nameID: Int32) -> Int32 {
        Int(nameID) < common.count ? common[Int(nameID)] : others[Int(nameID) - common.count]
    }
}

extension NameTable {
    /// The id of each common name (`XMLTree.commonNames`, all ASCII), -1 for those the table does not have.
    func commonIDs() -> [Int32] {
        XMLTree.commonNames.map { id(namespace: $0.namespace, localName: $0.localName) ?? -1 }
    }

    /// This table's ids for a document's names, given the table's `commonIDs()`. Names compare as `String` does:
    /// an ASCII name is found by its hash; any other is compared with every name of the table (a non-ASCII name
    /// can equal an ASCII one, as U+212A KELVIN SIGN equals "K").
    func documentIDs(_ tree: XMLTree, common: [Int32]) -> DocumentNameIDs {
        DocumentNameIDs(common: common, others: tree.otherNames.map(exactID))
    }

    /// The id of a name as `String` compares names, -1 when the table does not have it.
    func exactID(_ name: XMLTree.Name) -> Int32 {
        if Self.isASCII(name.localName) && Self.isASCII(name.namespace) {
            return id(namespace: name.namespace, localName: name.localName) ?? -1
        }
        for index in 0..<Int(count) where localNames[index] == name.localName && namespaces[index] == name.namespace {
            return Int32(index)
        }
        return -1
    }

    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }
}
