import Archive
import Foundation
import Gateway

/// The Gateway's ``ArchivePort`` over the legal archive: this node's journal under the shared root (see
/// ``ArchiveRoot``), written by one `LegalArchive` that holds the journal's lock while the process runs.
///
/// Idempotent by (tenant, invoice, kind, SHA-256) within this node's journal. ``entries(invoice:tenant:)`` also
/// reads the other nodes' journals (read-only, without their lock), so that the archive step can find a document
/// that another node archived before it died.
public actor NodeArchive: ArchivePort {
    public nonisolated let journal: String
    public nonisolated let root: URL
    let archive: LegalArchive

    /// What `serve` configures.
    public struct Settings: Sendable {
        public var root: URL
        public var node: String
        /// The Ed25519 seal key (PEM PKCS#8 or base64 seed); created (mode 0600) when the file does not exist.
        public var signingKeyPath: String
        public var retention: RetentionPolicy
        public var clock: @Sendable () -> Date

        public init(root: URL, node: String, signingKeyPath: String, retention: RetentionPolicy = RetentionPolicy(),
                    clock: @escaping @Sendable () -> Date = { Date() }) {
            self.root = root
            self.node = node
            self.signingKeyPath = signingKeyPath
            self.retention = retention
            self.clock = clock
        }
    }

    /// Why the archive cannot be opened; the message names the folder or the key.
    public struct OpenError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Opens (creating when missing) this node's journal, loads or creates the signing key and puts its public key
    /// in the journal's key history.
    public static func open(_ settings: Settings) async throws(OpenError) -> NodeArchive {
        guard ArchiveRoot.isValidNodeName(settings.node) else {
            throw OpenError(description: "\"\(settings.node)\" is not a node name (1-64 of A-Z a-z 0-9 . _ -)")
        }
        let folder = ArchiveRoot.folder(of: settings.node, in: settings.root)
        do {
            try FileManager.default.createDirectory(at: ArchiveRoot.nodesFolder(settings.root),
                                                    withIntermediateDirectories: true)
        } catch {
            let folder = ArchiveRoot.nodesFolder(settings.root).path
            throw OpenError(description: "\(folder) cannot be created (\(error.localizedDescription))")
        }
        do {
            _ = try SigningKeyFile.loadOrCreate(path: settings.signingKeyPath)
        } catch {
            throw OpenError(description: "the seal signing key \(settings.signingKeyPath): \(error)")
        }
        let configuration = ArchiveConfiguration(
            retention: settings.retention, signingKeyPath: settings.signingKeyPath, clock: settings.clock)
        do {
            let archive = try await LegalArchive.open(directory: folder, configuration: configuration, writer: true)
            do {
                try await archive.recordSigningKey()
            } catch {
                await archive.close()
                throw error
            }
            return NodeArchive(journal: settings.node, root: settings.root, archive: archive)
        } catch let error as ArchiveError {
            if case .locked = error {
                throw OpenError(description: "the journal \(folder.path) is in use by another process: each process "
                    + "needs its own node name (its own data_dir, or archive.node)")
            }
            throw OpenError(description: "\(folder.path): \(error)")
        } catch {
            throw OpenError(description: "\(folder.path): \(error)")
        }
    }

    init(journal: String, root: URL, archive: LegalArchive) {
        self.journal = journal
        self.root = root
        self.archive = archive
    }

    /// Releases the journal's lock. Seal first (``seal()``) to leave nothing unsealed.
    public func close() async {
        await archive.close()
    }

    public func archive(_ documents: [ArchiveRequest]) async throws -> [ArchiveReceipt] {
        guard let first = documents.first else { return [] }
        var existing: [String: ArchiveEntry] = [:]
        for entry in await archive.entries(invoice: first.invoiceID.rawValue, tenant: first.tenant.rawValue) {
            let key = "\(entry.kind.rawValue)\u{0}\(entry.blobHash)"
            if existing[key] == nil { existing[key] = entry }
        }
        var batch: [(document: Data, metadata: DocumentMetadata)] = []
        var seen: Set<String> = []
        for document in documents {
            let key = "\(document.kind)\u{0}\(document.sha256)"
            guard existing[key] == nil, seen.insert(key).inserted else { continue }
            batch.append((Data(document.bytes), DocumentMetadata(
                tenant: document.tenant.rawValue, invoiceID: document.invoiceID.rawValue,
                kind: Archive.DocumentKind(document.kind), mediaType: document.mediaType)))
        }
        for entry in try await archive.store(batch: batch) {
            existing["\(entry.kind.rawValue)\u{0}\(entry.blobHash)"] = entry
        }
        return try documents.map { document in
            guard let entry = existing["\(document.kind)\u{0}\(document.sha256)"] else {
                throw OpenError(description: "the archive stored \(document.kind) with another SHA-256 than the "
                    + "gateway computed (\(document.sha256))")
            }
            return receipt(entry, journal: journal)
        }
    }

    public func entries(invoice: InvoiceID, tenant: TenantID) async throws -> [ArchiveReceipt] {
        var found = await archive.entries(invoice: invoice.rawValue, tenant: tenant.rawValue)
            .map { receipt($0, journal: journal) }
        for node in ArchiveRoot.nodes(in: root) where node != journal {
            let other = try await LegalArchive.open(
                directory: ArchiveRoot.folder(of: node, in: root), configuration: ArchiveConfiguration(), writer: false)
            found += await other.entries(invoice: invoice.rawValue, tenant: tenant.rawValue)
                .map { receipt($0, journal: node) }
        }
        return found
    }

    @discardableResult
    public func seal() async throws -> ArchiveSealInfo? {
        try await archive.seal().map { ArchiveRootReader.info($0, journal: journal) }
    }

    public func seals(covering locations: [ArchiveLocation]) async throws -> [ArchiveLocation: ArchiveSealInfo] {
        let own = locations.filter { $0.journal == journal }
        var found = try await ArchiveRootReader(root: root).seals(covering: locations.filter { $0.journal != journal })
        let seals = await archive.allSeals
        for location in own {
            if let seal = ArchiveRootReader.seal(covering: location.sequence, in: seals) {
                found[location] = ArchiveRootReader.info(seal, journal: journal)
            }
        }
        return found
    }

    private nonisolated func receipt(_ entry: ArchiveEntry, journal: String) -> ArchiveReceipt {
        ArchiveReceipt(
            location: ArchiveLocation(journal: journal, sequence: entry.sequence), tenant: TenantID(entry.tenant),
            invoiceID: InvoiceID(entry.invoiceID), kind: entry.kind.rawValue, sha256: entry.blobHash,
            entryHash: entry.hash, archivedAt: entry.time, retainUntil: entry.retainUntil)
    }

}
