import Foundation

/// Where announced lifecycle flows wait to be fetched: one durable `platformStatus` job per platform flow.
///
/// A webhook (or a poll) only records the flow and returns; the pipeline workers fetch its CDAR message and hand it
/// to ``LifecycleService``, retrying with backoff while the platform does not answer. The job id is made from the
/// tenant, the platform and the flow id, so the same flow announced twice (duplicated webhook, webhook and poll,
/// two nodes) is queued once; ``LifecycleService`` would ignore a second receipt anyway.
public struct PlatformStatusInbox: Sendable {
    /// The job's input.
    public struct Payload: Codable, Sendable, Hashable {
        public var platform: String
        public var flowID: String
        public var trackingID: String?

        public init(platform: String, flowID: String, trackingID: String?) {
            self.platform = platform
            self.flowID = flowID
            self.trackingID = trackingID
        }
    }

    public var store: any GatewayStore
    public var clock: any GatewayClock
    /// Attempts before a job is parked (kept, with its last error, for `POST /v1/jobs/{id}/replay`): with the default
    /// backoff (1 s doubling to 5 min) 24 attempts span about an hour and a half of platform outage.
    public var maxAttempts: Int

    public init(store: any GatewayStore, clock: any GatewayClock = SystemClock(), maxAttempts: Int = 24) {
        self.store = store
        self.clock = clock
        self.maxAttempts = maxAttempts
    }

    /// The job id of a platform flow: the same flow always gets the same id.
    public static func jobID(tenant: TenantID, platform: String, flowID: String) -> JobID {
        JobID("platform-status:\(tenant.rawValue):\(platform):\(flowID)")
    }

    /// Queues the flow's fetch; false when it was already queued (or done).
    @discardableResult
    public func announce(_ flow: AnnouncedFlow, platform: String, tenant: TenantID) async throws -> Bool {
        let id = Self.jobID(tenant: tenant, platform: platform, flowID: flow.flowID)
        let payload = Payload(platform: platform, flowID: flow.flowID, trackingID: flow.trackingID)
        let json = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        let job = NewJob(id: id, tenant: tenant, kind: .platformStatus, payloadJSON: json, runAt: clock.now(),
                         maxAttempts: maxAttempts)
        do {
            return try await store.transaction { transaction in
                guard try await transaction.job(id, tenant: tenant) == nil else { return false }
                try await transaction.enqueue(job)
                return true
            }
        } catch StoreError.duplicate {
            // Another node (or request) queued it between our check and our insert.
            return false
        }
    }

    static func payload(of job: Job) throws -> Payload {
        guard let json = job.payloadJSON,
            let payload = try? JSONDecoder().decode(Payload.self, from: Data(json.utf8))
        else { throw StepFailure(permanent: true, "the platformStatus job has no readable payload") }
        return payload
    }
}
