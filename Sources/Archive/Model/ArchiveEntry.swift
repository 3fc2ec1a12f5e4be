import Foundation

/// One line of the journal: a document (or a note the archive writes about itself), chained to the line before.
///
/// The entry's `hash` is the SHA-256 of its canonical serialization (see `CanonicalJSON` and docs/archive.md);
/// `previousHash` is the `hash` of the entry before it (64 zeros for the first one).
public struct ArchiveEntry: Sendable, Hashable, Codable {
    /// 1, 2, 3… with no gap.
    public var sequence: Int
    /// Hex SHA-256 of the previous entry (`ArchiveEntry.genesisHash` for sequence 1).
    public var previousHash: String
    public var tenant: String
    public var invoiceID: String
    public var kind: DocumentKind
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var timeMillis: Int64
    /// Milliseconds since 1970: the document may not be deleted before.
    public var retainUntilMillis: Int64
    /// Size of the document in bytes (0 for archive notes).
    public var size: Int
    public var mediaType: String
    /// Hex SHA-256 of the document; "" for archive notes.
    public var blobHash: String
    /// Free text: the reason of a recovery, the details of a purge.
    public var note: String
    /// For a purge entry: the sequences whose documents it removed.
    public var purgedSequences: [Int]
    /// Hex SHA-256 of the canonical serialization of all the fields above.
    public var hash: String

    public static let genesisHash = String(repeating: "0", count: 64)

    public var time: Date { Date(millisecondsSince1970: timeMillis) }
    public var retainUntil: Date { Date(millisecondsSince1970: retainUntilMillis) }
    public var hasDocument: Bool { !blobHash.isEmpty }
}

/// What the caller says about a document it stores.
public struct DocumentMetadata: Sendable, Hashable {
    public var tenant: String
    public var invoiceID: String
    public var kind: DocumentKind
    public var mediaType: String
    /// Free text kept in the entry (optional).
    public var note: String

    public init(tenant: String, invoiceID: String, kind: DocumentKind, mediaType: String, note: String = "") {
        self.tenant = tenant
        self.invoiceID = invoiceID
        self.kind = kind
        self.mediaType = mediaType
        self.note = note
    }
}

extension Date {
    init(millisecondsSince1970 millis: Int64) {
        self.init(timeIntervalSince1970: Double(millis) / 1000)
    }

    var millisecondsSince1970: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded(.down))
    }
}
