import Foundation

/// Checks `timestamps.jsonl` against the verified seals: each token's seal hash, imprint (SHA-256 of the seal),
/// nonce, genTime (not before the seal's time minus the tolerance) and CMS signature under the trusted TSA
/// certificate; and, when required, that every seal from a number on has a token.
struct TimestampScan {
    let lines: [[UInt8]]
    let seals: [Seal]
    let verification: TimestampVerification
    let decoder: JSONDecoder
    private(set) var checked = 0
    private(set) var failure: VerificationFailure?
    private(set) var notes: [String] = []

    init(lines: [[UInt8]], seals: [Seal], verification: TimestampVerification, decoder: JSONDecoder) {
        self.lines = lines
        self.seals = seals
        self.verification = verification
        self.decoder = decoder
    }

    mutating func run() {
        var stamped: Set<Int> = []
        for (index, line) in lines.enumerated() {
            guard let record = try? TimestampRecord.parse(line, decoder: decoder) else {
                failure = VerificationFailure(place: .file("timestamps.jsonl line \(index + 1)"), field: "line",
                    expected: "a timestamp record", found: "unreadable", explanation: "timestamps.jsonl was altered")
                return
            }
            guard seals.indices.contains(record.sealNumber - 1) else {
                failure = VerificationFailure(place: .seal(record.sealNumber), field: "timestamp",
                    expected: "a seal \(record.sealNumber)", found: "no such seal",
                    explanation: "a token stamps a seal the archive does not have")
                return
            }
            let seal = seals[record.sealNumber - 1]
            if let finding = TimestampCheck.check(record, seal: seal, trust: verification.trust,
                                                  tolerance: verification.tolerance) {
                failure = VerificationFailure(place: .seal(seal.number), field: finding.field,
                    expected: finding.expected, found: finding.found, explanation: finding.explanation)
                return
            }
            stamped.insert(seal.number)
            checked += 1
        }
        let missing = seals.map(\.number).filter { !stamped.contains($0) }
        if let from = verification.requiredFromSeal, let first = missing.first(where: { $0 >= from }) {
            failure = VerificationFailure(place: .seal(first), field: "timestamp", expected: "an RFC 3161 token",
                found: "none", explanation: "every seal from \(from) on must be time-stamped")
            return
        }
        if !missing.isEmpty {
            notes.append("\(missing.count) seal(s) have no RFC 3161 timestamp (first: seal \(missing[0]))")
        }
        if verification.trust == nil, checked > 0 {
            notes.append("timestamps checked against the certificate each token carries only: give the TSA "
                + "certificate (--tsa-cert) to check who signed them")
        }
    }
}
