import Foundation
import Logging

/// Claims due jobs and runs their steps. Run one per process (or several); on PostgreSQL, workers of several
/// processes split the work. A job whose worker died is taken over when its lease expires.
public struct PipelineWorker: Sendable {
    public var context: PipelineContext

    public init(context: PipelineContext) {
        self.context = context
    }

    /// Runs until the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            let processed: Int
            do {
                processed = try await runOnce()
            } catch {
                context.logger.error("claiming jobs failed: \(error)")
                processed = 0
            }
            if processed == 0 {
                try? await Task.sleep(for: context.configuration.idleDelay)
            }
        }
    }

    /// Claims one batch of due jobs and runs them; returns how many were claimed.
    @discardableResult
    public func runOnce() async throws -> Int {
        let now = context.clock.now()
        let configuration = context.configuration
        let jobs = try await context.store.transaction { transaction in
            try await transaction.claimJobs(
                owner: configuration.workerID, limit: configuration.batchSize, now: now,
                leaseUntil: now.adding(configuration.leaseDuration))
        }
        for job in jobs {
            await process(job)
        }
        return jobs.count
    }

    /// Runs batches until no job is due (for tests and dry runs); returns the number of jobs run.
    @discardableResult
    public func drain(maximumBatches: Int = 10_000) async throws -> Int {
        var total = 0
        for _ in 0..<maximumBatches {
            let processed = try await runOnce()
            if processed == 0 { break }
            total += processed
        }
        return total
    }

    /// Runs one claimed job: its step, then its completion, retry or parking.
    public func process(_ job: Job) async {
        let step = Self.step(for: job.kind)
        do {
            try await step.run(job, context: context)
        } catch is LeaseLost {
            context.logger.warning("job \(job.id) (\(job.kind.rawValue)): lease lost, another worker has it")
        } catch {
            await fail(job, step: step, error: error)
        }
    }

    func fail(_ job: Job, step: any PipelineStep, error: any Error) async {
        let failure = error as? StepFailure
        let reason = failure?.message ?? Self.describe(error)
        let owner = context.configuration.workerID
        let now = context.clock.now()
        let context = self.context
        do {
            if failure?.permanent == true || job.attempts >= job.maxAttempts {
                context.logger.error("job \(job.id) (\(job.kind.rawValue)) parked after \(job.attempts) attempt(s): \(reason)")
                try await context.store.transaction { transaction in
                    guard try await transaction.parkJob(job.id, owner: owner, reason: reason, now: now) else { return }
                    try await step.parked(job, reason: reason, context: context, in: transaction)
                }
            } else {
                let runAt = now.adding(context.configuration.retry.delay(afterAttempt: job.attempts))
                context.logger.notice("job \(job.id) (\(job.kind.rawValue)) attempt \(job.attempts) failed, retry at \(runAt): \(reason)")
                try await context.store.transaction { transaction in
                    _ = try await transaction.retryJob(job.id, owner: owner, runAt: runAt, error: reason, now: now)
                }
            }
        } catch {
            // The lease expires and another attempt happens: nothing is lost.
            context.logger.error("job \(job.id): recording the failure failed: \(error)")
        }
    }

    static func step(for kind: JobKind) -> any PipelineStep {
        switch kind {
        case .check: CheckStep()
        case .render: RenderStep()
        case .archive: ArchiveStep()
        case .dispatch: DispatchStep()
        case .webhook: WebhookStep()
        case .platformStatus: PlatformStatusStep()
        }
    }

    /// A failure description safe for the job record: store errors say what failed without SQL.
    static func describe(_ error: any Error) -> String {
        if let storeError = error as? StoreError { return storeError.description }
        return String(describing: error)
    }
}
