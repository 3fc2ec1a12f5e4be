import Foundation

/// One stored document handed to the legal archive, with what the archive records about it.
public struct ArchiveRequest: Sendable, Hashable {
    public var tenant: TenantID
    public var invoiceID: InvoiceID
    /// The document's kind as the archive journals it (`original`, `cii`, `ubl`, `facturx`; later `cdar`…).
    public var kind: String
    public var mediaType: String
    public var bytes: [UInt8]
    /// SHA-256 of `bytes`, lowercase hex: how the archive and the gateway recognise the document.
    public var sha256: String

    public init(tenant: TenantID, invoiceID: InvoiceID, kind: String, mediaType: String, bytes: [UInt8],
                sha256: String) {
        self.tenant = tenant
        self.invoiceID = invoiceID
        self.kind = kind
        self.mediaType = mediaType
        self.bytes = bytes
        self.sha256 = sha256
    }

    public init(_ document: StoredDocument) {
        self.init(tenant: document.tenant, invoiceID: document.invoiceID, kind: document.kind.rawValue,
                  mediaType: document.mediaType, bytes: document.bytes, sha256: document.sha256)
    }
}

/// Where an archived document's journal entry is: which journal (one per node) and which sequence in it.
public struct ArchiveLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The journal's name: the node that writes it (see docs/archive.md, "In the pipeline").
    public var journal: String
    /// 1, 2, 3… within that journal.
    public var sequence: Int

    public init(journal: String, sequence: Int) {
        self.journal = journal
        self.sequence = sequence
    }

    public var description: String { "\(journal)#\(sequence)" }
}

/// A document's entry in the archive, as the gateway keeps it.
public struct ArchiveReceipt: Sendable, Hashable {
    public var location: ArchiveLocation
    public var tenant: TenantID
    public var invoiceID: InvoiceID
    public var kind: String
    /// SHA-256 of the document (lowercase hex).
    public var sha256: String
    /// The journal entry's own hash (it chains the journal and is a leaf of its seal).
    public var entryHash: String
    public var archivedAt: Date
    /// The document may not be deleted before.
    public var retainUntil: Date

    public init(location: ArchiveLocation, tenant: TenantID, invoiceID: InvoiceID, kind: String, sha256: String,
                entryHash: String, archivedAt: Date, retainUntil: Date) {
        self.location = location
        self.tenant = tenant
        self.invoiceID = invoiceID
        self.kind = kind
        self.sha256 = sha256
        self.entryHash = entryHash
        self.archivedAt = archivedAt
        self.retainUntil = retainUntil
    }
}

/// The signed seal that covers a journal entry.
public struct ArchiveSealInfo: Sendable, Hashable, Codable {
    public var journal: String
    /// The seal's number in its journal's seal chain.
    public var number: Int
    public var sealedAt: Date
    /// The seal line's hash (covers the Merkle root and the signature).
    public var hash: String
    /// The Ed25519 key that signed it (first 16 hex digits of the SHA-256 of the public key).
    public var keyID: String

    public init(journal: String, number: Int, sealedAt: Date, hash: String, keyID: String) {
        self.journal = journal
        self.number = number
        self.sealedAt = sealedAt
        self.hash = hash
        self.keyID = keyID
    }
}

/// Which seal covers an archive entry: what a timeline needs from the archive (a reader of the archive folder can
/// answer it without being the journal's writer).
public protocol ArchiveSealLookup: Sendable {
    /// The seals covering these entries (absent: not sealed yet).
    func seals(covering locations: [ArchiveLocation]) async throws -> [ArchiveLocation: ArchiveSealInfo]
}

/// The legal archive as the Gateway sees it. The executable fills it with the `Archive` module's `LegalArchive`
/// (module `GatewayArchive`); the Gateway never imports the archive itself.
///
/// Contract: ``archive(_:)`` is idempotent by (tenant, invoice, kind, sha256) — a document that already has an
/// entry in the journal this port writes is not journaled a second time; its existing entry is returned.
public protocol ArchivePort: ArchiveSealLookup {
    /// The journal this process writes (its node's name).
    var journal: String { get }
    /// Archives the documents (all of one invoice), each exactly once; returns their entries in the same order.
    func archive(_ documents: [ArchiveRequest]) async throws -> [ArchiveReceipt]
    /// The entries of an invoice already in any journal under the archive root, this node's and the other
    /// nodes' (after a crash another node may have archived a document and died before its database commit).
    func entries(invoice: InvoiceID, tenant: TenantID) async throws -> [ArchiveReceipt]
    /// Seals this node's journal (the entries since its last seal); returns the new seal, nil when nothing was new.
    @discardableResult
    func seal() async throws -> ArchiveSealInfo?
}
