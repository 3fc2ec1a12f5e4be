import Foundation

/// The journal line of an entry, member by member in this order:
/// `seq, prev, tenant, invoice, kind, time, retainUntil, size, mediaType, blob, note, purges, hash`.
extension ArchiveEntry {
    /// The canonical object without its `hash` member: the exact bytes whose SHA-256 is `hash`.
    var canonicalBody: CanonicalJSON {
        var object = CanonicalJSON()
        object.add("seq", sequence)
        object.add("prev", previousHash)
        object.add("tenant", tenant)
        object.add("invoice", invoiceID)
        object.add("kind", kind.rawValue)
        object.add("time", timeMillis)
        object.add("retainUntil", retainUntilMillis)
        object.add("size", size)
        object.add("mediaType", mediaType)
        object.add("blob", blobHash)
        object.add("note", note)
        object.add("purges", purgedSequences)
        return object
    }

    /// Builds the entry with its `hash` computed, and the line to append (without the trailing newline).
    static func sealed(
        sequence: Int, previousHash: String, tenant: String, invoiceID: String, kind: DocumentKind,
        timeMillis: Int64, retainUntilMillis: Int64, size: Int, mediaType: String, blobHash: String,
        note: String, purgedSequences: [Int]
    ) -> (entry: ArchiveEntry, line: [UInt8]) {
        var entry = ArchiveEntry(
            sequence: sequence, previousHash: previousHash, tenant: tenant, invoiceID: invoiceID, kind: kind,
            timeMillis: timeMillis, retainUntilMillis: retainUntilMillis, size: size, mediaType: mediaType,
            blobHash: blobHash, note: note, purgedSequences: purgedSequences, hash: "")
        let (line, hash) = HashedLine.line(body: entry.canonicalBody)
        entry.hash = hash
        return (entry, line)
    }
}

/// Reads journal lines back. The stored hash is kept as found; `JournalLine.computedHash` is recomputed from the bytes.
struct JournalLine {
    let entry: ArchiveEntry
    let computedHash: String

    private struct Fields: Decodable {
        let seq: Int
        let prev: String
        let tenant: String
        let invoice: String
        let kind: String
        let time: Int64
        let retainUntil: Int64
        let size: Int
        let mediaType: String
        let blob: String
        let note: String
        let purges: [Int]
        let hash: String
    }

    enum Problem: Error {
        /// The line does not end with `,"hash":"<64 hex>"}`.
        case noHashMember
        /// The line is not a JSON object with the journal's members.
        case notAnEntry(String)
    }

    /// - Parameter hashing: false to skip recomputing the hash (`computedHash` is then the stored one).
    static func parse(_ bytes: some Collection<UInt8>, decoder: JSONDecoder, hashing: Bool = true) throws -> JournalLine {
        guard let split = HashedLine(bytes) else { throw Problem.noHashMember }
        let fields: Fields
        do {
            fields = try decoder.decode(Fields.self, from: Data(bytes))
        } catch {
            throw Problem.notAnEntry(String(describing: error))
        }
        let entry = ArchiveEntry(
            sequence: fields.seq, previousHash: fields.prev, tenant: fields.tenant, invoiceID: fields.invoice,
            kind: DocumentKind(fields.kind), timeMillis: fields.time, retainUntilMillis: fields.retainUntil,
            size: fields.size, mediaType: fields.mediaType, blobHash: fields.blob, note: fields.note,
            purgedSequences: fields.purges, hash: split.claimedHash)
        return JournalLine(entry: entry, computedHash: hashing ? split.computedHash : split.claimedHash)
    }
}
