import Foundation

/// The time source of the gateway, so that tests can move time (backoff, leases, validity dates).
public protocol GatewayClock: Sendable {
    func now() -> Date
}

/// The system clock.
public struct SystemClock: GatewayClock {
    public init() {}
    public func now() -> Date { Date() }
}
