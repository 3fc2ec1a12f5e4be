import Gateway
import Synchronization

/// A fixed set of connections handed out one holder at a time; callers wait in arrival order when all are in use.
final class ConnectionPark<Connection: Sendable>: Sendable {
    private struct State {
        var idle: [Connection]
        var waiters: [CheckedContinuation<Connection, any Error>] = []
        var head = 0
        /// Set by `takeAll`: later callers get `StoreError.unavailable` instead of waiting for a connection that
        /// will never come back.
        var closed = false
    }

    private let state: Mutex<State>
    let all: [Connection]

    init(_ connections: [Connection]) {
        all = connections
        state = Mutex(State(idle: connections))
    }

    func withConnection<Result>(_ body: (Connection) async throws -> Result) async throws -> Result {
        let connection = try await checkOut(evenIfClosed: false)
        defer { checkIn(connection) }
        return try await body(connection)
    }

    /// Takes every connection out for good, waiting for those in use to come back (to close them).
    func takeAll() async -> [Connection] {
        state.withLock { $0.closed = true }
        var taken: [Connection] = []
        for _ in all {
            // evenIfClosed: true never throws.
            if let connection = try? await checkOut(evenIfClosed: true) { taken.append(connection) }
        }
        return taken
    }

    /// The common path takes an idle connection without making a continuation; only when none is idle does it
    /// queue one, trying once more under the same lock so that a connection checked in meanwhile is not missed.
    private func checkOut(evenIfClosed: Bool) async throws -> Connection {
        if let connection = try state.withLock({ try Self.take(from: &$0, evenIfClosed: evenIfClosed) }) {
            return connection
        }
        return try await withCheckedThrowingContinuation { continuation in
            do {
                let connection = try state.withLock { state -> Connection? in
                    guard let connection = try Self.take(from: &state, evenIfClosed: evenIfClosed) else {
                        state.waiters.append(continuation)
                        return nil
                    }
                    return connection
                }
                if let connection { continuation.resume(returning: connection) }
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    /// An idle connection, nil when all are in use; throws when the park is closed (unless `evenIfClosed`).
    private static func take(from state: inout State, evenIfClosed: Bool) throws(StoreError) -> Connection? {
        if state.closed && !evenIfClosed { throw StoreError.unavailable("the store is shut down") }
        return state.idle.popLast()
    }

    private func checkIn(_ connection: Connection) {
        let waiter = state.withLock { state -> CheckedContinuation<Connection, any Error>? in
            guard state.head < state.waiters.count else {
                state.waiters.removeAll(keepingCapacity: true)
                state.head = 0
                state.idle.append(connection)
                return nil
            }
            let waiter = state.waiters[state.head]
            state.head += 1
            return waiter
        }
        waiter?.resume(returning: connection)
    }
}
