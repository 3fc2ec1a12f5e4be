import Foundation

/// Errors of the archive. Each says what failed and how to fix it; none carries document content.
public enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process (or another `LegalArchive` in this one) holds the archive folder's lock.
    case locked(path: String)
    /// A system call failed.
    case io(operation: String, path: String, errno: Int32)
    /// The document may not be deleted yet.
    case retentionNotExpired(sequence: Int, retainUntil: Date)
    case noSuchEntry(sequence: Int)
    /// The blob of an entry is gone (purged, or lost: run `passerelle archive verify`).
    case documentMissing(sequence: Int, sha256: String)
    /// The journal or the seal log cannot be read back; `verify` names the place.
    case corrupt(String)
    /// The signing key file cannot be read.
    case badKey(path: String, reason: String)
    /// The archive was opened read-only.
    case readOnly
    /// An export file is not what `export` writes.
    case badExport(String)
    /// A seal is stored but could not be time-stamped (retried at the next seal or `archive timestamp`).
    case timestamp(seal: Int, reason: String)
    /// An S3 request failed (status and S3 error code in the text).
    case s3(String)
    /// Another node appended to this log first (S3 conditional write refused): reopen the archive.
    case concurrentWriter(log: String, line: Int)

    public var code: String {
        switch self {
        case .locked: "archive.locked"
        case .io: "archive.io"
        case .retentionNotExpired: "archive.retention"
        case .noSuchEntry: "archive.no-such-entry"
        case .documentMissing: "archive.document-missing"
        case .corrupt: "archive.corrupt"
        case .badKey: "archive.bad-key"
        case .readOnly: "archive.read-only"
        case .badExport: "archive.bad-export"
        case .timestamp: "archive.timestamp"
        case .s3: "archive.s3"
        case .concurrentWriter: "archive.concurrent-writer"
        }
    }

    public var description: String {
        switch self {
        case .locked(let path):
            "the archive at \(path) is in use by another process (lock held on archive.lock); stop it or use another folder"
        case .io(let operation, let path, let errno):
            "\(operation) failed on \(path): \(String(cString: strerror(errno))) (errno \(errno))"
        case .retentionNotExpired(let sequence, let retainUntil):
            "entry \(sequence) is under retention until \(retainUntil.ISO8601Format()); it cannot be deleted before"
        case .noSuchEntry(let sequence):
            "there is no entry \(sequence) in the journal"
        case .documentMissing(let sequence, let sha256):
            "the document of entry \(sequence) (sha256 \(sha256)) is not in the archive; run `passerelle archive verify`"
        case .corrupt(let detail):
            "the archive is damaged: \(detail); run `passerelle archive verify --full` to locate it"
        case .badKey(let path, let reason):
            "cannot use the signing key \(path): \(reason) (expected PEM PKCS#8 Ed25519 or a base64 32-byte seed)"
        case .readOnly:
            "the archive was opened read-only"
        case .badExport(let detail):
            "not a valid archive export: \(detail)"
        case .timestamp(let seal, let reason):
            "seal \(seal) is stored but has no RFC 3161 timestamp: \(reason); it is requested again at the next seal "
                + "or with `passerelle archive timestamp`"
        case .s3(let detail):
            "S3: \(detail)"
        case .concurrentWriter(let log, let line):
            "another writer already appended line \(line) of \(log) (the S3 conditional write was refused); "
                + "nothing was overwritten: reopen the archive to continue after its entries"
        }
    }
}
