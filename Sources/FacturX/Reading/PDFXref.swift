/// Where an object lives, as a cross-reference entry says.
enum PDFXrefEntry: Sendable, Equatable {
    /// Deleted (or never used): the object is null.
    case free
    /// At a byte offset of the file.
    case offset(Int, generation: Int)
    /// The `index`-th object of the object stream `stream`.
    case compressed(stream: Int, index: Int)
}

/// One cross-reference subsection, read lazily: a classic table keeps where its fixed-width entries are and
/// reads one only when asked; a cross-reference stream keeps its decoded rows.
enum PDFXrefSection: Sendable {
    /// `count` entries for objects `first…`, `stride` bytes each, starting at byte `start` of the file.
    case table(first: Int, count: Int, start: Int, stride: Int)
    /// Entries parsed one by one from an irregular table.
    case parsed(first: Int, entries: [PDFXrefEntry?])
    /// Rows of a cross-reference stream: `count` objects from `first`, rows of widths `widths` starting at
    /// `rowOffset` in `data`.
    case stream(first: Int, count: Int, rowOffset: Int, widths: [Int], data: [UInt8])
    /// Objects found by scanning the file (reconstruction).
    case scanned([Int: PDFXrefEntry])

    func contains(_ number: Int) -> Bool {
        switch self {
        case let .table(first, count, _, _), let .stream(first, count, _, _, _):
            number >= first && number - first < count
        case let .parsed(first, entries):
            number >= first && number - first < entries.count
        case let .scanned(map):
            map[number] != nil
        }
    }

    /// The entry for `number`; nil when this section does not describe it or its entry is unreadable.
    func entry(_ number: Int, in file: [UInt8]) -> PDFXrefEntry? {
        switch self {
        case let .table(first, count, start, stride):
            guard number >= first, number - first < count else { return nil }
            return Self.tableEntry(in: file, at: start + (number - first) * stride)
        case let .parsed(first, entries):
            guard number >= first, number - first < entries.count else { return nil }
            return entries[number - first]
        case let .stream(first, count, rowOffset, widths, data):
            guard number >= first, number - first < count else { return nil }
            let rowWidth = widths.reduce(0, +)
            var offset = rowOffset + (number - first) * rowWidth
            guard offset + rowWidth <= data.count else { return nil }
            var fields = [0, 0, 0]
            for (index, width) in widths.enumerated() {
                var value = 0
                for _ in 0..<width {
                    value = (value << 8) | Int(data[offset])
                    offset += 1
                }
                fields[index] = value
            }
            let type = widths[0] == 0 ? 1 : fields[0]
            switch type {
            case 0: return .free
            case 1: return .offset(fields[1], generation: fields[2])
            case 2: return .compressed(stream: fields[1], index: fields[2])
            default: return .free  // unknown types are null objects (§7.5.8.3)
            }
        case let .scanned(map):
            return map[number]
        }
    }

    /// Reads a classic 20-byte entry `oooooooooo ggggg n`; nil when the bytes are not one.
    static func tableEntry(in file: [UInt8], at offset: Int) -> PDFXrefEntry? {
        guard offset >= 0, offset + 18 <= file.count else { return nil }
        var byteOffset = 0
        for index in offset..<(offset + 10) {
            let byte = file[index]
            guard PDFBytes.isDigit(byte) else { return nil }
            byteOffset = byteOffset * 10 + Int(byte - 0x30)
        }
        var generation = 0
        for index in (offset + 11)..<(offset + 16) {
            let byte = file[index]
            guard PDFBytes.isDigit(byte) else { return nil }
            generation = generation * 10 + Int(byte - 0x30)
        }
        switch file[offset + 17] {
        case UInt8(ascii: "n"): return .offset(byteOffset, generation: generation)
        case UInt8(ascii: "f"): return .free
        default: return nil
        }
    }
}

/// The cross-reference data of a file: sections newest first (an incremental update's sections come before
/// the ones it updates), and the trailer of the newest one.
struct PDFXref: Sendable {
    var sections: [PDFXrefSection]
    var trailer: PDFDictionary
    /// Whether the file was rebuilt by scanning (the xref was unusable).
    var reconstructed: Bool

    /// The entry for `number` from the newest section that describes it.
    func entry(_ number: Int, in file: [UInt8]) -> PDFXrefEntry? {
        for section in sections {
            if let entry = section.entry(number, in: file) { return entry }
        }
        return nil
    }

    /// Every object number some section describes as in use (for the checker's full walk).
    func allObjectNumbers(in file: [UInt8]) -> [Int] {
        var numbers = Set<Int>()
        for section in sections {
            switch section {
            case let .table(first, count, _, _), let .stream(first, count, _, _, _):
                numbers.formUnion(first..<(first + count))
            case let .parsed(first, entries):
                numbers.formUnion(first..<(first + entries.count))
            case let .scanned(map):
                numbers.formUnion(map.keys)
            }
        }
        return numbers.sorted().filter { number in
            if case .free = entry(number, in: file) ?? .free { return false }
            return true
        }
    }
}
