import Foundation

extension LegalArchive {
    /// Adds the configured signing key to the public-key history (valid from now) unless it is there already, so
    /// that a key is on record from the moment a process starts using it, not only from its first seal. Returns
    /// the key id.
    @discardableResult
    public func recordSigningKey() async throws -> String {
        try checkWritable()
        let key = try currentSigningKey()
        let keyID = SigningKeyFile.keyID(key.publicKey)
        guard !keyHistory.contains(where: { $0.keyID == keyID }) else { return keyID }
        let record = PublicKeyRecord(
            keyID: keyID, publicKeyHex: Hex.string(key.publicKey.rawRepresentation),
            validFromMillis: configuration.clock().millisecondsSince1970)
        try await storage.append([record.line], to: .publicKeys)
        rememberKey(record)
        return keyID
    }

    /// The seals of a file archive folder, read without opening the archive (no lock, the journal is not loaded).
    /// An incomplete last line (a seal being written) is ignored; a line that cannot be read throws `corrupt`.
    public static func seals(directory: URL) async throws -> [Seal] {
        let storage = try FileArchiveStorage(directory: directory, writer: false)
        let decoder = JSONDecoder()
        var seals: [Seal] = []
        for (index, line) in try await storage.read(.seals).lines.enumerated() {
            do {
                seals.append(try SealLine.parse(line, decoder: decoder).seal)
            } catch {
                throw ArchiveError.corrupt("seal line \(index + 1) of \(directory.path) cannot be read")
            }
        }
        return seals
    }
}
