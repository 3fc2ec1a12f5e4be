import Foundation
import Gateway
import Logging
import ServiceLifecycle

/// One pipeline worker as a lifecycle service. It waits for the migrations, then claims and runs jobs until the
/// service group shuts down. On SIGTERM/SIGINT it finishes the job in hand, stops claiming, and hands the jobs it
/// claimed but did not start back to the queue (due at once, for any node to take).
struct PipelineWorkerService: Service, CustomStringConvertible {
    let worker: PipelineWorker
    let readiness: Readiness
    let name: String

    var description: String { name }

    func run() async throws {
        guard await readiness.waitUntilMigrated() else { return }
        let context = worker.context
        context.logger.info("\(name) started (\(context.configuration.workerID))")
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let jobs: [Job]
            do {
                jobs = try await claim()
            } catch {
                context.logger.error("\(name): claiming jobs failed: \(error)")
                jobs = []
            }
            for (index, job) in jobs.enumerated() {
                if Task.isShuttingDownGracefully || Task.isCancelled {
                    await release(Array(jobs[index...]))
                    break
                }
                await worker.process(job)
            }
            if jobs.isEmpty {
                // Wakes at once on shutdown.
                try? await cancelWhenGracefulShutdown {
                    try await Task.sleep(for: context.configuration.idleDelay)
                }
            }
        }
        context.logger.info("\(name) stopped")
    }

    private func claim() async throws -> [Job] {
        let context = worker.context
        let configuration = context.configuration
        let now = context.clock.now()
        return try await context.store.transaction { transaction in
            try await transaction.claimJobs(
                owner: configuration.workerID, limit: configuration.batchSize, now: now,
                leaseUntil: now.adding(configuration.leaseDuration))
        }
    }

    /// Gives claimed, unstarted jobs back (their attempt is not spent on anything, but counts as one).
    private func release(_ jobs: [Job]) async {
        let context = worker.context
        let owner = context.configuration.workerID
        let now = context.clock.now()
        do {
            try await context.store.transaction { transaction in
                for job in jobs {
                    _ = try await transaction.retryJob(
                        job.id, owner: owner, runAt: now, error: "handed back: the worker shut down", now: now)
                }
            }
            context.logger.info("\(name): handed \(jobs.count) unstarted job(s) back to the queue")
        } catch {
            context.logger.warning("\(name): could not hand \(jobs.count) job(s) back; their lease will expire: \(error)")
        }
    }
}
