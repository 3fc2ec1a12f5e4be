import Foundation
import Synchronization

/// The sandbox's own time: it runs `scale` sandbox seconds per real second from `start`, plus whatever
/// `advance(by:)` added. Lifecycle delays of hours or days are thus run in seconds (scale 3600) or stepped
/// explicitly (scale 0 and `POST /sandbox/advance`, sandbox-only).
public final class SandboxClock: Sendable {
    private let start: Date
    private let realStart: ContinuousClock.Instant
    private let scale: Double
    private let offset = Mutex<Double>(0)

    public init(start: Date = Date(), scale: Double = 1) {
        self.start = start
        self.realStart = ContinuousClock.now
        self.scale = max(0, scale)
    }

    /// The sandbox's current date.
    public func now() -> Date {
        let elapsed = ContinuousClock.now - realStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return start.addingTimeInterval(seconds * scale + offset.withLock { $0 })
    }

    /// Moves the sandbox's time forward (never back).
    public func advance(by seconds: Double) {
        guard seconds > 0 else { return }
        offset.withLock { $0 += seconds }
    }

    /// How long, in real time, until the sandbox reaches `date`; nil when time does not run (scale 0).
    func realDelay(until date: Date) -> Duration? {
        guard scale > 0 else { return nil }
        let remaining = date.timeIntervalSince(now()) / scale
        return .milliseconds(Int64(max(0, remaining) * 1000))
    }
}
