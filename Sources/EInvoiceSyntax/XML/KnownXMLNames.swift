/// The usual CII and UBL element names (`KnownXMLNames.list`), decoded once per process. A document that names its
/// elements this way finds each name here on first sight instead of decoding it, splitting it and hashing its
/// local part (see `XMLCursor.internName`).
struct KnownXMLNames: Sendable {
    /// All names, one after the other; name `i` is `bytes[starts[i]..<starts[i] + counts[i]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    private let counts: [Int]
    private let hashes: [Int]
    private let slots: [Int32]
    let qualifiedNames: [String]
    let prefixes: [String?]
    let localNames: [String]
    /// `XMLCursor.nameHash` of each local name.
    let localHashes: [Int]

    static let shared = KnownXMLNames(list.joined())

    init(_ packed: String) {
        let bytes = Array(packed.utf8)
        var starts: [Int] = []
        var counts: [Int] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: " ") {
            if index > start {
                starts.append(start)
                counts.append(index - start)
            }
            start = index + 1
        }
        var hashes: [Int] = []
        var qualifiedNames: [String] = []
        var prefixes: [String?] = []
        var localNames: [String] = []
        var localHashes: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            for (start, count) in zip(starts, counts) {
                let range = start..<(start + count)
                hashes.append(XMLCursor.nameHash(buffer, range))
                qualifiedNames.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self))
                if let colon = range.first(where: { buffer[$0] == UInt8(ascii: ":") }) {
                    prefixes.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<colon]), as: UTF8.self))
                    localNames.append(
                        String(decoding: UnsafeBufferPointer(rebasing: buffer[(colon + 1)..<range.upperBound]), as: UTF8.self))
                    localHashes.append(XMLCursor.nameHash(buffer, (colon + 1)..<range.upperBound))
                } else {
                    prefixes.append(nil)
                    localNames.append(qualifiedNames[qualifiedNames.count - 1])
                    localHashes.append(XMLCursor.nameHash(buffer, range))
                }
            }
        }
        var slots = [Int32](repeating: -1, count: 4096)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
        self.bytes = bytes
        self.starts = starts
        self.counts = counts
        self.hashes = hashes
        self.slots = slots
        self.qualifiedNames = qualifiedNames
        self.prefixes = prefixes
        self.localNames = localNames
        self.localHashes = localHashes
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
}
