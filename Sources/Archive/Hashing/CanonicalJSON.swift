/// The one serialization the archive hashes and signs: a JSON object written on one line, members in a fixed order,
/// no white space, integers in decimal, strings in UTF-8 with only `"` `\` and U+0000…U+001F escaped
/// (`\"`, `\\`, `\u00xx` with lower-case hex). Nothing else is escaped (not `/`, not non-ASCII).
///
/// Anyone can recompute a hash from the stored line itself: see docs/archive.md.
struct CanonicalJSON {
    private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var isFirst = true

    init() {}

    mutating func add(_ name: String, _ value: String) {
        key(name)
        Self.appendString(value, to: &bytes)
    }

    mutating func add(_ name: String, _ value: Int) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func add(_ name: String, _ value: Int64) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func add(_ name: String, _ values: [Int]) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: String(value).utf8)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// The object closed: `{…}`.
    var closed: [UInt8] { bytes + [UInt8(ascii: "}")] }

    private mutating func key(_ name: String) {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        isFirst = false
        Self.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(contentsOf: Array(Hex.string([byte]).utf8))
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// A stored line `{…,"hash":"<64 hex>"}` split into the bytes that were hashed and the hash it claims.
///
/// The hashed bytes are the line without its last member: everything before `,"hash":"` followed by `}`.
struct HashedLine {
    let body: [UInt8]
    let claimedHash: String

    private static let marker = Array(",\"hash\":\"".utf8)

    init?(_ line: some Collection<UInt8>) {
        let bytes = Array(line)
        // ,"hash":" + 64 hex + "}
        let tail = Self.marker.count + 64 + 2
        guard bytes.count > tail, bytes.last == UInt8(ascii: "}"), bytes[bytes.count - 2] == UInt8(ascii: "\"") else {
            return nil
        }
        let markerStart = bytes.count - tail
        guard Array(bytes[markerStart..<(markerStart + Self.marker.count)]) == Self.marker else { return nil }
        let hashBytes = bytes[(markerStart + Self.marker.count)..<(bytes.count - 2)]
        claimedHash = String(decoding: hashBytes, as: UTF8.self)
        body = Array(bytes[0..<markerStart]) + [UInt8(ascii: "}")]
    }

    var computedHash: String { Digest.sha256(body) }

    /// `body` with `,"hash":"…"}` appended in place of its closing brace.
    static func line(body object: CanonicalJSON) -> (line: [UInt8], hash: String) {
        let hash = Digest.sha256(object.closed)
        var with = object
        with.add("hash", hash)
        return (with.closed, hash)
    }
}
