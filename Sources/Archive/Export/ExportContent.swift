import Foundation

/// The manifest side of an export: rows, checksums and the journal slice, built entry by entry.
struct ExportContent {
    let selection: ExportSelection
    let exportedAt: Date
    private(set) var rows: [Row] = []
    private(set) var journalLines: [[UInt8]] = []
    /// One entry per distinct stored document.
    private(set) var documentEntries: [ArchiveEntry] = []
    private(set) var sealNumbers: Set<Int> = []
    private var documentHashes: Set<String> = []

    struct Row: Encodable {
        let sequence: Int
        let time: String
        let tenant: String
        let invoice: String
        let kind: String
        let mediaType: String
        let size: Int
        let sha256: String
        let entryHash: String
        let retainUntil: String
        /// The seal number covering the entry; nil when unsealed.
        let seal: Int?
        /// `documents/<sha256>`, or "" when purged.
        let file: String
        /// "sealed", "unsealed" or "purged".
        let status: String
    }

    init(selection: ExportSelection, exportedAt: Date) {
        self.selection = selection
        self.exportedAt = exportedAt
    }

    var purgedCount: Int { rows.filter { $0.status == "purged" }.count }
    var unsealedCount: Int { rows.filter { $0.seal == nil }.count }

    static func sealName(_ number: Int) -> String {
        let digits = String(number)
        return "seal-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    mutating func add(_ entry: ArchiveEntry, line: [UInt8], seal: Int?, purged: Bool) {
        journalLines.append(line)
        if let seal { sealNumbers.insert(seal) }
        if !purged, documentHashes.insert(entry.blobHash).inserted { documentEntries.append(entry) }
        rows.append(Row(
            sequence: entry.sequence, time: entry.time.ISO8601Format(), tenant: entry.tenant,
            invoice: entry.invoiceID, kind: entry.kind.rawValue, mediaType: entry.mediaType, size: entry.size,
            sha256: entry.blobHash, entryHash: entry.hash, retainUntil: entry.retainUntil.ISO8601Format(), seal: seal,
            file: purged ? "" : "documents/\(entry.blobHash)", status: purged ? "purged" : seal == nil ? "unsealed" : "sealed"))
    }

    /// `sha256sum -c` format: `<hex>  <path>` (two spaces: binary-safe text mode).
    var checksums: String {
        documentEntries.map { "\($0.blobHash)  documents/\($0.blobHash)\n" }.joined()
    }

    var manifestCSV: String {
        var lines = ["sequence,time,tenant,invoice,kind,media_type,size,sha256,entry_hash,retain_until,seal,file,status"]
        for row in rows {
            let fields = [
                String(row.sequence), row.time, row.tenant, row.invoice, row.kind, row.mediaType, String(row.size),
                row.sha256, row.entryHash, row.retainUntil, row.seal.map(String.init) ?? "", row.file, row.status,
            ]
            lines.append(fields.map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func manifestJSON(seals: [Seal]) throws -> Data {
        struct Manifest: Encodable {
            let format: String
            let exportedAt: String
            let from: String
            let to: String
            let tenant: String?
            let entries: [Row]
            let seals: [SealRow]
        }
        struct SealRow: Encodable {
            let number: Int
            let firstSequence: Int
            let lastSequence: Int
            let merkleRoot: String
            let keyId: String
            let time: String
            let hash: String
        }
        let manifest = Manifest(
            format: "passerelle-archive-export/1", exportedAt: exportedAt.ISO8601Format(),
            from: selection.from.ISO8601Format(), to: selection.to.ISO8601Format(), tenant: selection.tenant,
            entries: rows,
            seals: seals.map {
                SealRow(number: $0.number, firstSequence: $0.firstSequence, lastSequence: $0.lastSequence,
                        merkleRoot: $0.merkleRoot, keyId: $0.keyID, time: $0.time.ISO8601Format(), hash: $0.hash)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(manifest)
    }
}
