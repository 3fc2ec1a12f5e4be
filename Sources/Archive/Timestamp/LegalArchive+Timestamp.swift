import Foundation

extension LegalArchive {
    /// Seals that have no RFC 3161 token yet, in order.
    public func unstampedSeals() -> [Seal] {
        let stamped = Set(timestampRecords.map(\.sealNumber))
        return allSeals.filter { !stamped.contains($0.number) }
    }

    /// Requests a token from the configured TSA for every seal that has none, oldest first, checks it (imprint,
    /// nonce, genTime, CMS signature under the configured TSA certificate) and appends it to `timestamps.jsonl`.
    /// Returns the seal numbers stamped. Stops at the first failure with `ArchiveError.timestamp`; the tokens
    /// stored before it stay.
    @discardableResult
    public func timestampSeals() async throws -> [Int] {
        guard let settings = configuration.timestamping else { return [] }
        try checkWritable()
        let authority = TimestampAuthority(url: settings.authorityURL, timeout: settings.requestTimeout)
        var stamped: [Int] = []
        for seal in unstampedSeals() {
            guard let hash = Hex.bytes(seal.hash), hash.count == 32 else {
                throw ArchiveError.timestamp(seal: seal.number, reason: "its hash is not a SHA-256")
            }
            let request = TimestampRequest(sha256: hash)
            let token: [UInt8]
            do {
                token = try await authority.timestamp(request)
            } catch {
                throw ArchiveError.timestamp(seal: seal.number, reason: "\(error)")
            }
            let record = TimestampRecord(sealNumber: seal.number, sealHash: seal.hash,
                                         authorityURL: settings.authorityURL, nonceHex: request.nonceHex, token: token)
            if let finding = TimestampCheck.check(record, seal: seal, trust: settings.trust, tolerance: settings.tolerance) {
                throw ArchiveError.timestamp(
                    seal: seal.number, reason: "the TSA's token is not acceptable (\(finding.field): \(finding.found))")
            }
            do {
                try await storage.append([record.line], to: .timestamps)
            } catch {
                markBroken()
                throw error
            }
            appendTimestamp(record)
            stamped.append(seal.number)
        }
        return stamped
    }
}
