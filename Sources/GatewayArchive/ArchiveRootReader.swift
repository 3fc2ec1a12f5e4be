import Archive
import Foundation
import Gateway

/// Reads the seals of every node journal under an archive root without opening any journal for writing: what
/// `passerelle audit timeline` uses next to a running `serve`.
public struct ArchiveRootReader: ArchiveSealLookup {
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    public func seals(covering locations: [ArchiveLocation]) async throws -> [ArchiveLocation: ArchiveSealInfo] {
        var found: [ArchiveLocation: ArchiveSealInfo] = [:]
        for (node, wanted) in Dictionary(grouping: locations, by: \.journal) where ArchiveRoot.isValidNodeName(node) {
            let folder = ArchiveRoot.folder(of: node, in: root)
            guard FileManager.default.fileExists(atPath: folder.path) else { continue }
            let seals = try await LegalArchive.seals(directory: folder)
            for location in wanted {
                if let seal = Self.seal(covering: location.sequence, in: seals) {
                    found[location] = Self.info(seal, journal: node)
                }
            }
        }
        return found
    }

    /// Binary search: the seals of a journal cover consecutive ranges of sequences, in order.
    static func seal(covering sequence: Int, in seals: [Seal]) -> Seal? {
        var low = 0
        var high = seals.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let seal = seals[middle]
            if sequence < seal.firstSequence {
                high = middle - 1
            } else if sequence > seal.lastSequence {
                low = middle + 1
            } else {
                return seal
            }
        }
        return nil
    }

    static func info(_ seal: Seal, journal: String) -> ArchiveSealInfo {
        ArchiveSealInfo(journal: journal, number: seal.number, sealedAt: seal.time, hash: seal.hash, keyID: seal.keyID)
    }
}
