import Foundation

/// Exponential backoff with jitter for failed steps.
///
/// The n-th retry waits `base × 2^(n-1)`, capped at `maximum`, then scaled by a random factor in
/// `[1 - jitter, 1]` so that many failing jobs do not retry in lockstep.
public struct RetryPolicy: Hashable, Sendable {
    public var base: Duration
    public var maximum: Duration
    /// Between 0 and 1.
    public var jitter: Double

    public init(base: Duration = .seconds(1), maximum: Duration = .seconds(300), jitter: Double = 0.5) {
        self.base = base
        self.maximum = maximum
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The delay before attempt `attempt + 1`, after `attempt` failed attempts (1-based).
    public func delay(afterAttempt attempt: Int, random: Double = Double.random(in: 0...1)) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let uncapped = base * (1 << exponent)
        let capped = min(uncapped, maximum)
        let factor = 1 - jitter * min(max(random, 0), 1)
        return capped * factor
    }
}

extension Date {
    /// This date moved by a duration.
    public func adding(_ duration: Duration) -> Date {
        let (seconds, attoseconds) = duration.components
        return addingTimeInterval(TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
    }
}
