/// The usual CII and UBL element names (`KnownXMLNames.qualifiedList`), ready once per process.
///
/// Each is known by its usual qualified name (`ram:ID`), which a document using the usual prefixes spells byte for
/// byte, and by its (namespace, local name) pair, which is what makes it the same name in every document: it has the
/// same name id in every `XMLTree` (`XMLTree.commonNames`). See `XMLCursor.internName` and `resolveElement`.
final class KnownXMLNames: Sendable {
    /// The namespaces of the usual prefixes, in the order of `prefixes`.
    static let namespaces = [
        Namespaces.ciiRSM, Namespaces.ciiRAM, Namespaces.ciiUDT, Namespaces.ciiQDT, Namespaces.ublCBC,
        Namespaces.ublCAC, Namespaces.ublInvoice, Namespaces.ublCreditNote,
    ]
    static let prefixes = ["rsm", "ram", "udt", "qdt", "cbc", "cac"]

    /// All qualified names, one after the other; name `i` is `bytes[starts[i]..<starts[i] + counts[i]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    private let counts: [Int]
    private let hashes: [Int]
    private let slots: [Int32]
    /// Per name, by (namespace index, local name hash).
    private let pairHashes: [Int]
    private let pairSlots: [Int32]
    let qualifiedNames: [String]
    let prefixes: [String?]
    let localNames: [String]
    /// `XMLCursor.nameHash` of each local name.
    let localHashes: [Int]
    /// Index of each name's namespace in `KnownXMLNames.namespaces`.
    let namespaceIndexes: [Int]
    /// (namespace, local name) of each, in id order.
    let names: [XMLTree.Name]

    static let shared = KnownXMLNames(qualifiedNames: qualifiedList, localNames: localList)

    /// `qualifiedNames[i]` is `prefix:localNames[i]`, or `localNames[i]` for the unprefixed UBL roots.
    init(qualifiedNames: [String], localNames: [String]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var counts: [Int] = []
        for name in qualifiedNames {
            starts.append(bytes.count)
            counts.append(name.utf8.count)
            bytes.append(contentsOf: name.utf8)
        }
        var hashes: [Int] = []
        var prefixes: [String?] = []
        var localHashes: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            for (start, count) in zip(starts, counts) {
                let range = start..<(start + count)
                hashes.append(XMLCursor.nameHash(buffer, range))
                if let colon = range.first(where: { buffer[$0] == UInt8(ascii: ":") }) {
                    prefixes.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<colon]), as: UTF8.self))
                    localHashes.append(XMLCursor.nameHash(buffer, (colon + 1)..<range.upperBound))
                } else {
                    prefixes.append(nil)
                    localHashes.append(XMLCursor.nameHash(buffer, range))
                }
            }
        }
        // The usual prefixes name their namespaces; the two unprefixed names are the UBL roots.
        let namespaceIndexes = zip(prefixes, localNames).map { prefix, local in
            if let prefix { return Self.prefixes.firstIndex(of: prefix) ?? 0 }
            return local == "CreditNote" ? 7 : 6
        }
        let pairHashes = zip(namespaceIndexes, localHashes).map { Self.pairHash(namespace: $0, localHash: $1) }
        self.bytes = bytes
        self.starts = starts
        self.counts = counts
        self.hashes = hashes
        self.slots = Self.slots(hashes)
        self.pairHashes = pairHashes
        self.pairSlots = Self.slots(pairHashes)
        self.qualifiedNames = qualifiedNames
        self.prefixes = prefixes
        self.localNames = localNames
        self.localHashes = localHashes
        self.namespaceIndexes = namespaceIndexes
        names = zip(namespaceIndexes, localNames).map { XMLTree.Name(namespace: Self.namespaces[$0], localName: $1) }
    }

    private static func slots(_ hashes: [Int]) -> [Int32] {
        var slots = [Int32](repeating: -1, count: 4096)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
        return slots
    }

    static func pairHash(namespace: Int, localHash: Int) -> Int {
        var hash = UInt64(bitPattern: Int64(localHash)) ^ (UInt64(namespace) &* 0x9E37_79B9_7F4A_7C15)
        hash = (hash ^ (hash >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// The index of the name spelled by `range` of `buffer` (whose `nameHash` is `hash`), nil when it is not known.
    func find(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: Int) -> Int? {
        let mask = slots.count - 1
        var slot = hash & mask
        return bytes.withUnsafeBufferPointer { known in
            while true {
                let candidate = Int(slots[slot])
                if candidate < 0 { return nil }
                if hashes[candidate] == hash, counts[candidate] == range.count,
                    XMLCursor.bytesEqual(known, starts[candidate], buffer, range.lowerBound, count: range.count)
                {
                    return candidate
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The index of the name with this namespace (index in `namespaces`) and this ASCII local name, nil when none.
    func find(namespace: Int, localName: String, localHash: Int) -> Int? {
        let hash = Self.pairHash(namespace: namespace, localHash: localHash)
        let mask = pairSlots.count - 1
        var slot = hash & mask
        while true {
            let candidate = Int(pairSlots[slot])
            if candidate < 0 { return nil }
            if pairHashes[candidate] == hash, namespaceIndexes[candidate] == namespace, localNames[candidate] == localName {
                return candidate
            }
            slot = (slot + 1) & mask
        }
    }
}
