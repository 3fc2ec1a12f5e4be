/// The element and attribute names met in one document, each decoded once. An entry is found again from the
/// raw bytes of a tag (hashed, then compared byte for byte), so a repeated name costs no string work.
struct XMLNameCache {
    struct Entry {
        /// Where the name's bytes first appeared in the document.
        var start: Int
        var count: Int
        var hash: Int
        var qualifiedName: String
        /// The part before the first `:`, nil without one.
        var prefix: String?
        var localName: String
        /// As an attribute: `xmlns` declares the default namespace, `xmlns:p` declares `p`.
        var declaresDefault: Bool
        var declaredPrefix: String?
        /// `nameHash` of the local name, when known from `KnownXMLNames`.
        var localHash: Int?
        /// As an element, the namespace and name id it resolved to under `bindingsVersion` `resolvedVersion`.
        var namespace = ""
        var nameID: Int32 = -1
        var resolvedVersion = -1
    }

    var entries: [Entry] = []
    /// Hash, first offset and length of each entry, apart so that a lookup touches no strings.
    private(set) var keys: [(hash: Int, start: Int, count: Int)] = []
    private(set) var slots = [Int32](repeating: -1, count: 512)
    /// The distinct (namespace, local name) pairs of elements, in order of first use: the tree's `names`.
    private(set) var elementNames: [XMLTree.Name] = []
    /// Per name id, whether every element with it spells it with the same bytes (see `XMLTree.exactNames`).
    private(set) var exactNames: [Bool] = []
    /// Names are told apart as `String` compares them (canonical equivalence). ASCII names, which are all an
    /// invoice has, are found by a hash of their bytes: the namespace's index in `namespaces` and the local
    /// name's bytes. The few others are compared one by one with every name, since a non-ASCII name can equal
    /// an ASCII one (U+212A KELVIN SIGN is "K").
    private var namespaces: [(uri: String, ascii: Bool)] = []
    private var nameHashes: [Int] = []
    private var hashedNames: [Bool] = []
    private var nameSlots = [Int32](repeating: -1, count: 256)
    private var nonASCIINames: [Int32] = []

    /// The id of an element name. `localHash` hashes the local name's bytes and `localIsASCII` tells whether
    /// they are all ASCII (the cursor has the bytes at hand).
    mutating func nameID(namespace: String, localName: String, localHash: Int, localIsASCII: Bool) -> Int32 {
        let name = XMLTree.Name(namespace: namespace, localName: localName)
        let space = namespaceIndex(namespace)
        guard localIsASCII, namespaces[space].ascii else {
            if let id = elementNames.firstIndex(of: name) {
                if !Self.sameBytes(elementNames[id], name) { exactNames[id] = false }
                return Int32(id)
            }
            return add(name, hash: 0, ascii: false)
        }
        var hash = UInt64(bitPattern: Int64(localHash)) ^ (UInt64(space) &* 0x9E37_79B9_7F4A_7C15)
        hash = (hash ^ (hash >> 31)) &* 0xBF58_476D_1CE4_E5B9
        let key = Int(truncatingIfNeeded: hash ^ (hash >> 29))
        let mask = nameSlots.count - 1
        var slot = key & mask
        while nameSlots[slot] >= 0 {
            let id = Int(nameSlots[slot])
            if nameHashes[id] == key, elementNames[id] == name { return Int32(id) }
            slot = (slot + 1) & mask
        }
        for id in nonASCIINames where elementNames[Int(id)] == name {
            exactNames[Int(id)] = false
            return id
        }
        return add(name, hash: key, ascii: true)
    }

    private mutating func add(_ name: XMLTree.Name, hash: Int, ascii: Bool) -> Int32 {
        let id = Int32(elementNames.count)
        elementNames.append(name)
        exactNames.append(true)
        nameHashes.append(hash)
        hashedNames.append(ascii)
        if !ascii {
            nonASCIINames.append(id)
        } else if elementNames.count * 2 > nameSlots.count {
            nameSlots = [Int32](repeating: -1, count: nameSlots.count * 4)
            for existing in elementNames.indices where hashedNames[existing] { placeName(Int32(existing)) }
        } else {
            placeName(id)
        }
        return id
    }

    private mutating func placeName(_ id: Int32) {
        let mask = nameSlots.count - 1
        var slot = nameHashes[Int(id)] & mask
        while nameSlots[slot] >= 0 { slot = (slot + 1) & mask }
        nameSlots[slot] = id
    }

    private mutating func namespaceIndex(_ namespace: String) -> Int {
        if let index = namespaces.firstIndex(where: { $0.uri == namespace }) { return index }
        namespaces.append((namespace, namespace.utf8.allSatisfy { $0 < 0x80 }))
        return namespaces.count - 1
    }

    private static func sameBytes(_ a: XMLTree.Name, _ b: XMLTree.Name) -> Bool {
        a.localName.utf8.elementsEqual(b.localName.utf8) && a.namespace.utf8.elementsEqual(b.namespace.utf8)
    }

    mutating func insert(_ entry: Entry) -> Int32 {
        let index = Int32(entries.count)
        entries.append(entry)
        keys.append((entry.hash, entry.start, entry.count))
        if entries.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 4)
            for existing in entries.indices { place(Int32(existing)) }
        } else {
            place(index)
        }
        return index
    }

    private mutating func place(_ index: Int32) {
        let mask = slots.count - 1
        var slot = keys[Int(index)].hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = index
    }
}

extension XMLCursor {
    /// The cache entry of the name at `range`, created (and its bytes validated as UTF-8) on first sight.
    mutating func internName(_ range: Range<Int>) throws(XMLReadError) -> Int32 {
        let hash = nameHash(range)
        let mask = names.slots.count - 1
        var slot = hash & mask
        while true {
            let candidate = names.slots[slot]
            if candidate < 0 { break }
            let key = names.keys[Int(candidate)]
            if key.hash == hash, key.count == range.count, bytesEqual(key.start, range.lowerBound, count: range.count) {
                return candidate
            }
            slot = (slot + 1) & mask
        }
        let qualifiedName: String
        let prefix: String?
        let localName: String
        let declaresDefault: Bool
        let declaredPrefix: String?
        if let known = KnownXMLNames.shared.find(buffer, range, hash: hash) {
            let names = KnownXMLNames.shared
            return self.names.insert(
                XMLNameCache.Entry(
                    start: range.lowerBound, count: range.count, hash: hash, qualifiedName: names.qualifiedNames[known],
                    prefix: names.prefixes[known], localName: names.localNames[known], declaresDefault: false,
                    declaredPrefix: nil, localHash: names.localHashes[known]))
        } else if isASCII(range) {
            // Each byte is a character: the string operations below come down to these byte operations.
            qualifiedName = asciiString(range)
            if let colon = range.first(where: { buffer[$0] == UInt8(ascii: ":") }) {
                prefix = asciiString(range.lowerBound..<colon)
                localName = asciiString((colon + 1)..<range.upperBound)
            } else {
                prefix = nil
                localName = qualifiedName
            }
            declaresDefault = range.count == 5 && matches(range.lowerBound, "xmlns")
            declaredPrefix =
                range.count >= 6 && matches(range.lowerBound, "xmlns:")
                ? asciiString((range.lowerBound + 6)..<range.upperBound) : nil
        } else {
            qualifiedName = try string(range)
            (prefix, localName) = split(qualifiedName)
            declaresDefault = qualifiedName == "xmlns"
            declaredPrefix = !declaresDefault && qualifiedName.hasPrefix("xmlns:") ? String(qualifiedName.dropFirst(6)) : nil
        }
        return names.insert(
            XMLNameCache.Entry(
                start: range.lowerBound, count: range.count, hash: hash, qualifiedName: qualifiedName, prefix: prefix,
                localName: localName, declaresDefault: declaresDefault, declaredPrefix: declaredPrefix))
    }

    /// The namespace and name id of an element named by cache entry `entry`, resolved against the bindings in
    /// scope (and remembered until they change); nil when its prefix is not bound.
    mutating func resolveElement(_ entry: Int32) -> (namespace: String, nameID: Int32)? {
        let index = Int(entry)
        if names.entries[index].resolvedVersion == bindingsVersion {
            return (names.entries[index].namespace, names.entries[index].nameID)
        }
        let prefix = names.entries[index].prefix
        guard let namespace = resolve(prefix ?? "") ?? (prefix == nil ? "" : nil) else { return nil }
        let localName = names.entries[index].localName
        let nameID: Int32
        if let localHash = names.entries[index].localHash {
            // A known name: ASCII, its local hash computed once per process.
            nameID = names.nameID(namespace: namespace, localName: localName, localHash: localHash, localIsASCII: true)
        } else {
            let end = names.keys[index].start + names.keys[index].count
            let local = (end - localName.utf8.count)..<end
            nameID = names.nameID(
                namespace: namespace, localName: localName, localHash: nameHash(local), localIsASCII: isASCII(local))
        }
        names.entries[index].namespace = namespace
        names.entries[index].nameID = nameID
        names.entries[index].resolvedVersion = bindingsVersion
        return (namespace, nameID)
    }

    func nameHash(_ range: Range<Int>) -> Int { Self.nameHash(buffer, range) }

    /// Whether the bytes at `offset` spell `literal` (the caller checks they are in the buffer).
    func matches(_ offset: Int, _ literal: StaticString) -> Bool {
        let pointer = literal.utf8Start
        for index in 0..<literal.utf8CodeUnitCount where buffer[offset + index] != pointer[index] { return false }
        return true
    }

    func isASCII(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            if !Self.isASCII(word(at: index)) { return false }
            index += 8
        }
        while index < range.upperBound {
            if buffer[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Whether `count` bytes at `a` and at `b` of the document are equal (both ranges lie in the buffer).
    func bytesEqual(_ a: Int, _ b: Int, count: Int) -> Bool {
        a == b || Self.bytesEqual(buffer, a, buffer, b, count: count)
    }

    func resolve(_ prefix: String) -> String? {
        for binding in bindings.reversed() where binding.prefix == prefix { return binding.uri }
        return nil
    }

    func split(_ name: String) -> (prefix: String?, local: String) {
        guard let colon = name.firstIndex(of: ":") else { return (nil, name) }
        return (String(name[..<colon]), String(name[name.index(after: colon)...]))
    }
}
