import Foundation

/// The append-only logs an archive keeps next to its blobs.
public enum ArchiveLog: String, Sendable, CaseIterable {
    /// `journal.jsonl`: one entry a line.
    case journal
    /// `seals.jsonl`: one seal a line.
    case seals
    /// `keys/public-keys.jsonl`: the public keys that signed seals, with the time each became valid.
    case publicKeys
    /// `timestamps.jsonl`: RFC 3161 tokens of seals, one a line.
    case timestamps
}

/// The complete lines of a log, and the length of an incomplete line at its end (an interrupted write).
public struct LogContent: Sendable {
    public var lines: [[UInt8]]
    public var tornTailBytes: Int
}

/// What a stored blob hashes to.
public struct BlobDigest: Sendable, Equatable {
    public var sha256: String
    public var size: Int
}

/// Where an archive keeps its bytes: the port a file system, a shared volume or S3 with Object Lock fills.
///
/// Invariants an implementation must keep:
/// - `writeBlob` returns only once the blob is durable under its hash; `append` only once the lines are durable.
///   The archive writes the blob first and the journal line after, so a journal line never points at nothing.
/// - Logs are append-only; `repairTornTail` may only cut an incomplete last line (one with no newline).
public protocol ArchiveStorage: Sendable {
    /// A human-readable location for messages ("/var/lib/passerelle/archive", "s3://bucket/prefix").
    var location: String { get }
    func writeBlob(_ bytes: Data, sha256: String) async throws
    /// The same, with the end of the document's retention: a storage with object locks (S3) locks it until then.
    func writeBlob(_ bytes: Data, sha256: String, retainUntil: Date?) async throws
    /// Several blobs at once; returns once all are durable (lets an implementation share its syncs).
    func writeBlobs(_ blobs: [(sha256: String, bytes: Data)]) async throws
    /// The same with each blob's end of retention (`retainUntil[i]` for `blobs[i]`).
    func writeBlobs(_ blobs: [(sha256: String, bytes: Data)], retainUntil: [Date]) async throws
    /// Hashes the stored bytes (streamed); nil when there is no such blob.
    func digestBlob(_ sha256: String) async throws -> BlobDigest?
    func readBlob(_ sha256: String) async throws -> Data
    func deleteBlob(_ sha256: String) async throws
    /// Appends lines (without their newline) and makes them durable.
    func append(_ lines: [[UInt8]], to log: ArchiveLog) async throws
    func read(_ log: ArchiveLog) async throws -> LogContent
    /// Cuts an incomplete last line; returns how many bytes were cut (0 when the log ends with a newline).
    func repairTornTail(of log: ArchiveLog) async throws -> Int
    /// A small named state file (`verified.json`); nil when absent.
    func readState(_ name: String) async throws -> Data?
    /// Replaces a state file atomically.
    func writeState(_ name: String, _ data: Data) async throws
    /// Releases locks and handles. The storage must not be used afterwards.
    func close() async
}

extension ArchiveStorage {
    public func writeBlobs(_ blobs: [(sha256: String, bytes: Data)]) async throws {
        for blob in blobs { try await writeBlob(blob.bytes, sha256: blob.sha256) }
    }

    /// Storages without locks ignore the retention.
    public func writeBlob(_ bytes: Data, sha256: String, retainUntil: Date?) async throws {
        try await writeBlob(bytes, sha256: sha256)
    }

    public func writeBlobs(_ blobs: [(sha256: String, bytes: Data)], retainUntil: [Date]) async throws {
        try await writeBlobs(blobs)
    }
}
