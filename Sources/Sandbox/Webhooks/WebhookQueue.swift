import ServiceLifecycle
import Synchronization

/// The webhook calls waiting to be made, in order. Requests and the lifecycle timer put batches in; the
/// ``WebhookService`` makes the calls; `drained()` lets the admin `advance` answer once every call is made.
final class WebhookQueue: Sendable {
    private let stream: AsyncStream<[WebhookNotification]>
    private let continuation: AsyncStream<[WebhookNotification]>.Continuation
    private let state = Mutex<(pending: Int, waiters: [CheckedContinuation<Void, Never>])>((0, []))

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: [WebhookNotification].self)
    }

    func enqueue(_ batch: [WebhookNotification]) {
        guard !batch.isEmpty else { return }
        state.withLock { $0.pending += 1 }
        continuation.yield(batch)
    }

    /// Returns once every batch enqueued so far has been delivered.
    func drained() async {
        await withCheckedContinuation { waiter in
            let ready = state.withLock { state in
                if state.pending == 0 { return true }
                state.waiters.append(waiter)
                return false
            }
            if ready { waiter.resume() }
        }
    }

    fileprivate func completed() {
        let waiters = state.withLock { state in
            state.pending -= 1
            guard state.pending == 0 else { return [CheckedContinuation<Void, Never>]() }
            let all = state.waiters
            state.waiters.removeAll()
            return all
        }
        for waiter in waiters { waiter.resume() }
    }

    fileprivate var batches: AsyncStream<[WebhookNotification]> { stream }

    fileprivate func finish() { continuation.finish() }
}

/// Delivers the queued webhook batches one after the other until shutdown.
struct WebhookService: Service {
    let queue: WebhookQueue
    let dispatcher: WebhookDispatcher

    func run() async throws {
        await withGracefulShutdownHandler {
            for await batch in queue.batches {
                await dispatcher.deliver(batch)
                queue.completed()
            }
        } onGracefulShutdown: {
            queue.finish()
        }
    }
}

/// Runs the lifecycle while sandbox time flows (time scale above 0): every `interval`, the due events.
struct LifecycleTicker: Service {
    let platform: SandboxPlatform
    let queue: WebhookQueue
    let interval: Duration

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    queue.enqueue(await platform.runDue())
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            // Shutdown: the timer simply stops.
        }
    }
}

/// Releases the requests a timeout fault keeps hanging when the sandbox shuts down.
struct FaultReleaser: Service {
    let faults: FaultController

    func run() async throws {
        try? await gracefulShutdown()
        faults.releaseAll()
    }
}
