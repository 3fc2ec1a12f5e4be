/// The element and attribute names met in one document, each decoded once. An entry is found again from the
/// raw bytes of a tag (hashed, then compared byte for byte), so a repeated name costs no string work.
struct XMLNameCache {
    struct Entry {
        var qualifiedName: String
        /// The part before the first `:`, nil without one.
        var prefix: String?
        var localName: String
        /// As an attribute: `xmlns` declares the default namespace, `xmlns:p` declares `p`.
        var declaresDefault: Bool
        var declaredPrefix: String?
        /// Index in `KnownXMLNames` of the name spelled by these bytes, -1 for none.
        var known: Int32
        /// As an element, the namespace and name id it resolved to under `bindingsVersion` `resolvedVersion`.
        var namespace = ""
        var nameID: Int32 = -1
        var resolvedVersion = -1
    }

    var entries: [Entry] = []
    /// Hash, first offset and length of each entry, apart so that a lookup touches no strings.
    private(set) var keys: [(hash: Int, start: Int, count: Int)] = []
    private(set) var slots = [Int32](repeating: -1, count: 512)

    /// The document's names that are not common names (`XMLTree.otherNames`); name id `common + i` is `otherNames[i]`.
    private(set) var otherNames: [XMLTree.Name] = []
    /// False once some name is spelled in two canonically equivalent ways (see `XMLTree.namesAreExact`).
    var namesAreExact = true
    let common = Int32(KnownXMLNames.shared.names.count)
    /// Other names are told apart as `String` compares them. ASCII ones are found by a hash of the namespace's
    /// index in `namespaces` and the local name's bytes; the few others are compared with every name.
    private var namespaces: [(uri: String, ascii: Bool)] = []
    private var nameHashes: [Int] = []
    private var hashedNames: [Bool] = []
    private var nameSlots = [Int32](repeating: -1, count: 256)
    private var nonASCIINames: [Int32] = []

    init() {
        entries.reserveCapacity(128)
        keys.reserveCapacity(128)
    }

    /// The id of an element name that is not a common one. `localHash` hashes the local name's bytes and
    /// `localIsASCII` tells whether they are all ASCII (the cursor has the bytes at hand).
    mutating func otherNameID(namespace: String, localName: String, localHash: Int, localIsASCII: Bool) -> Int32 {
        let name = XMLTree.Name(namespace: namespace, localName: localName)
        let space = namespaceIndex(namespace)
        guard localIsASCII, namespaces[space].ascii else {
            if let index = otherNames.firstIndex(of: name) {
                if !Self.sameBytes(otherNames[index], name) { namesAreExact = false }
                return common + Int32(index)
            }
            return add(name, hash: 0, ascii: false)
        }
        var hash = UInt64(bitPattern: Int64(localHash)) ^ (UInt64(space) &* 0x9E37_79B9_7F4A_7C15)
        hash = (hash ^ (hash >> 31)) &* 0xBF58_476D_1CE4_E5B9
        let key = Int(truncatingIfNeeded: hash ^ (hash >> 29))
        let mask = nameSlots.count - 1
        var slot = key & mask
        while nameSlots[slot] >= 0 {
            let index = Int(nameSlots[slot])
            if nameHashes[index] == key, otherNames[index] == name { return common + Int32(index) }
            slot = (slot + 1) & mask
        }
        for index in nonASCIINames where otherNames[Int(index)] == name {
            namesAreExact = false
            return common + index
        }
        return add(name, hash: key, ascii: true)
    }

    private mutating func add(_ name: XMLTree.Name, hash: Int, ascii: Bool) -> Int32 {
        let index = Int32(otherNames.count)
        otherNames.append(name)
        nameHashes.append(hash)
        hashedNames.append(ascii)
        if !ascii {
            nonASCIINames.append(index)
        } else if otherNames.count * 2 > nameSlots.count {
            nameSlots = [Int32](repeating: -1, count: nameSlots.count * 4)
            for existing in otherNames.indices where hashedNames[existing] { placeName(Int32(existing)) }
        } else {
            placeName(index)
        }
        return common + index
    }

    private mutating func placeName(_ index: Int32) {
        let mask = nameSlots.count - 1
        var slot = nameHashes[Int(index)] & mask
        while nameSlots[slot] >= 0 { slot = (slot + 1) & mask }
        nameSlots[slot] = index
    }

    private mutating func namespaceIndex(_ namespace: String) -> Int {
        if let index = namespaces.firstIndex(where: { $0.uri == namespace }) {
            if !namespaces[index].uri.utf8.elementsEqual(namespace.utf8) { namesAreExact = false }
            return index
        }
        namespaces.append((namespace, namespace.utf8.allSatisfy { $0 < 0x80 }))
        return namespaces.count - 1
    }

    private static func sameBytes(_ a: XMLTree.Name, _ b: XMLTree.Name) -> Bool {
        a.localName.utf8.elementsEqual(b.localName.utf8) && a.namespace.utf8.elementsEqual(b.namespace.utf8)
    }

    mutating func insert(_ entry: Entry, hash: Int, start: Int, count: Int) -> Int32 {
        let index = Int32(entries.count)
        entries.append(entry)
        keys.append((hash, start, count))
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
        let known = KnownXMLNames.shared
        if let index = known.find(buffer, range, hash: hash) {
            return names.insert(
                XMLNameCache.Entry(
                    qualifiedName: known.qualifiedNames[index], prefix: known.prefixes[index],
                    localName: known.localNames[index], declaresDefault: false, declaredPrefix: nil, known: Int32(index)),
                hash: hash, start: range.lowerBound, count: range.count)
        }
        let qualifiedName: String
        let prefix: String?
        let localName: String
        let declaresDefault: Bool
        let declaredPrefix: String?
        if isASCII(range) {
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
                qualifiedName: qualifiedName, prefix: prefix, localName: localName, declaresDefault: declaresDefault,
                declaredPrefix: declaredPrefix, known: -1),
            hash: hash, start: range.lowerBound, count: range.count)
    }

    /// The namespace and name id of an element named by cache entry `entry`, resolved against the bindings in
    /// scope (and remembered until they change); nil when its prefix is not bound.
    mutating func resolveElement(_ entry: Int32) -> (namespace: String, nameID: Int32)? {
        let index = Int(entry)
        if names.entries[index].resolvedVersion == bindingsVersion {
            return (names.entries[index].namespace, names.entries[index].nameID)
        }
        let prefix = names.entries[index].prefix
        let lookup = prefix ?? ""
        var binding: Int?
        for position in bindings.indices.reversed() where bindings[position].prefix == lookup {
            binding = position
            break
        }
        let namespace: String
        let standard: Int
        if let binding {
            namespace = bindings[binding].uri
            standard = bindings[binding].standard
            if !bindings[binding].exact { names.namesAreExact = false }
        } else {
            guard prefix == nil else { return nil }
            namespace = ""
            standard = -1
        }
        let nameID = elementNameID(entry: index, namespace: namespace, standard: standard)
        names.entries[index].namespace = namespace
        names.entries[index].nameID = nameID
        names.entries[index].resolvedVersion = bindingsVersion
        return (namespace, nameID)
    }

    /// The name id of an entry's local name in a namespace (`standard`: its index in `KnownXMLNames.namespaces`, -1
    /// when it is none of them): a common name's id when the pair is one, else one of the document's.
    private mutating func elementNameID(entry index: Int, namespace: String, standard: Int) -> Int32 {
        let known = KnownXMLNames.shared
        let knownIndex = Int(names.entries[index].known)
        // The usual spelling in its usual namespace: the common id, found with no string work at all.
        if knownIndex >= 0, known.namespaceIndexes[knownIndex] == standard { return Int32(knownIndex) }
        let localName = names.entries[index].localName
        let end = names.keys[index].start + names.keys[index].count
        let local = (end - localName.utf8.count)..<end
        let localHash = nameHash(local)
        let localIsASCII = isASCII(local)
        if standard >= 0 {
            if localIsASCII {
                if let common = known.find(namespace: standard, localName: localName, localHash: localHash) {
                    return Int32(common)
                }
            } else if let common = known.names.firstIndex(of: XMLTree.Name(namespace: namespace, localName: localName)) {
                // A non-ASCII spelling equal to a common (ASCII) name.
                names.namesAreExact = false
                return Int32(common)
            }
        }
        return names.otherNameID(namespace: namespace, localName: localName, localHash: localHash, localIsASCII: localIsASCII)
    }

    /// Adds a namespace binding declared on an element at `depth`.
    mutating func bind(_ prefix: String, to uri: String, depth: Int) {
        let length = uri.utf8.count
        var standard = -1
        for (index, namespace) in KnownXMLNames.namespaces.enumerated() where namespace == uri {
            standard = index
            break
        }
        let exact = standard < 0 || (KnownXMLNames.namespaces[standard].utf8.count == length
            && KnownXMLNames.namespaces[standard].utf8.withContiguousStorageIfAvailable { known in
                uri.utf8.withContiguousStorageIfAvailable { known.elementsEqual($0) } ?? false
            } == true)
        // The same URI, spelled by the literal: its string is shared by every element and never reference-counted.
        bindings.append((prefix, standard >= 0 && exact ? KnownXMLNames.namespaces[standard] : uri, depth, standard, exact))
        bindingsVersion += 1
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
