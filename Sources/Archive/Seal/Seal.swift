import Foundation

/// A signed statement that entries `firstSequence…lastSequence` have Merkle root `merkleRoot`, chained to the seal
/// before it. One line of `seals.jsonl`, members in this order:
/// `seal, prevSeal, firstSeq, lastSeq, lastEntryHash, root, time, keyId, signature, hash`.
///
/// - The SIGNED MESSAGE is the canonical object of the members `seal` … `keyId` (`{"seal":1,…,"keyId":"…"}`).
/// - `signature` is the 64-byte Ed25519 signature of that message, in lower-case hex.
/// - `hash` is the SHA-256 of the canonical object `seal` … `signature` (the line without its `hash` member);
///   the next seal's `prevSeal` is that hash.
public struct Seal: Sendable, Hashable {
    public var number: Int
    public var previousSealHash: String
    public var firstSequence: Int
    public var lastSequence: Int
    /// The `hash` of entry `lastSequence`: ties the seal to the journal's chain.
    public var lastEntryHash: String
    public var merkleRoot: String
    public var timeMillis: Int64
    public var keyID: String
    public var signatureHex: String
    public var hash: String

    public static let genesisHash = String(repeating: "0", count: 64)

    public var time: Date { Date(millisecondsSince1970: timeMillis) }

    /// The exact bytes that are signed.
    public var signedMessage: [UInt8] { messageObject.closed }

    var messageObject: CanonicalJSON {
        var object = CanonicalJSON()
        object.add("seal", number)
        object.add("prevSeal", previousSealHash)
        object.add("firstSeq", firstSequence)
        object.add("lastSeq", lastSequence)
        object.add("lastEntryHash", lastEntryHash)
        object.add("root", merkleRoot)
        object.add("time", timeMillis)
        object.add("keyId", keyID)
        return object
    }

    var canonicalBody: CanonicalJSON {
        var object = messageObject
        object.add("signature", signatureHex)
        return object
    }

    /// The line to append, with `hash` filled in.
    mutating func line() -> [UInt8] {
        let (line, hash) = HashedLine.line(body: canonicalBody)
        self.hash = hash
        return line
    }
}

/// A seal read back from `seals.jsonl`, with the hash recomputed from the stored bytes.
struct SealLine {
    let seal: Seal
    let computedHash: String

    private struct Fields: Decodable {
        let seal: Int
        let prevSeal: String
        let firstSeq: Int
        let lastSeq: Int
        let lastEntryHash: String
        let root: String
        let time: Int64
        let keyId: String
        let signature: String
    }

    static func parse(_ bytes: [UInt8], decoder: JSONDecoder) throws -> SealLine {
        guard let split = HashedLine(bytes) else { throw JournalLine.Problem.noHashMember }
        let fields: Fields
        do {
            fields = try decoder.decode(Fields.self, from: Data(bytes))
        } catch {
            throw JournalLine.Problem.notAnEntry(String(describing: error))
        }
        let seal = Seal(
            number: fields.seal, previousSealHash: fields.prevSeal, firstSequence: fields.firstSeq,
            lastSequence: fields.lastSeq, lastEntryHash: fields.lastEntryHash, merkleRoot: fields.root,
            timeMillis: fields.time, keyID: fields.keyId, signatureHex: fields.signature, hash: split.claimedHash)
        return SealLine(seal: seal, computedHash: split.computedHash)
    }
}
