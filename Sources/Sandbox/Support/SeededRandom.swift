import Synchronization

/// A small deterministic generator (SplitMix64): the same seed gives the same lifecycle paths, delays and faults,
/// so a sandbox run can be replayed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for one item (an invoice, a request): the run's seed mixed with the item's number.
    public static func derived(seed: UInt64, item: UInt64) -> SeededRandom {
        var mixer = SeededRandom(seed: seed ^ (item &* 0xD1B5_4A32_D192_ED03))
        return SeededRandom(seed: mixer.next())
    }

    /// True with probability `rate` (0…1).
    public mutating func chance(_ rate: Double) -> Bool {
        guard rate > 0 else { return false }
        return Double(next() >> 11) / Double(1 << 53) < rate
    }
}

/// A generator shared by concurrent requests (fault decisions): one draw at a time.
final class SharedRandom: Sendable {
    private let generator: Mutex<SeededRandom>

    init(seed: UInt64) { generator = Mutex(SeededRandom(seed: seed)) }

    func chance(_ rate: Double) -> Bool { generator.withLock { $0.chance(rate) } }

    func uniform(_ range: ClosedRange<Int>) -> Int { generator.withLock { Int.random(in: range, using: &$0) } }
}
