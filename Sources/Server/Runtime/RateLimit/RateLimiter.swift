import Synchronization

/// Rate limits per API key, in memory in this process: with N processes behind a balancer a key gets up to N times
/// its rate. One ``TokenBucket`` per key; buckets of idle keys are dropped when the table grows.
final class RateLimiter: Sendable {
    struct Rule: Sendable, Equatable {
        var ratePerSecond: Int
        var burst: Int
    }

    private struct State {
        var buckets: [String: (rule: Rule, bucket: TokenBucket)] = [:]
    }

    /// 0 = unlimited.
    let defaultRate: Int
    /// nil = twice the rate.
    let defaultBurst: Int?
    private let state = Mutex(State())
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant
    private let pruneThreshold = 10_000

    init(defaultRate: Int, defaultBurst: Int?) {
        self.defaultRate = defaultRate
        self.defaultBurst = defaultBurst
        self.origin = clock.now
    }

    /// The rule of a key: its own rate when it has one, else the server default; nil = unlimited.
    func rule(forKeyRate keyRate: Int?) -> Rule? {
        let rate = keyRate ?? defaultRate
        guard rate > 0 else { return nil }
        let burst = keyRate == nil ? (defaultBurst ?? rate * 2) : rate * 2
        return Rule(ratePerSecond: rate, burst: max(burst, 1))
    }

    func take(key: String, rule: Rule) -> TokenBucket.Decision {
        let now = seconds()
        return state.withLock { state in
            var bucket: TokenBucket
            if let entry = state.buckets[key], entry.rule == rule {
                bucket = entry.bucket
            } else {
                bucket = TokenBucket(ratePerSecond: rule.ratePerSecond, capacity: rule.burst, now: now)
            }
            let decision = bucket.take(now: now)
            state.buckets[key] = (rule, bucket)
            if state.buckets.count > pruneThreshold {
                state.buckets = state.buckets.filter { !$0.value.bucket.isFull(now: now) }
            }
            return decision
        }
    }

    private func seconds() -> Double {
        let elapsed = clock.now - origin
        let (seconds, attoseconds) = elapsed.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
