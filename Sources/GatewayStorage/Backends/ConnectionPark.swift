import Synchronization

/// A fixed set of connections handed out one holder at a time; callers wait in arrival order when all are in use.
final class ConnectionPark<Connection: Sendable>: Sendable {
    private struct State {
        var idle: [Connection]
        var waiters: [CheckedContinuation<Connection, Never>] = []
        var head = 0
    }

    private let state: Mutex<State>
    let all: [Connection]

    init(_ connections: [Connection]) {
        all = connections
        state = Mutex(State(idle: connections))
    }

    func withConnection<Result>(_ body: (Connection) async throws -> Result) async throws -> Result {
        let connection = await checkOut()
        defer { checkIn(connection) }
        return try await body(connection)
    }

    /// Takes every connection out for good, waiting for those in use to come back (to close them).
    func takeAll() async -> [Connection] {
        var taken: [Connection] = []
        for _ in all { taken.append(await checkOut()) }
        return taken
    }

    private func checkOut() async -> Connection {
        if let connection = state.withLock({ $0.idle.popLast() }) { return connection }
        return await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Connection? in
                if let connection = state.idle.popLast() { return connection }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func checkIn(_ connection: Connection) {
        let waiter = state.withLock { state -> CheckedContinuation<Connection, Never>? in
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
