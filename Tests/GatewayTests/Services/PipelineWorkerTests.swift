import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("PipelineWorker end to end over the real stores")
struct PipelineWorkerTests {
    @Test(arguments: TestBackend.all)
    func anInvoiceTravelsToHeldWithItsEventsInOrder(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await harness.seedTenant(priceLists: [Payloads.priceList()])
            let subscription = WebhookSubscription(id: "sub-1", tenant: Fixtures.tenantA, url: "https://erp.example/hook",
                                                   eventTypes: ["invoice.held"], secret: "whsec", createdAt: Fixtures.t0)
            try await store.transaction { try await $0.insertSubscription(subscription) }
            let outcome = try await harness.receive(Payloads.cii(number: "E2E-1"), key: "e2e")
            let ran = try await harness.worker().drain()
            #expect(ran == 4)
            let id = outcome.record.id
            let record = try await harness.invoice(id)
            #expect(record?.state == .held)
            #expect(record?.version == 4)
            let events = try await harness.events(id)
            #expect(events.map(\.type) == ["invoice.received", "invoice.checked", "invoice.rendered", "invoice.held"])
            #expect(events.map(\.state) == [.received, .checked, .rendered, .held])
            #expect(Set(events.map(\.dedupKey)).count == events.count)
            let jobs = try await harness.jobs(id)
            #expect(jobs.map(\.kind) == [.check, .render, .dispatch, .webhook])
            #expect(jobs.allSatisfy { $0.state == .done && $0.attempts == 1 })
            #expect(try await store.transaction { try await $0.document(invoice: id, kind: .cii, tenant: Fixtures.tenantA) } != nil)
            #expect(harness.dispatcher.submissionKeys == ["invoice:\(id.rawValue)"])
            let posts = harness.webhooks.recorded
            #expect(posts.count == 1)
            #expect(posts.first?.headers[WebhookSignature.eventHeader] == "invoice.held")
            let delivered = try await store.transaction { try await $0.deliveries(tenant: Fixtures.tenantA, state: .delivered, limit: 5) }
            #expect(delivered.count == 1)
            let changes = try await store.transaction { try await $0.changes(tenant: Fixtures.tenantA, after: 0, limit: 50) }
            #expect(changes.filter { $0.subject == .invoice }.map(\.change) == ["state:received", "state:checked", "state:rendered", "state:held"])
            // Running the worker again finds nothing to do.
            #expect(try await harness.worker().drain() == 0)
        }
    }

    @Test(arguments: TestBackend.all)
    func aFailingStepBacksOffThenParksAndReplays(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let dispatcher = RecordingDispatcher()
            dispatcher.setFailing(true)
            let harness = GatewayHarness(store: store, dispatcher: dispatcher)
            try await harness.seedTenant()
            let id = try await harness.receive(Payloads.cii(number: "FAIL-1")).record.id
            let worker = harness.worker()
            try await worker.drain()
            var dispatch = try #require(try await harness.jobs(id).first { $0.kind == .dispatch })
            #expect(dispatch.state == .pending)
            #expect(dispatch.attempts == 1)
            #expect(dispatch.lastError == "the platform is down")
            // Backoff without jitter: 1 s, 2 s, 4 s, … after each failed attempt, capped at the policy's 60 s.
            var expectedDelay: TimeInterval = 1
            while dispatch.state == .pending {
                let failedAt = harness.clock.now()
                #expect(abs(dispatch.runAt.timeIntervalSince(failedAt) - expectedDelay) < 0.002)
                harness.clock.advance(by: expectedDelay - 0.01)
                #expect(try await worker.runOnce() == 0)
                harness.clock.advance(by: 0.01)
                #expect(try await worker.runOnce() == 1)
                dispatch = try #require(try await harness.jobs(id).first { $0.kind == .dispatch })
                expectedDelay = min(expectedDelay * 2, 60)
            }
            #expect(dispatch.state == .parked)
            #expect(dispatch.attempts == dispatch.maxAttempts)
            #expect(dispatcher.submissionKeys.count == dispatch.maxAttempts)
            #expect(try await harness.invoice(id)?.state == .rendered)
            #expect(try await harness.events(id).map(\.type).last == "job.parked")

            dispatcher.setFailing(false)
            let replayed = try await harness.admin.replay(dispatch.id, tenant: Fixtures.tenantA, actor: "key_admin")
            #expect(replayed.state == .pending)
            #expect(replayed.attempts == 0)
            await #expect(throws: PipelineAdmin.ReplayError.notParked(.pending)) {
                _ = try await harness.admin.replay(dispatch.id, tenant: Fixtures.tenantA, actor: "key_admin")
            }
            await #expect(throws: PipelineAdmin.ReplayError.notFound) {
                _ = try await harness.admin.replay(dispatch.id, tenant: Fixtures.tenantB, actor: "key_admin")
            }
            try await worker.drain()
            #expect(try await harness.invoice(id)?.state == .held)
            let types = try await harness.events(id).map(\.type)
            #expect(types == ["invoice.received", "invoice.checked", "invoice.rendered", "job.parked", "job.replayed", "invoice.held"])
            let audit = try await store.transaction { try await $0.auditEntries(tenant: Fixtures.tenantA, after: 0, limit: 10) }
            #expect(audit.map(\.action) == ["job.replay"])
        }
    }

    @Test(arguments: TestBackend.all)
    func aCrashedWorkersJobIsTakenOverAfterItsLease(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await harness.seedTenant()
            let id = try await harness.receive(Payloads.cii(number: "CRASH-1")).record.id
            // A worker claims the check job and dies before finishing it.
            let now = harness.clock.now()
            let claimed = try await store.transaction {
                try await $0.claimJobs(owner: "dead-worker", limit: 10, now: now, leaseUntil: now.addingTimeInterval(60))
            }
            #expect(claimed.count == 1)
            #expect(try await harness.worker(id: "survivor").drain() == 0)
            harness.clock.advance(by: 61)
            try await harness.worker(id: "survivor").drain()
            #expect(try await harness.invoice(id)?.state == .held)
            let check = try #require(try await harness.jobs(id).first { $0.kind == .check })
            #expect(check.attempts == 2)
            #expect(check.leaseOwner == "survivor")
            #expect(try await store.transaction { try await $0.completeJob(check.id, owner: "dead-worker", now: now) } == false)
            #expect(try await harness.events(id).count == 4)
        }
    }

    /// Two workers (two nodes) drain one queue together: every job runs once, every invoice ends held once.
    @Test(arguments: TestBackend.all)
    func twoWorkersDrainingTogetherRunEachJobOnce(backend: TestBackend) async throws {
        try await backend.withStore(maximumConnections: 12) { store in
            let harness = GatewayHarness(store: store)
            try await harness.seedTenant()
            var ids: [InvoiceID] = []
            for index in 0..<40 {
                ids.append(try await harness.receive(Payloads.cii(number: "TWO-\(index)")).record.id)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in ["node-1", "node-2"] {
                    group.addTask { try await harness.worker(id: worker).drain() }
                }
                try await group.waitForAll()
            }
            try await harness.worker(id: "node-1").drain()
            var owners = Set<String>()
            for id in ids {
                #expect(try await harness.invoice(id)?.state == .held)
                let events = try await harness.events(id)
                #expect(events.map(\.type) == ["invoice.received", "invoice.checked", "invoice.rendered", "invoice.held"])
                let jobs = try await harness.jobs(id)
                #expect(jobs.count == 3)
                #expect(jobs.allSatisfy { $0.state == .done && $0.attempts == 1 })
                owners.formUnion(jobs.compactMap(\.leaseOwner))
            }
            #expect(harness.dispatcher.submissionKeys.count == ids.count)
            #expect(Set(harness.dispatcher.submissionKeys).count == ids.count)
            if backend == .postgres { #expect(owners == ["node-1", "node-2"]) }
        }
    }
}
