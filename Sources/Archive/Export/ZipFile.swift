import Foundation

/// A minimal ZIP (PKWARE APPNOTE 6.3) writer and reader for exports: entries are STORED (method 0, no
/// compression), names in UTF-8 (flag bit 11), no ZIP64 — so at most 65,535 files and 4 GiB per export.
///
/// ZIPFoundation was the plan, but its Linux `CZlib` module map clashes with this package's own `CZlib`
/// (used by FacturX) in the `passerelle` executable ("redefinition of module 'CZlib'"). Stored entries need no
/// zlib, and `unzip`, `bsdtar`, Python's zipfile and every desktop tool read them.
struct ZipWriter {
    private let handle: FileHandle
    private let path: String
    private var offset: UInt64 = 0
    private var central: [UInt8] = []
    private var count = 0
    private let dosTime: UInt16
    private let dosDate: UInt16

    init(creating url: URL, modified: Date) throws {
        path = url.path
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw ArchiveError.io(operation: "create", path: url.path, errno: errno)
        }
        handle = try FileHandle(forWritingTo: url)
        (dosTime, dosDate) = Self.dos(modified)
    }

    mutating func add(_ name: String, _ data: Data) throws {
        guard count < 0xFFFF, offset + UInt64(data.count) + 1024 < 0xFFFF_FFFF, data.count < 0xFFFF_FFFF else {
            throw ArchiveError.badExport("too large for a ZIP without ZIP64 (65,535 files, 4 GiB): narrow the dates")
        }
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(data)
        var local = ZipBytes()
        local.u32(0x0403_4b50)
        local.u16(20)
        local.u16(0x0800)
        local.u16(0)
        local.u16(dosTime)
        local.u16(dosDate)
        local.u32(crc)
        local.u32(UInt32(data.count))
        local.u32(UInt32(data.count))
        local.u16(UInt16(nameBytes.count))
        local.u16(0)
        local.bytes.append(contentsOf: nameBytes)

        var entry = ZipBytes()
        entry.u32(0x0201_4b50)
        entry.u16(0x031E)  // made by: UNIX, spec 3.0
        entry.u16(20)
        entry.u16(0x0800)
        entry.u16(0)
        entry.u16(dosTime)
        entry.u16(dosDate)
        entry.u32(crc)
        entry.u32(UInt32(data.count))
        entry.u32(UInt32(data.count))
        entry.u16(UInt16(nameBytes.count))
        entry.u16(0)
        entry.u16(0)
        entry.u16(0)
        entry.u16(0)
        entry.u32(UInt32(0o100644) << 16)
        entry.u32(UInt32(offset))
        entry.bytes.append(contentsOf: nameBytes)
        central.append(contentsOf: entry.bytes)

        try handle.write(contentsOf: local.bytes)
        try handle.write(contentsOf: data)
        offset += UInt64(local.bytes.count + data.count)
        count += 1
    }

    /// Writes the central directory, fsyncs and closes the file.
    mutating func finish() throws {
        var end = ZipBytes()
        end.u32(0x0605_4b50)
        end.u16(0)
        end.u16(0)
        end.u16(UInt16(count))
        end.u16(UInt16(count))
        end.u32(UInt32(central.count))
        end.u32(UInt32(offset))
        end.u16(0)
        try handle.write(contentsOf: central)
        try handle.write(contentsOf: end.bytes)
        try handle.synchronize()
        try handle.close()
    }

    private static func dos(_ date: Date) -> (UInt16, UInt16) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = max((parts.year ?? 1980) - 1980, 0)
        let time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
        let day = UInt16(year << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
        return (time, day)
    }
}

/// Reads a ZIP whose entries are stored (what `ZipWriter` writes); checks each entry's CRC-32.
struct ZipReader {
    private(set) var files: [String: Data] = [:]
    private(set) var names: [String] = []

    init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        let bytes = [UInt8](data)
        guard bytes.count >= 22 else { throw ArchiveError.badExport("not a ZIP file") }
        var end = bytes.count - 22
        while end >= 0, Self.u32(bytes, end) != 0x0605_4b50 { end -= 1 }
        guard end >= 0 else { throw ArchiveError.badExport("no ZIP end-of-central-directory record") }
        let total = Int(Self.u16(bytes, end + 10))
        var cursor = Int(Self.u32(bytes, end + 16))
        for _ in 0..<total {
            guard cursor + 46 <= bytes.count, Self.u32(bytes, cursor) == 0x0201_4b50 else {
                throw ArchiveError.badExport("damaged ZIP central directory")
            }
            let method = Self.u16(bytes, cursor + 10)
            let crc = Self.u32(bytes, cursor + 16)
            let size = Int(Self.u32(bytes, cursor + 20))
            let nameLength = Int(Self.u16(bytes, cursor + 28))
            let extraLength = Int(Self.u16(bytes, cursor + 30))
            let commentLength = Int(Self.u16(bytes, cursor + 32))
            let local = Int(Self.u32(bytes, cursor + 42))
            guard cursor + 46 + nameLength <= bytes.count else { throw ArchiveError.badExport("damaged ZIP entry name") }
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            cursor += 46 + nameLength + extraLength + commentLength
            guard method == 0 else {
                throw ArchiveError.badExport("\(name) is compressed; exports store their files uncompressed")
            }
            guard local + 30 <= bytes.count, Self.u32(bytes, local) == 0x0403_4b50 else {
                throw ArchiveError.badExport("damaged ZIP local header of \(name)")
            }
            let start = local + 30 + Int(Self.u16(bytes, local + 26)) + Int(Self.u16(bytes, local + 28))
            guard start + size <= bytes.count else { throw ArchiveError.badExport("\(name) is cut short") }
            let content = data.subdata(in: start..<(start + size))
            guard CRC32.checksum(content) == crc else { throw ArchiveError.badExport("\(name) fails its ZIP CRC-32") }
            files[name] = content
            names.append(name)
        }
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}

private struct ZipBytes {
    var bytes: [UInt8] = []

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xff))
        bytes.append(UInt8(value >> 8))
    }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xff)) }
    }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as ZIP uses it.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        data.withUnsafeBytes { buffer in
            for byte in buffer { crc = table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
