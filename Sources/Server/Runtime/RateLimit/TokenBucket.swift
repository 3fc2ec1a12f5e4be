/// A token bucket: holds up to `capacity` tokens, refilled at `ratePerSecond`; each request takes one.
/// Pure value type; the caller supplies the time (seconds on a monotonic clock).
struct TokenBucket: Sendable, Equatable {
    enum Decision: Sendable, Equatable {
        case allowed(remaining: Int)
        /// Refused; a token is back after this many seconds (rounded up, at least 1: `Retry-After` is whole seconds).
        case limited(retryAfterSeconds: Int)
    }

    let capacity: Double
    let ratePerSecond: Double
    private(set) var tokens: Double
    private(set) var updatedAt: Double

    init(ratePerSecond: Int, capacity: Int, now: Double) {
        self.ratePerSecond = Double(max(ratePerSecond, 1))
        self.capacity = Double(max(capacity, 1))
        self.tokens = self.capacity
        self.updatedAt = now
    }

    mutating func take(now: Double) -> Decision {
        refill(now: now)
        if tokens >= 1 {
            tokens -= 1
            return .allowed(remaining: Int(tokens))
        }
        let wait = (1 - tokens) / ratePerSecond
        return .limited(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
    }

    /// Whether the bucket is full again: an idle key whose entry can be dropped.
    func isFull(now: Double) -> Bool {
        var copy = self
        copy.refill(now: now)
        return copy.tokens >= capacity
    }

    private mutating func refill(now: Double) {
        let elapsed = max(0, now - updatedAt)
        tokens = min(capacity, tokens + elapsed * ratePerSecond)
        updatedAt = now
    }
}
