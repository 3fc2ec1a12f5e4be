/// The first broken place `verify` found: where, which field, what it should be and what it is.
public struct VerificationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Place: Sendable, Hashable, CustomStringConvertible {
        /// Journal entry of this sequence (= its line number in journal.jsonl).
        case entry(Int)
        /// Seal of this number (= its line number in seals.jsonl).
        case seal(Int)
        /// Line of keys/public-keys.jsonl.
        case publicKey(Int)
        /// verified.json, the incremental state.
        case verifiedState
        /// A file of an export.
        case file(String)

        public var description: String {
            switch self {
            case .entry(let sequence): "entry \(sequence)"
            case .seal(let number): "seal \(number)"
            case .publicKey(let line): "public key line \(line)"
            case .verifiedState: "verified.json"
            case .file(let name): name
            }
        }
    }

    public var place: Place
    public var field: String
    public var expected: String
    public var found: String
    public var explanation: String

    public var sequence: Int? {
        if case .entry(let sequence) = place { return sequence }
        return nil
    }

    public var sealNumber: Int? {
        if case .seal(let number) = place { return number }
        return nil
    }

    public var description: String {
        "\(place), field \(field): expected \(expected), found \(found) — \(explanation)"
    }
}

/// What `verify` checked, and the first failure if any.
public struct VerificationReport: Sendable {
    public var failure: VerificationFailure?
    public var isFull: Bool
    /// Entries whose line was re-hashed and chained.
    public var entriesChecked = 0
    /// Entries before the last verified seal, skipped by an incremental run.
    public var entriesSkipped = 0
    public var documentsHashed = 0
    public var bytesHashed = 0
    /// Documents absent because a purge entry removed them (legitimately).
    public var purgedDocuments = 0
    public var sealsChecked = 0
    /// RFC 3161 tokens of seals checked.
    public var timestampsChecked = 0
    /// Entries after the last seal (checked, but not yet signed).
    public var unsealedEntries = 0
    /// Remarks that are not failures (an incomplete last line, a state file that could not be written…).
    public var notes: [String] = []

    public var isValid: Bool { failure == nil }

    public var summary: String {
        var lines: [String] = []
        if let failure {
            lines.append("FAILED at \(failure)")
        } else {
            lines.append("OK (\(isFull ? "full" : "incremental"))")
        }
        lines.append(
            "entries checked \(entriesChecked), skipped \(entriesSkipped) (verified before), unsealed \(unsealedEntries)")
        lines.append("documents hashed \(documentsHashed) (\(bytesHashed) bytes), purged \(purgedDocuments)")
        lines.append("seals checked \(sealsChecked), timestamps checked \(timestampsChecked)")
        lines.append(contentsOf: notes.map { "note: \($0)" })
        return lines.joined(separator: "\n")
    }
}

/// `verified.json`: the last seal a verification covered, for the next incremental run.
struct VerifiedState: Codable, Sendable {
    var sealNumber: Int
    var sealHash: String
    var lastSequence: Int
    var lastEntryHash: String
    var verifiedAtMillis: Int64

    static let fileName = "verified.json"
}
