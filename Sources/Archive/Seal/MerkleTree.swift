import Crypto

/// The Merkle root a seal signs.
///
/// - Leaves are the entries' hashes (32 raw bytes each, the SHA-256 of the canonical entry), in sequence order.
/// - A parent is SHA-256(left ‖ right) over the 64 raw bytes of its two children.
/// - Each level is paired left to right; when a level has an odd number of nodes, the last one is PROMOTED
///   unchanged to the next level (never duplicated, so no two different leaf lists share a root that way).
/// - The root of one leaf is that leaf. There is no root of zero leaves (nothing to seal).
public enum MerkleTree {
    public static func root(ofHexLeaves leaves: [String]) -> String? {
        var level: [[UInt8]] = []
        level.reserveCapacity(leaves.count)
        for leaf in leaves {
            guard let bytes = Hex.bytes(leaf), bytes.count == 32 else { return nil }
            level.append(bytes)
        }
        guard !level.isEmpty else { return nil }
        while level.count > 1 {
            var next: [[UInt8]] = []
            next.reserveCapacity((level.count + 1) / 2)
            var index = 0
            while index + 1 < level.count {
                var hasher = SHA256()
                hasher.update(data: level[index])
                hasher.update(data: level[index + 1])
                next.append(Array(hasher.finalize()))
                index += 2
            }
            if index < level.count { next.append(level[index]) }
            level = next
        }
        return level.first.map { Hex.string($0) }
    }
}
