import Foundation

/// An in-memory `ArchiveStorage` for fast tests of code that archives (the Gateway's, the Server's).
/// Nothing is durable; `tornTail` lets a test simulate an interrupted append.
public actor MemoryArchiveStorage: ArchiveStorage {
    private var blobs: [String: Data] = [:]
    private var logs: [ArchiveLog: [UInt8]] = [:]
    private var states: [String: Data] = [:]

    public nonisolated var location: String { "memory" }

    public init() {}

    public func writeBlob(_ bytes: Data, sha256: String) async throws {
        guard Hex.isSHA256(sha256) else { throw ArchiveError.corrupt("not a SHA-256: \(sha256)") }
        if blobs[sha256] == nil { blobs[sha256] = bytes }
    }

    public func digestBlob(_ sha256: String) async throws -> BlobDigest? {
        blobs[sha256].map { BlobDigest(sha256: Digest.sha256($0), size: $0.count) }
    }

    public func readBlob(_ sha256: String) async throws -> Data {
        guard let blob = blobs[sha256] else { throw ArchiveError.corrupt("blob \(sha256) is missing") }
        return blob
    }

    public func deleteBlob(_ sha256: String) async throws {
        blobs[sha256] = nil
    }

    public func append(_ lines: [[UInt8]], to log: ArchiveLog) async throws {
        for line in lines { logs[log, default: []] += line + [0x0a] }
    }

    public func read(_ log: ArchiveLog) async throws -> LogContent {
        let bytes = logs[log] ?? []
        var lines: [[UInt8]] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0a {
            lines.append(Array(bytes[start..<index]))
            start = index + 1
        }
        return LogContent(lines: lines, tornTailBytes: bytes.count - start)
    }

    public func repairTornTail(of log: ArchiveLog) async throws -> Int {
        let bytes = logs[log] ?? []
        guard let last = bytes.last, last != 0x0a else { return 0 }
        let keep = (bytes.lastIndex(of: 0x0a) ?? -1) + 1
        logs[log] = Array(bytes[0..<keep])
        return bytes.count - keep
    }

    public func readState(_ name: String) async throws -> Data? { states[name] }

    public func writeState(_ name: String, _ data: Data) async throws { states[name] = data }

    public func close() async {}

    /// Test hook: appends bytes without a newline, as an interrupted write would leave them.
    public func appendTornTail(_ bytes: [UInt8], to log: ArchiveLog) {
        logs[log, default: []] += bytes
    }

    /// Test hook: replaces a stored blob's bytes.
    public func overwriteBlob(_ sha256: String, with bytes: Data) {
        blobs[sha256] = bytes
    }
}
