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

    private enum Attempt { case ready(Connection), closed, wait }

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

    private func checkOut(evenIfClosed: Bool) async throws -> Connection {
        let first = state.withLock { state -> Attempt in
            if state.closed && !evenIfClosed { return .closed }
            if let connection = state.idle.popLast() { return .ready(connection) }
            return .wait
        }
        switch first {
        case .ready(let connection): return connection
        case .closed: throw StoreError.unavailable("the store is shut down")
        case .wait: break
        }
        return try await withCheckedThrowingContinuation { continuation in
            let attempt = state.withLock { state -> Attempt in
                if state.closed && !evenIfClosed { return .closed }
                if let connection = state.idle.popLast() { return .ready(connection) }
                state.waiters.append(continuation)
                return .wait
            }
            switch attempt {
            case .ready(let connection): continuation.resume(returning: connection)
            case .closed: continuation.resume(throwing: StoreError.unavailable("the store is shut down"))
            case .wait: break
            }
        }
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
