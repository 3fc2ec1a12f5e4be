import Foundation

/// A circuit breaker for one remote service (a platform): after ``Settings/failureThreshold`` consecutive transient
/// failures it opens and refuses calls at once, without touching the service, for ``Settings/cooldown``; then it
/// half-opens and lets one trial call through: its success closes the breaker, its transient failure opens it
/// again for another cooldown.
///
/// A permanent failure (the service answered, and said no) proves the service is up: it counts as a success here.
public actor CircuitBreaker {
    public struct Settings: Sendable, Hashable {
        /// Consecutive transient failures that open the breaker (at least 1).
        public var failureThreshold: Int
        /// How long it stays open before a trial call.
        public var cooldown: Duration

        public init(failureThreshold: Int = 5, cooldown: Duration = .seconds(30)) {
            self.failureThreshold = max(1, failureThreshold)
            self.cooldown = cooldown
        }
    }

    public enum State: Sendable, Hashable {
        case closed(consecutiveFailures: Int)
        case open(until: Date)
        /// One trial call is (or may be) in flight.
        case halfOpen(trialInFlight: Bool)
    }

    /// A call refused because the breaker is open: transient, try again after ``until``.
    public struct OpenError: Error, Sendable, CustomStringConvertible {
        public var service: String
        /// When a trial call will be let through; nil while a trial call is already in flight.
        public var until: Date?
        public var failures: Int

        public var description: String {
            let time = until.map { "until " + ISO8601DateFormatter().string(from: $0) }
                ?? "while a trial call is in flight"
            return "the circuit breaker of \(service) is open \(time), after \(failures) consecutive transient "
                + "failure(s): the call was not made"
        }
    }

    public let service: String
    public let settings: Settings
    private let clock: any GatewayClock
    public private(set) var state: State = .closed(consecutiveFailures: 0)
    /// Transient failures in the current run (kept to say it in ``OpenError``).
    private var failures = 0

    public init(service: String, settings: Settings = Settings(), clock: any GatewayClock = SystemClock()) {
        self.service = service
        self.settings = settings
        self.clock = clock
    }

    /// Runs `operation` when the breaker lets it through and records how it went; throws ``OpenError`` without
    /// running it otherwise. `isTransient` says which of its errors count against the service.
    public func run<T: Sendable>(_ operation: @Sendable () async throws -> T,
                                 isTransient: @Sendable (any Error) -> Bool) async throws -> T
    {
        try permit()
        do {
            let value = try await operation()
            recordSuccess()
            return value
        } catch {
            if isTransient(error) { recordTransientFailure() } else { recordSuccess() }
            throw error
        }
    }

    /// Lets a call through, or throws ``OpenError``.
    public func permit() throws(OpenError) {
        switch state {
        case .closed:
            return
        case .open(let until):
            guard clock.now() >= until else {
                throw OpenError(service: service, until: until, failures: failures)
            }
            state = .halfOpen(trialInFlight: true)
        case .halfOpen(let trialInFlight):
            guard !trialInFlight else { throw OpenError(service: service, until: nil, failures: failures) }
            state = .halfOpen(trialInFlight: true)
        }
    }

    public func recordSuccess() {
        failures = 0
        state = .closed(consecutiveFailures: 0)
    }

    public func recordTransientFailure() {
        failures += 1
        switch state {
        case .closed(let count) where count + 1 < settings.failureThreshold:
            state = .closed(consecutiveFailures: count + 1)
        case .closed, .halfOpen, .open:
            state = .open(until: clock.now().adding(settings.cooldown))
        }
    }
}
