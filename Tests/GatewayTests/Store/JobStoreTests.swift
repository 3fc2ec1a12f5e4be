import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("Job queue: the lease protocol")
struct JobStoreTests {
    static func newJob(tenant: TenantID = Fixtures.tenantA, runAt: Date = Fixtures.t0, kind: JobKind = .check,
                       invoice: InvoiceID? = nil, maxAttempts: Int = 3) -> NewJob {
        NewJob(tenant: tenant, kind: kind, invoiceID: invoice, payloadJSON: #"{"p":1}"#, runAt: runAt,
               maxAttempts: maxAttempts)
    }

    @Test(arguments: TestBackend.all)
    func claimTakesDueJobsOldestFirstAndLeasesThem(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let t0 = Fixtures.t0
            let late = Self.newJob(runAt: t0.addingTimeInterval(-10))
            let early = Self.newJob(tenant: Fixtures.tenantB, runAt: t0.addingTimeInterval(-20))
            let future = Self.newJob(runAt: t0.addingTimeInterval(60))
            try await store.transaction { transaction in
                for job in [late, early, future] { try await transaction.enqueue(job) }
            }
            let lease = t0.addingTimeInterval(30)
            let claimed = try await store.transaction {
                try await $0.claimJobs(owner: "w1", limit: 10, now: t0, leaseUntil: lease)
            }
            #expect(claimed.map(\.id) == [early.id, late.id])
            for job in claimed {
                #expect(job.state == .running)
                #expect(job.attempts == 1)
                #expect(job.leaseOwner == "w1")
                #expect(job.leaseExpiresAt == lease)
                #expect(job.payloadJSON == #"{"p":1}"#)
                #expect(job.maxAttempts == 3)
            }
            // Nothing else is due; the running ones are leased.
            #expect(try await store.transaction { try await $0.claimJobs(owner: "w2", limit: 10, now: t0, leaseUntil: lease) }.isEmpty)
            let limited = try await store.transaction {
                try await $0.claimJobs(owner: "w2", limit: 1, now: t0.addingTimeInterval(61), leaseUntil: lease)
            }
            #expect(limited.count == 1)
            #expect(try await store.transaction { try await $0.claimJobs(owner: "w2", limit: 0, now: t0, leaseUntil: lease) }.isEmpty)
        }
    }

    @Test(arguments: TestBackend.all)
    func anExpiredLeaseIsTakenOverAndTheFormerOwnerCannotFinish(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let t0 = Fixtures.t0
            let job = Self.newJob()
            try await store.transaction { try await $0.enqueue(job) }
            _ = try await store.transaction { try await $0.claimJobs(owner: "w1", limit: 1, now: t0, leaseUntil: t0.addingTimeInterval(30)) }
            let later = t0.addingTimeInterval(31)
            let takenOver = try await store.transaction {
                try await $0.claimJobs(owner: "w2", limit: 5, now: later, leaseUntil: later.addingTimeInterval(30))
            }
            #expect(takenOver.map(\.id) == [job.id])
            #expect(takenOver.first?.attempts == 2)
            #expect(takenOver.first?.leaseOwner == "w2")
            #expect(try await store.transaction { try await $0.completeJob(job.id, owner: "w1", now: later) } == false)
            #expect(try await store.transaction { try await $0.retryJob(job.id, owner: "w1", runAt: later, error: "x", now: later) } == false)
            #expect(try await store.transaction { try await $0.parkJob(job.id, owner: "w1", reason: "x", now: later) } == false)
            #expect(try await store.transaction { try await $0.completeJob(job.id, owner: "w2", now: later) })
            let done = try await store.transaction { try await $0.job(job.id, tenant: Fixtures.tenantA) }
            #expect(done?.state == .done)
            #expect(try await store.transaction { try await $0.completeJob(job.id, owner: "w2", now: later) } == false)
            // A done job is never claimed again.
            #expect(try await store.transaction { try await $0.claimJobs(owner: "w3", limit: 5, now: later.addingTimeInterval(1_000), leaseUntil: later) }.isEmpty)
        }
    }

    @Test(arguments: TestBackend.all)
    func retryParkAndReplay(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let t0 = Fixtures.t0
            let job = Self.newJob()
            try await store.transaction { try await $0.enqueue(job) }
            _ = try await store.transaction { try await $0.claimJobs(owner: "w", limit: 1, now: t0, leaseUntil: t0.addingTimeInterval(30)) }
            let retryAt = t0.addingTimeInterval(8)
            #expect(try await store.transaction { try await $0.retryJob(job.id, owner: "w", runAt: retryAt, error: "boom", now: t0) })
            let pending = try await store.transaction { try await $0.job(job.id, tenant: Fixtures.tenantA) }
            #expect(pending?.state == .pending)
            #expect(pending?.runAt == retryAt)
            #expect(pending?.lastError == "boom")
            #expect(pending?.leaseOwner == nil)
            #expect(try await store.transaction { try await $0.claimJobs(owner: "w", limit: 1, now: t0.addingTimeInterval(7), leaseUntil: t0) }.isEmpty)
            let again = try await store.transaction {
                try await $0.claimJobs(owner: "w", limit: 1, now: retryAt, leaseUntil: retryAt.addingTimeInterval(30))
            }
            #expect(again.first?.attempts == 2)
            #expect(try await store.transaction { try await $0.replayJob(job.id, tenant: Fixtures.tenantA, now: retryAt) } == false)
            #expect(try await store.transaction { try await $0.parkJob(job.id, owner: "w", reason: "gave up", now: retryAt) })
            let parked = try await store.transaction { try await $0.job(job.id, tenant: Fixtures.tenantA) }
            #expect(parked?.state == .parked)
            #expect(parked?.lastError == "gave up")
            #expect(try await store.transaction { try await $0.claimJobs(owner: "w", limit: 1, now: retryAt.addingTimeInterval(999), leaseUntil: retryAt) }.isEmpty)
            #expect(try await store.transaction { try await $0.replayJob(job.id, tenant: Fixtures.tenantB, now: retryAt) } == false)
            let replayAt = retryAt.addingTimeInterval(100)
            #expect(try await store.transaction { try await $0.replayJob(job.id, tenant: Fixtures.tenantA, now: replayAt) })
            let replayed = try await store.transaction { try await $0.job(job.id, tenant: Fixtures.tenantA) }
            #expect(replayed?.state == .pending)
            #expect(replayed?.attempts == 0)
            #expect(replayed?.runAt == replayAt)
            let claimedAgain = try await store.transaction {
                try await $0.claimJobs(owner: "w9", limit: 1, now: replayAt, leaseUntil: replayAt.addingTimeInterval(30))
            }
            #expect(claimedAgain.first?.attempts == 1)
        }
    }

    @Test(arguments: TestBackend.all)
    func listsJobsByTenantStateAndInvoice(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let invoice = InvoiceID.make()
            let first = Self.newJob(runAt: Fixtures.t0, invoice: invoice)
            let second = Self.newJob(runAt: Fixtures.t0.addingTimeInterval(1), kind: .render, invoice: invoice)
            let other = Self.newJob(runAt: Fixtures.t0.addingTimeInterval(2))
            let foreign = Self.newJob(tenant: Fixtures.tenantB, runAt: Fixtures.t0, invoice: invoice)
            try await store.transaction { transaction in
                for job in [first, second, other, foreign] { try await transaction.enqueue(job) }
            }
            let forInvoice = try await store.transaction { try await $0.jobs(invoice: invoice, tenant: Fixtures.tenantA) }
            #expect(forInvoice.map(\.id) == [first.id, second.id])
            let newest = try await store.transaction { try await $0.jobs(tenant: Fixtures.tenantA, state: nil, limit: 2) }
            #expect(newest.map(\.id) == [other.id, second.id])
            let pending = try await store.transaction { try await $0.jobs(tenant: Fixtures.tenantA, state: .pending, limit: 10) }
            #expect(pending.count == 3)
            #expect(try await store.transaction { try await $0.jobs(tenant: Fixtures.tenantA, state: .parked, limit: 10) }.isEmpty)
            #expect(try await store.transaction { try await $0.job(foreign.id, tenant: Fixtures.tenantA) } == nil)
        }
    }

    /// Many workers claim at once; on PostgreSQL each claims on its own connection (FOR UPDATE SKIP LOCKED).
    @Test(arguments: TestBackend.all)
    func concurrentClaimersNeverShareAJob(backend: TestBackend) async throws {
        try await backend.withStore(maximumConnections: 16) { store in
            let total = 600
            try await store.transaction { transaction in
                for index in 0..<total {
                    try await transaction.enqueue(Self.newJob(runAt: Fixtures.t0.addingTimeInterval(Double(-index))))
                }
            }
            let now = Fixtures.t0
            let claims = try await withThrowingTaskGroup(of: [JobID].self) { group in
                for worker in 0..<16 {
                    group.addTask {
                        var mine: [JobID] = []
                        while true {
                            let batch = try await store.transaction {
                                try await $0.claimJobs(owner: "w\(worker)", limit: 7, now: now, leaseUntil: now.addingTimeInterval(600))
                            }
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.id)
                        }
                    }
                }
                var all: [JobID] = []
                for try await ids in group { all += ids }
                return all
            }
            #expect(claims.count == total)
            #expect(Set(claims).count == total)
        }
    }
}
