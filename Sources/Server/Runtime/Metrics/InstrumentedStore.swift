import Foundation
import Gateway
import Synchronization

/// A ``GatewayStore`` that counts what its committed transactions did — invoices received, jobs completed, retried
/// and parked — into ``PasserelleMetrics``. Counts are applied only when the transaction commits, so a rolled-back
/// step counts nothing. The Gateway stays free of metrics code.
public struct InstrumentedStore: GatewayStore {
    public let base: any GatewayStore
    let metrics: PasserelleMetrics
    /// The kinds of the jobs this process claimed, so that completions can be counted by kind.
    let claimedKinds: ClaimedKinds

    public init(_ base: any GatewayStore, metrics: PasserelleMetrics) {
        self.base = base
        self.metrics = metrics
        self.claimedKinds = ClaimedKinds()
    }

    public func transaction<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        let tally = TransactionTally()
        let claimedKinds = self.claimedKinds
        let result = try await base.transaction { transaction in
            try await body(InstrumentedTransaction(base: transaction, tally: tally, claimedKinds: claimedKinds))
        }
        tally.apply(to: metrics, kinds: claimedKinds)
        return result
    }

    public func migrate() async throws { try await base.migrate() }
    public var displayName: String { base.displayName }
    public func shutdown() async throws { try await base.shutdown() }
}

/// The jobs a process holds, by id.
final class ClaimedKinds: Sendable {
    private let kinds = Mutex<[JobID: JobKind]>([:])

    func remember(_ jobs: [Job]) {
        kinds.withLock { kinds in
            for job in jobs { kinds[job.id] = job.kind }
        }
    }

    func kind(of id: JobID) -> JobKind? {
        kinds.withLock { $0[id] }
    }

    /// Called when the job left this process (completed, retried, parked).
    func forget(_ id: JobID) {
        _ = kinds.withLock { $0.removeValue(forKey: id) }
    }
}

/// What one transaction did, counted when it commits.
final class TransactionTally: Sendable {
    enum Outcome: Sendable {
        case received
        case completed(JobID)
        case failed(JobID)
        case parked(JobID)
    }

    private let outcomes = Mutex<[Outcome]>([])

    func note(_ outcome: Outcome) {
        outcomes.withLock { $0.append(outcome) }
    }

    func apply(to metrics: PasserelleMetrics, kinds: ClaimedKinds) {
        let recorded = outcomes.withLock { $0 }
        var received = 0
        for outcome in recorded {
            switch outcome {
            case .received:
                received += 1
            case .completed(let id):
                metrics.jobCompleted(kinds.kind(of: id))
                kinds.forget(id)
            case .failed(let id):
                metrics.jobFailed(kinds.kind(of: id))
                kinds.forget(id)
            case .parked(let id):
                metrics.jobParked(kinds.kind(of: id))
                kinds.forget(id)
            }
        }
        if received > 0 { metrics.invoicesReceived(received) }
    }
}
