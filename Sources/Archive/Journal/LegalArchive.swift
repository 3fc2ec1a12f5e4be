import Crypto
import Foundation

/// The legal archive: documents stored once by SHA-256, a hash-chained journal, signed seals.
///
/// One writer per archive: appends are serialized by this actor, and a file archive also holds an exclusive
/// `flock` on its folder so that a second process cannot interleave. Every `store` is durable when it returns:
/// the blob is fsynced and renamed first, then the journal line is appended and fsynced.
public actor LegalArchive {
    let storage: any ArchiveStorage
    let configuration: ArchiveConfiguration
    let isWriter: Bool
    let defaultKeyPath: String?

    private(set) var entries: [ArchiveEntry] = []
    private var byInvoice: [InvoiceKey: [Int]] = [:]
    private(set) var purged: Set<Int> = []
    private(set) var seals: [Seal] = []
    private(set) var publicKeys: [PublicKeyRecord] = []
    /// RFC 3161 tokens of seals, in `timestamps.jsonl` order.
    private(set) var timestampRecords: [TimestampRecord] = []
    private var signingKey: Curve25519.Signing.PrivateKey?
    /// Set when a write failed half-way: the on-disk state is no longer known, reopen the archive.
    private var isBroken = false
    /// Bytes cut from incomplete last lines when the archive was opened.
    public private(set) var repairedBytes: [ArchiveLog: Int] = [:]

    private struct InvoiceKey: Hashable {
        let tenant: String
        let invoiceID: String
    }

    /// Opens a file archive folder (created when missing).
    /// - Parameter writer: false opens it read-only, without the lock and without repairing anything.
    public static func open(
        directory: URL, configuration: ArchiveConfiguration = ArchiveConfiguration(), writer: Bool = true
    ) async throws -> LegalArchive {
        let storage = try FileArchiveStorage(directory: directory, writer: writer)
        do {
            return try await open(
                storage: storage, configuration: configuration, writer: writer,
                defaultKeyPath: storage.path("keys/signing-key.pem"))
        } catch {
            await storage.close()
            throw error
        }
    }

    /// Opens an archive on any storage. A writer first cuts incomplete last lines left by an interrupted write
    /// (they were never acknowledged) and journals a `recovery` entry saying so.
    public static func open(
        storage: any ArchiveStorage, configuration: ArchiveConfiguration, writer: Bool = true,
        defaultKeyPath: String? = nil
    ) async throws -> LegalArchive {
        var repaired: [ArchiveLog: Int] = [:]
        if writer {
            for log in ArchiveLog.allCases {
                let cut = try await storage.repairTornTail(of: log)
                if cut > 0 { repaired[log] = cut }
            }
        }
        let archive = LegalArchive(
            storage: storage, configuration: configuration, writer: writer, defaultKeyPath: defaultKeyPath)
        try await archive.load()
        if !repaired.isEmpty { try await archive.journalRecovery(repaired) }
        return archive
    }

    private init(storage: any ArchiveStorage, configuration: ArchiveConfiguration, writer: Bool, defaultKeyPath: String?) {
        self.storage = storage
        self.configuration = configuration
        self.isWriter = writer
        self.defaultKeyPath = defaultKeyPath
    }

    /// Releases the folder lock. The archive must not be used afterwards.
    public func close() async {
        await storage.close()
    }

    // MARK: reading

    public var count: Int { entries.count }
    public var lastEntry: ArchiveEntry? { entries.last }
    public var allSeals: [Seal] { seals }
    public var keyHistory: [PublicKeyRecord] { publicKeys }
    public var timestamps: [TimestampRecord] { timestampRecords }

    /// The entries of one invoice, in journal order. `tenant` nil: of every tenant.
    public func entries(invoice invoiceID: String, tenant: String? = nil) -> [ArchiveEntry] {
        if let tenant {
            return (byInvoice[InvoiceKey(tenant: tenant, invoiceID: invoiceID)] ?? []).map { entries[$0 - 1] }
        }
        return entries.filter { $0.invoiceID == invoiceID && !$0.kind.isArchiveNote }
    }

    public func entry(sequence: Int) -> ArchiveEntry? {
        entries.indices.contains(sequence - 1) ? entries[sequence - 1] : nil
    }

    /// All entries, in order (the in-memory copy loaded at open and kept up to date by this writer).
    public func allEntries() -> [ArchiveEntry] { entries }

    public func isPurged(_ sequence: Int) -> Bool { purged.contains(sequence) }

    /// The stored bytes of an entry's document.
    public func document(_ entry: ArchiveEntry) async throws -> Data {
        guard entry.hasDocument, !purged.contains(entry.sequence) else {
            throw ArchiveError.documentMissing(sequence: entry.sequence, sha256: entry.blobHash)
        }
        return try await storage.readBlob(entry.blobHash)
    }

    // MARK: writing

    /// Archives a document; returns once the blob and its journal entry are durable.
    @discardableResult
    public func store(_ document: Data, _ metadata: DocumentMetadata) async throws -> ArchiveEntry {
        try checkWritable()
        let sha256 = Digest.sha256(document)
        let retainUntil = configuration.retention.retainUntil(metadata.kind, archivedAt: configuration.clock())
        try await storage.writeBlob(document, sha256: sha256, retainUntil: retainUntil)
        return try await appendEntry(
            tenant: metadata.tenant, invoiceID: metadata.invoiceID, kind: metadata.kind, size: document.count,
            mediaType: metadata.mediaType, blobHash: sha256, note: metadata.note, purgedSequences: [])
    }

    /// Archives several documents with shared syncs (each blob is still fsynced; folders and the journal are
    /// fsynced once per batch). Returns once all are durable; the entries are consecutive, in the given order.
    @discardableResult
    public func store(batch documents: [(document: Data, metadata: DocumentMetadata)]) async throws -> [ArchiveEntry] {
        try checkWritable()
        let hashed = documents.map { (sha256: Digest.sha256($0.document), bytes: $0.document) }
        let now = configuration.clock()
        try await storage.writeBlobs(
            hashed, retainUntil: documents.map { configuration.retention.retainUntil($0.metadata.kind, archivedAt: now) })
        var lines: [[UInt8]] = []
        var made: [ArchiveEntry] = []
        var previous = entries.last?.hash ?? ArchiveEntry.genesisHash
        for (index, item) in documents.enumerated() {
            let (entry, line) = ArchiveEntry.sealed(
                sequence: entries.count + index + 1, previousHash: previous, tenant: item.metadata.tenant,
                invoiceID: item.metadata.invoiceID, kind: item.metadata.kind, timeMillis: now.millisecondsSince1970,
                retainUntilMillis: configuration.retention.retainUntil(item.metadata.kind, archivedAt: now)
                    .millisecondsSince1970,
                size: item.document.count, mediaType: item.metadata.mediaType, blobHash: hashed[index].sha256,
                note: item.metadata.note, purgedSequences: [])
            previous = entry.hash
            lines.append(line)
            made.append(entry)
        }
        guard !lines.isEmpty else { return [] }
        do {
            try await storage.append(lines, to: .journal)
        } catch {
            isBroken = true
            throw error
        }
        made.forEach(remember)
        return made
    }

    func appendEntry(
        tenant: String, invoiceID: String, kind: DocumentKind, size: Int, mediaType: String, blobHash: String,
        note: String, purgedSequences: [Int]
    ) async throws -> ArchiveEntry {
        let now = configuration.clock()
        let (entry, line) = ArchiveEntry.sealed(
            sequence: entries.count + 1, previousHash: entries.last?.hash ?? ArchiveEntry.genesisHash,
            tenant: tenant, invoiceID: invoiceID, kind: kind, timeMillis: now.millisecondsSince1970,
            retainUntilMillis: configuration.retention.retainUntil(kind, archivedAt: now).millisecondsSince1970,
            size: size, mediaType: mediaType, blobHash: blobHash, note: note, purgedSequences: purgedSequences)
        do {
            try await storage.append([line], to: .journal)
        } catch {
            isBroken = true
            throw error
        }
        remember(entry)
        return entry
    }

    func checkWritable() throws {
        guard isWriter else { throw ArchiveError.readOnly }
        guard !isBroken else { throw ArchiveError.corrupt("a write failed half-way; reopen the archive") }
    }

    func markBroken() { isBroken = true }

    func appendSeal(_ seal: Seal, newKey: PublicKeyRecord?) {
        seals.append(seal)
        if let newKey { publicKeys.append(newKey) }
    }

    func rememberKey(_ record: PublicKeyRecord) {
        publicKeys.append(record)
    }

    func appendTimestamp(_ record: TimestampRecord) { timestampRecords.append(record) }

    func currentSigningKey() throws -> Curve25519.Signing.PrivateKey {
        if let signingKey { return signingKey }
        if let given = configuration.signingKey {
            signingKey = given
            return given
        }
        guard let path = configuration.signingKeyPath ?? defaultKeyPath else {
            throw ArchiveError.badKey(path: "(none)", reason: "no signing key path configured")
        }
        let key = try SigningKeyFile.loadOrCreate(path: path)
        signingKey = key
        return key
    }

    // MARK: loading

    private func remember(_ entry: ArchiveEntry) {
        entries.append(entry)
        if entry.hasDocument {
            byInvoice[InvoiceKey(tenant: entry.tenant, invoiceID: entry.invoiceID), default: []].append(entry.sequence)
        }
        purged.formUnion(entry.purgedSequences)
    }

    private func load() async throws {
        let decoder = JSONDecoder()
        let journal = try await storage.read(.journal)
        for (index, line) in journal.lines.enumerated() {
            let parsed: JournalLine
            do {
                parsed = try JournalLine.parse(line, decoder: decoder, hashing: false)
            } catch {
                throw ArchiveError.corrupt("journal line \(index + 1) cannot be read")
            }
            guard parsed.entry.sequence == index + 1 else {
                throw ArchiveError.corrupt("journal line \(index + 1) holds sequence \(parsed.entry.sequence)")
            }
            remember(parsed.entry)
        }
        for (index, line) in try await storage.read(.seals).lines.enumerated() {
            do {
                seals.append(try SealLine.parse(line, decoder: decoder).seal)
            } catch {
                throw ArchiveError.corrupt("seal line \(index + 1) cannot be read")
            }
        }
        for (index, line) in try await storage.read(.publicKeys).lines.enumerated() {
            do {
                publicKeys.append(try PublicKeyRecord.parse(line, decoder: decoder))
            } catch {
                throw ArchiveError.corrupt("public key line \(index + 1) cannot be read")
            }
        }
        for (index, line) in try await storage.read(.timestamps).lines.enumerated() {
            do {
                timestampRecords.append(try TimestampRecord.parse(line, decoder: decoder))
            } catch {
                throw ArchiveError.corrupt("timestamp line \(index + 1) cannot be read")
            }
        }
    }

    private func journalRecovery(_ repaired: [ArchiveLog: Int]) async throws {
        repairedBytes = repaired
        let details = repaired.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.value) bytes cut from the end of \($0.key.rawValue)" }
            .joined(separator: "; ")
        _ = try await appendEntry(
            tenant: "", invoiceID: "", kind: .recovery, size: 0, mediaType: "", blobHash: "",
            note: "incomplete last line left by an interrupted write (never acknowledged): \(details)",
            purgedSequences: [])
    }
}
