import Foundation

extension LegalArchive {
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
