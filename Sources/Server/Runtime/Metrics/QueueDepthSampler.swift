import Gateway
import Logging
import ServiceLifecycle

/// Samples how many jobs are pending, running and parked, every few seconds, into `passerelle_jobs_queue{state}`.
/// Counts are summed over tenants and capped at ``cap`` per tenant and state (the store has no count query).
struct QueueDepthSampler: Service {
    static let cap = 10_000

    let store: any GatewayStore
    let metrics: PasserelleMetrics
    let readiness: Readiness
    let interval: Duration
    let logger: Logger

    func run() async throws {
        guard await readiness.waitUntilMigrated() else { return }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await sample()
            } catch {
                logger.warning("queue depth sample failed: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    func sample() async throws {
        let counts = try await store.transaction { transaction in
            var counts: [JobState: Int] = [.pending: 0, .running: 0, .parked: 0]
            for tenant in try await transaction.tenants() {
                for state in [JobState.pending, .running, .parked] {
                    counts[state, default: 0] += try await transaction.jobs(
                        tenant: tenant.id, state: state, limit: Self.cap
                    ).count
                }
            }
            return counts
        }
        for (state, count) in counts { metrics.queue(state, count: count) }
    }
}
