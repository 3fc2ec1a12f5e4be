import Foundation
import Gateway
import Synchronization
import Testing

/// The circuit breaker's states, driven by hand with an injected clock.
@Suite("CircuitBreaker")
struct CircuitBreakerTests {
    struct Outage: Error {}
    struct Refusal: Error {}

    static func breaker(_ clock: TestClock, threshold: Int = 3, cooldown: Duration = .seconds(30)) -> CircuitBreaker {
        CircuitBreaker(service: "platform-x", settings: .init(failureThreshold: threshold, cooldown: cooldown),
                       clock: clock)
    }

    static func isTransient(_ error: any Error) -> Bool { error is Outage }

    /// Runs a call that succeeds, fails transiently or is refused; counts the calls that really ran.
    final class Service: Sendable {
        let calls = Mutex(0)
        func call(_ result: Result<Int, any Error>) async throws -> Int {
            calls.withLock { $0 += 1 }
            return try result.get()
        }
        var count: Int { calls.withLock { $0 } }
    }

    @Test("opens after N consecutive transient failures; a success in between resets the count")
    func opensAfterThreshold() async throws {
        let clock = TestClock()
        let breaker = Self.breaker(clock)
        let service = Service()
        for _ in 1...2 {
            await #expect(throws: Outage.self) {
                _ = try await breaker.run({ try await service.call(.failure(Outage())) }, isTransient: Self.isTransient)
            }
        }
        #expect(await breaker.state == .closed(consecutiveFailures: 2))
        #expect(try await breaker.run({ try await service.call(.success(1)) }, isTransient: Self.isTransient) == 1)
        #expect(await breaker.state == .closed(consecutiveFailures: 0))
        for _ in 1...3 {
            await #expect(throws: Outage.self) {
                _ = try await breaker.run({ try await service.call(.failure(Outage())) }, isTransient: Self.isTransient)
            }
        }
        #expect(await breaker.state == .open(until: clock.now().addingTimeInterval(30)))
    }

    @Test("while open it refuses at once, without calling, saying until when")
    func rejectsFastWhileOpen() async throws {
        let clock = TestClock()
        let breaker = Self.breaker(clock, threshold: 1)
        let service = Service()
        await #expect(throws: Outage.self) {
            _ = try await breaker.run({ try await service.call(.failure(Outage())) }, isTransient: Self.isTransient)
        }
        clock.advance(by: 29)
        let error = await #expect(throws: CircuitBreaker.OpenError.self) {
            _ = try await breaker.run({ try await service.call(.success(1)) }, isTransient: Self.isTransient)
        }
        #expect(service.count == 1)
        #expect(error?.until == Date(timeIntervalSince1970: 1_790_000_030))
        #expect(error?.description.contains("platform-x is open until 2026-09-21T") == true)
    }

    @Test("after the cooldown one trial call goes through: success closes, a transient failure reopens")
    func halfOpen() async throws {
        let clock = TestClock()
        let breaker = Self.breaker(clock, threshold: 2, cooldown: .seconds(10))
        let service = Service()
        for _ in 1...2 {
            await #expect(throws: Outage.self) {
                _ = try await breaker.run({ try await service.call(.failure(Outage())) }, isTransient: Self.isTransient)
            }
        }
        clock.advance(by: 10)
        await #expect(throws: Outage.self) {
            _ = try await breaker.run({ try await service.call(.failure(Outage())) }, isTransient: Self.isTransient)
        }
        #expect(await breaker.state == .open(until: clock.now().addingTimeInterval(10)), "one trial failure reopens")
        clock.advance(by: 10)
        #expect(try await breaker.run({ try await service.call(.success(7)) }, isTransient: Self.isTransient) == 7)
        #expect(await breaker.state == .closed(consecutiveFailures: 0))
        #expect(service.count == 4)
    }

    @Test("half-open lets a single trial through: a second caller meanwhile is refused")
    func singleTrial() async throws {
        let clock = TestClock()
        let breaker = Self.breaker(clock, threshold: 1, cooldown: .seconds(5))
        await breaker.recordTransientFailure()
        clock.advance(by: 5)
        try await breaker.permit()
        #expect(await breaker.state == .halfOpen(trialInFlight: true))
        let second = await #expect(throws: CircuitBreaker.OpenError.self) { try await breaker.permit() }
        #expect(second?.until == nil)
        await breaker.recordSuccess()
        try await breaker.permit()
    }

    @Test("a permanent failure (the service answered no) does not count against the service")
    func permanentFailuresDoNotOpen() async throws {
        let clock = TestClock()
        let breaker = Self.breaker(clock, threshold: 2)
        let service = Service()
        for _ in 1...5 {
            await #expect(throws: Refusal.self) {
                _ = try await breaker.run({ try await service.call(.failure(Refusal())) }, isTransient: Self.isTransient)
            }
        }
        #expect(await breaker.state == .closed(consecutiveFailures: 0))
        #expect(service.count == 5)
    }
}
