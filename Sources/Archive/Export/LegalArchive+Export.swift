import Foundation

/// Which entries an export takes: documents archived in `[from, to)`, of one tenant or all.
public struct ExportSelection: Sendable, Hashable {
    public var from: Date
    public var to: Date
    public var tenant: String?

    public init(from: Date, to: Date, tenant: String? = nil) {
        self.from = from
        self.to = to
        self.tenant = tenant
    }

    func includes(_ entry: ArchiveEntry) -> Bool {
        !entry.kind.isArchiveNote && entry.timeMillis >= from.millisecondsSince1970
            && entry.timeMillis < to.millisecondsSince1970 && (tenant == nil || entry.tenant == tenant)
    }
}

public struct ExportSummary: Sendable, Hashable {
    public var entries: Int
    public var documents: Int
    public var purged: Int
    public var seals: Int
    /// Selected entries no seal covers yet (seal before exporting to avoid any).
    public var unsealed: Int
    /// RFC 3161 tokens exported (one per seal that has one).
    public var timestamps: Int = 0
}

extension LegalArchive {
    /// Writes one ZIP an auditor can check with `sha256sum` and `openssl` (see the README.txt it contains and
    /// docs/archive.md). Entries not yet sealed are exported and flagged `unsealed`; call `seal()` first to avoid.
    public func export(_ selection: ExportSelection, to url: URL) async throws -> ExportSummary {
        let journal = try await storage.read(.journal).lines
        let selected = allEntries().filter(selection.includes)
        var content = ExportContent(selection: selection, exportedAt: configuration.clock())
        for entry in selected {
            guard journal.indices.contains(entry.sequence - 1) else {
                throw ArchiveError.corrupt("journal line \(entry.sequence) is missing")
            }
            let seal = allSeals.first { $0.firstSequence <= entry.sequence && entry.sequence <= $0.lastSequence }
            content.add(entry, line: journal[entry.sequence - 1], seal: seal?.number, purged: isPurged(entry.sequence))
        }
        let usedSeals = allSeals.filter { content.sealNumbers.contains($0.number) }
        let sealLines = try await storage.read(.seals).lines
        let keys = keyHistory.filter { record in usedSeals.contains { $0.keyID == record.keyID } }

        var zip = try ZipWriter(creating: url, modified: content.exportedAt)
        let usedNumbers = Set(usedSeals.map(\.number))
        var tokens: [TimestampRecord] = []
        for record in timestamps where usedNumbers.contains(record.sealNumber) {
            if !tokens.contains(where: { $0.sealNumber == record.sealNumber }) { tokens.append(record) }
        }
        let tsaPEM = configuration.timestamping?.trust.pem
        try zip.add("README.txt", Data(ExportReadme.text(content, seals: usedSeals, timestamps: tokens,
                                                         hasTSACertificate: tsaPEM != nil).utf8))
        try zip.add("manifest.csv", Data(content.manifestCSV.utf8))
        try zip.add("manifest.json", try content.manifestJSON(seals: usedSeals))
        try zip.add("journal.jsonl", Data(content.journalLines.flatMap { $0 + [0x0a] }))
        try zip.add("SHA256SUMS", Data(content.checksums.utf8))
        var sealLog: [UInt8] = []
        for seal in usedSeals {
            guard sealLines.indices.contains(seal.number - 1), let signature = Hex.bytes(seal.signatureHex) else {
                throw ArchiveError.corrupt("seal \(seal.number) cannot be read back")
            }
            sealLog += sealLines[seal.number - 1] + [0x0a]
            let name = ExportContent.sealName(seal.number)
            try zip.add("seals/\(name).msg", Data(seal.signedMessage))
            try zip.add("seals/\(name).sig", Data(signature))
            let leaves = allEntries()[(seal.firstSequence - 1)..<seal.lastSequence].map { $0.hash + "\n" }.joined()
            try zip.add("seals/\(name).leaves", Data(leaves.utf8))
        }
        try zip.add("seals/seals.jsonl", Data(sealLog))
        if !tokens.isEmpty {
            try zip.add("timestamps/timestamps.jsonl", Data(tokens.flatMap { $0.line + [0x0a] }))
            for record in tokens {
                try zip.add("timestamps/\(ExportContent.sealName(record.sealNumber)).tst", Data(record.token))
            }
            if let tsaPEM { try zip.add("timestamps/tsa.pem", Data(tsaPEM.utf8)) }
        }
        try zip.add("keys/public-keys.jsonl", Data(keys.flatMap { $0.line + [0x0a] }))
        for key in keys {
            guard let pem = key.pem else { throw ArchiveError.corrupt("public key \(key.keyID) is not an Ed25519 key") }
            try zip.add("keys/\(key.keyID).pem", Data(pem.utf8))
        }
        for entry in content.documentEntries {
            try zip.add("documents/\(entry.blobHash)", try await storage.readBlob(entry.blobHash))
        }
        try zip.finish()
        return ExportSummary(
            entries: selected.count, documents: content.documentEntries.count, purged: content.purgedCount,
            seals: usedSeals.count, unsealed: content.unsealedCount, timestamps: tokens.count)
    }
}
