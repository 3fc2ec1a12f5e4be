import Foundation
import Logging

/// How the pipeline's workers behave.
public struct PipelineConfiguration: Sendable {
    /// Names this worker in leases; unique per process (host and pid by default).
    public var workerID: String
    /// Jobs claimed at once.
    public var batchSize: Int
    /// How long a claimed job stays ours; a crashed worker's jobs are taken over after it.
    public var leaseDuration: Duration
    /// Sleep when there is nothing to do.
    public var idleDelay: Duration
    public var retry: RetryPolicy

    public init(workerID: String = PipelineConfiguration.defaultWorkerID(), batchSize: Int = 32,
                leaseDuration: Duration = .seconds(60), idleDelay: Duration = .milliseconds(100),
                retry: RetryPolicy = RetryPolicy()) {
        self.workerID = workerID
        self.batchSize = batchSize
        self.leaseDuration = leaseDuration
        self.idleDelay = idleDelay
        self.retry = retry
    }

    public static func defaultWorkerID() -> String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }
}

/// What the steps need from the outside world.
public struct PipelineContext: Sendable {
    public var store: any GatewayStore
    public var clock: any GatewayClock
    public var dispatcher: any DispatchPort
    public var webhooks: any WebhookTransport
    public var configuration: PipelineConfiguration
    public var logger: Logger
    public var events: EventRecorder
    /// The legal archive; nil: the pipeline goes from render straight to dispatch (nothing is archived).
    public var archive: (any ArchivePort)?
    /// The directory asked before sending (``BuyerDirectoryCheck``); nil: no lookup.
    public var directory: (any DirectoryPort)? = nil
    /// The platforms whose lifecycle flows `platformStatus` jobs fetch, by name (empty: none configured).
    public var platforms: [String: any PlatformInboundPort] = [:]

    public init(store: any GatewayStore, clock: any GatewayClock = SystemClock(),
                dispatcher: any DispatchPort = HoldDispatcher(), webhooks: any WebhookTransport,
                archive: (any ArchivePort)? = nil,
                configuration: PipelineConfiguration = PipelineConfiguration(),
                logger: Logger = Logger(label: "passerelle.pipeline")) {
        self.store = store
        self.clock = clock
        self.dispatcher = dispatcher
        self.webhooks = webhooks
        self.configuration = configuration
        self.logger = logger
        self.events = EventRecorder(clock: clock)
        self.archive = archive
    }
}

/// A step failed.
public struct StepFailure: Error, Sendable, CustomStringConvertible {
    /// Retrying cannot help (e.g. the stored payload is unreadable): park at once.
    public var permanent: Bool
    public var message: String

    public init(permanent: Bool, _ message: String) {
        self.permanent = permanent
        self.message = message
    }

    public var description: String { message }
}

/// Another worker took the job over (our lease expired): our transaction was rolled back; nothing to do.
struct LeaseLost: Error {}

/// One step of the pipeline.
protocol PipelineStep: Sendable {
    /// Does the work and, in one transaction, writes its results and completes the job (throwing ``LeaseLost``
    /// when the lease is gone). Running it again after a crash must have no second effect.
    func run(_ job: Job, context: PipelineContext) async throws
    /// Called in the transaction that parks the job after its last failed attempt.
    func parked(_ job: Job, reason: String, context: PipelineContext, in transaction: any StoreTransaction)
        async throws
}

extension StoreTransaction {
    /// Completes the job or throws ``LeaseLost`` so that the transaction rolls back.
    func complete(_ job: Job, context: PipelineContext) async throws {
        guard try await completeJob(job.id, owner: context.configuration.workerID, now: context.clock.now()) else {
            throw LeaseLost()
        }
    }
}
