import Synchronization

/// A first-come-first-served async mutex: one holder at a time, waiters resumed in arrival order. SQLite's single
/// writer connection is behind one, so transactions queue in memory instead of spinning on SQLITE_BUSY.
final class AsyncLane: Sendable {
    private struct State {
        var busy = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        var head = 0
    }

    private let state = Mutex(State())

    func acquire() async {
        let acquired = state.withLock { state -> Bool in
            guard !state.busy else { return false }
            state.busy = true
            return true
        }
        if acquired { return }
        await withCheckedContinuation { continuation in
            let now = state.withLock { state -> Bool in
                guard state.busy else {
                    state.busy = true
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Hands the lane to the next waiter, or frees it.
    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.head < state.waiters.count else {
                state.waiters.removeAll(keepingCapacity: true)
                state.head = 0
                state.busy = false
                return nil
            }
            let continuation = state.waiters[state.head]
            state.head += 1
            return continuation
        }
        next?.resume()
    }

    func withLane<Result>(_ body: () async throws -> Result) async throws -> Result {
        await acquire()
        defer { release() }
        return try await body()
    }
}
