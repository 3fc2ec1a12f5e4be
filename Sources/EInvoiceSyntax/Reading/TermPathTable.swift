import Synchronization

/// From term paths (`BG-25[2]/BT-131`) to element indexes, as the readers record them: a hash table on the paths'
/// bytes, several times cheaper to fill and to query than a `Dictionary<String, Int>` (whose hashing is built to
/// resist chosen keys; these keys are our own). Keys compare as `String` does: term paths are ASCII and found by
/// their hash; any other key is compared with every other non-ASCII key and, when looked up, with every key.
struct TermPathTable: Sendable {
    private struct Entry {
        var key: String
        /// The key's element, nil once the key is removed.
        var value: Int?
        /// `asciiHash` of the key; 0 for keys that are not ASCII.
        var hash: Int
    }

    private var entries: [Entry] = []
    private var slots = [Int32](repeating: -1, count: 256)
    /// Keys that are not ASCII: they are kept out of `slots` and compared one by one.
    private var nonASCIIKeys: [Int] = []

    init() {}

    init(_ dictionary: [String: Int]) {
        for (key, value) in dictionary { self[key] = value }
    }

    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
        var size = slots.count
        while size < count * 2 { size *= 2 }
        if size > slots.count { rehash(size) }
    }

    subscript(path: String) -> Int? {
        get { find(path, hash: Self.asciiHash(path)).flatMap { entries[$0].value } }
        set {
            let hash = Self.asciiHash(path)
            if let index = find(path, hash: hash) {
                entries[index].value = newValue
            } else if let newValue {
                add(path, newValue, hash: hash)
            }
        }
    }

    /// `self[path] = value` when `self[path]` is nil.
    mutating func recordIfAbsent(_ path: String, _ value: Int) {
        let hash = Self.asciiHash(path)
        if let index = find(path, hash: hash) {
            if entries[index].value == nil { entries[index].value = value }
        } else {
            add(path, value, hash: hash)
        }
    }

    /// Every key still present, with its element.
    var dictionary: [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(entries.count)
        for entry in entries {
            if let value = entry.value { result[entry.key] = value }
        }
        return result
    }

    private func find(_ path: String, hash: Int?) -> Int? {
        guard let hash else { return entries.firstIndex { $0.key == path } }
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if entries[index].hash == hash, entries[index].key == path { return index }
            slot = (slot + 1) & mask
        }
        // An ASCII path can still equal a key spelled otherwise (U+212A KELVIN SIGN is "K").
        return nonASCIIKeys.isEmpty ? nil : nonASCIIKeys.first { entries[$0].key == path }
    }

    private mutating func add(_ path: String, _ value: Int, hash: Int?) {
        let index = entries.count
        entries.append(Entry(key: path, value: value, hash: hash ?? 0))
        guard hash != nil else {
            nonASCIIKeys.append(index)
            return
        }
        if (entries.count - nonASCIIKeys.count) * 2 > slots.count {
            rehash(slots.count * 2)
        } else {
            place(index)
        }
    }

    private mutating func rehash(_ size: Int) {
        slots = [Int32](repeating: -1, count: size)
        var next = 0
        for index in entries.indices {
            if next < nonASCIIKeys.count, nonASCIIKeys[next] == index {
                next += 1
                continue
            }
            place(index)
        }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = entries[index].hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    /// A hash of an ASCII string's length and bytes, eight at a time; nil when it is not ASCII.
    static func asciiHash(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
            var index = 0
            let raw = UnsafeRawBufferPointer(bytes)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { return nil }
                hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 29
                index += 8
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 { return nil }
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
                index += 1
            }
            return Int(truncatingIfNeeded: hash ^ (hash >> 31))
        }
    }
}

/// A finished term path table, shared by the copies of a `ParsedInvoice`; the `Dictionary` view that
/// `ParsedInvoice.sourceMap` offers is built on first use.
final class SourcePaths: Sendable {
    let table: TermPathTable
    private let cache = Mutex<[String: Int]?>(nil)

    init(_ table: TermPathTable) {
        self.table = table
    }

    var dictionary: [String: Int] {
        cache.withLock { cached in
            if let cached { return cached }
            let built = table.dictionary
            cached = built
            return built
        }
    }
}
