import Foundation
import Gateway
import GatewayStorage
import Testing

/// Group commit and the batch write behind it: concurrent requests stored together must give each request the
/// outcome it would get alone, and write exactly the rows the one-by-one path writes.
@Suite("Intake group commit over the real stores")
struct IntakeGroupCommitTests {
    private func request(_ payload: [UInt8], key: String?, audit: Bool = true) -> IntakeRequest {
        IntakeRequest(tenant: Fixtures.tenantA, payload: payload, idempotencyKey: key, actor: "key_test",
                      auditAction: audit ? "invoice.create" : nil, requestID: "req-\(key ?? "none")")
    }

    @Test(arguments: TestBackend.all)
    func concurrentRequestsAreAllStoredEachWithItsRows(backend: TestBackend) async throws {
        try await backend.withStore(maximumConnections: 16) { store in
            let harness = GatewayHarness(store: store)
            let groups = IntakeGroupCommit(intake: harness.intake, maximumGroupSize: 16,
                                           concurrentGroups: backend == .sqlite ? 1 : 3)
            let count = 120
            let outcomes = try await concurrently(count) { index in
                try await groups.receive(request(Payloads.cii(number: "GC-\(index)"), key: "gc-\(index)"))
            }
            #expect(outcomes.allSatisfy { if case .created = $0 { true } else { false } })
            #expect(Set(outcomes.map(\.record.id)).count == count)
            let listed = try await store.transaction {
                try await $0.invoices(tenant: Fixtures.tenantA, filter: InvoiceFilter(), after: nil, limit: 500)
            }
            #expect(listed.count == count)
            for outcome in outcomes.prefix(10) {
                let id = outcome.record.id
                #expect(try await harness.events(id).map(\.type) == ["invoice.received"])
                #expect(try await harness.jobs(id).map(\.kind) == [.check])
                let original = try await store.transaction {
                    try await $0.document(invoice: id, kind: .original, tenant: Fixtures.tenantA)
                }
                #expect(original?.sha256 == outcome.record.payloadSHA256)
            }
            let changes = try await store.transaction { try await $0.changes(tenant: Fixtures.tenantA, after: 0, limit: 500) }
            #expect(changes.map(\.sequence) == Array(1...Int64(count)))
            #expect(Set(changes.map(\.key)) == Set(outcomes.map(\.record.id.rawValue)))
            let audit = try await store.transaction { try await $0.auditEntries(tenant: Fixtures.tenantA, after: 0, limit: 500) }
            #expect(audit.count == count)
            #expect(Set(audit.map(\.target)) == Set(outcomes.map(\.record.id.rawValue)))
        }
    }

    @Test(arguments: TestBackend.all)
    func theSameRequestAHundredTimesThroughGroupsMakesOneInvoice(backend: TestBackend) async throws {
        try await backend.withStore(maximumConnections: 16) { store in
            let harness = GatewayHarness(store: store)
            let groups = IntakeGroupCommit(intake: harness.intake, maximumGroupSize: 8,
                                           concurrentGroups: backend == .sqlite ? 1 : 3)
            let payload = Payloads.cii(number: "SAME-1")
            let outcomes = try await concurrently(100) { _ in try await groups.receive(request(payload, key: "same")) }
            #expect(outcomes.filter { if case .created = $0 { true } else { false } }.count == 1)
            #expect(Set(outcomes.map(\.record.id)).count == 1)
            let id = try #require(outcomes.first?.record.id)
            #expect(try await harness.events(id).count == 1)
            #expect(try await harness.jobs(id).count == 1)
        }
    }

    @Test(arguments: TestBackend.all)
    func eachInvoiceOfAGroupGetsTheOutcomeItWouldGetAlone(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            let stored = try await harness.receive(Payloads.cii(number: "OLD-1"), key: "old")
            let first = Payloads.cii(number: "NEW-1")
            let items = [
                request(first, key: "new-1"),
                request(Payloads.cii(number: "NEW-2"), key: "new-1"),  // key of item 0, other payload
                request(Array("<Invoice".utf8), key: "broken"),  // unreadable
                request(Payloads.cii(number: "NEW-1", lines: 4), key: "new-3"),  // number of item 0, other content
                request(first, key: "new-1"),  // item 0 again
                request(Payloads.cii(number: "OLD-1"), key: "old"),  // the stored invoice again
                request(Payloads.cii(number: "OLD-1", lines: 2), key: "other"),  // stored number, other content
                request(Payloads.cii(number: "NEW-4"), key: nil),
            ].map { IntakeItem(request: $0) }
            let results = try await harness.intake.receive(batch: items)
            #expect(results.count == items.count)
            let created = try #require(try? results[0].get())
            guard case .created(let record) = created else {
                Issue.record("item 0 should be new, got \(created)")
                return
            }
            #expect(conflict(results[1]) == record.id)
            if case .failure(.unreadable) = results[2] {} else { Issue.record("item 2 should be unreadable: \(results[2])") }
            #expect(conflict(results[3]) == record.id)
            #expect(existing(results[4]) == record.id)
            #expect(existing(results[5]) == stored.record.id)
            #expect(conflict(results[6]) == stored.record.id)
            guard case .success(.created(let last)) = results[7] else {
                Issue.record("item 7 should be new: \(results[7])")
                return
            }
            let listed = try await store.transaction {
                try await $0.invoices(tenant: Fixtures.tenantA, filter: InvoiceFilter(), after: nil, limit: 50)
            }
            #expect(Set(listed.map(\.id)) == [stored.record.id, record.id, last.id])
        }
    }

    @Test(arguments: TestBackend.all)
    func theBatchWritesTheRowsOfTheOneByOnePath(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            let alone = try await harness.intake.receive(request(Payloads.cii(number: "ROW-1"), key: "row-1"))
            let grouped = try await harness.intake.receive(batch: [IntakeItem(request: request(
                Payloads.cii(number: "ROW-2"), key: "row-2"))])
            let together = try #require(try? grouped.first?.get())
            let (one, two) = (alone.record.id, together.record.id)
            func shape(_ events: [InvoiceEvent]) -> [String] {
                events.map { "\($0.type) \($0.state) \($0.dedupKey) \($0.actor) \($0.message.replacingOccurrences(of: "ROW-2", with: "ROW-1"))" }
            }
            #expect(shape(try await harness.events(one)) == shape(try await harness.events(two)))
            #expect(try await harness.jobs(one).map { "\($0.kind) \($0.state) \($0.maxAttempts)" }
                == harness.jobs(two).map { "\($0.kind) \($0.state) \($0.maxAttempts)" })
            let references = try await store.transaction { transaction in
                (try await transaction.references(invoice: one, tenant: Fixtures.tenantA),
                 try await transaction.references(invoice: two, tenant: Fixtures.tenantA))
            }
            #expect(!references.0.isEmpty)
            #expect(references.0.map { "\($0.kind) \($0.value)" } == references.1.map { "\($0.kind) \($0.value)" })
            let audit = try await store.transaction { try await $0.auditEntries(tenant: Fixtures.tenantA, after: 0, limit: 10) }
            #expect(audit.map { "\($0.actor) \($0.action) \($0.outcome)" } == Array(repeating: "key_test invoice.create created", count: 2))
            let changes = try await store.transaction { try await $0.changes(tenant: Fixtures.tenantA, after: 0, limit: 10) }
            #expect(changes.map(\.change) == ["state:received", "state:received"])
            #expect(changes.map(\.key) == [one.rawValue, two.rawValue])
        }
    }

    @Test(arguments: TestBackend.all)
    func subscribersGetTheirDeliveriesForGroupedInvoices(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            let subscription = WebhookSubscription(
                id: "sub-1", tenant: Fixtures.tenantA, url: "https://erp.example/hook", eventTypes: ["invoice.received"],
                secret: "whsec", createdAt: Fixtures.t0)
            try await store.transaction { try await $0.insertSubscription(subscription) }
            let items = (0..<5).map { IntakeItem(request: request(Payloads.cii(number: "SUB-\($0)"), key: "sub-\($0)")) }
            let results = try await harness.intake.receive(batch: items)
            #expect(results.allSatisfy { if case .success(.created) = $0 { true } else { false } })
            let deliveries = try await store.transaction { try await $0.deliveries(tenant: Fixtures.tenantA, state: nil, limit: 50) }
            #expect(deliveries.count == 5)
            #expect(deliveries.allSatisfy { $0.eventType == "invoice.received" })
        }
    }

    @Test(arguments: TestBackend.all)
    func aBatchThatBreaksAUniqueKeyWritesNothing(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let taken = Fixtures.invoice(number: "T-1", idempotencyKey: "taken")
            try await store.transaction { try await $0.insertInvoice(taken) }
            let fresh = Fixtures.invoice(number: "T-2", idempotencyKey: "fresh")
            let clash = Fixtures.invoice(number: "T-3", idempotencyKey: "taken")
            let writes = [fresh, clash].map { record in
                NewInvoiceWrite(
                    record: record, original: Fixtures.document(record), references: [], erpReference: nil,
                    event: Fixtures.event(record), checkJob: NewJob(tenant: record.tenant, kind: .check,
                                                                    invoiceID: record.id, runAt: Fixtures.t0),
                    audit: nil)
            }
            await #expect(throws: StoreError.self) {
                try await store.transaction { try await $0.insertNewInvoices(writes) }
            }
            let found = try await store.transaction {
                try await $0.invoices(tenant: Fixtures.tenantA, idempotencyKeys: ["fresh", "taken"], documentKeys: [])
            }
            #expect(found.map(\.id) == [taken.id])
        }
    }

    @Test(arguments: TestBackend.all)
    func keyLookupSkipsRejectedInvoicesOnlyByDocumentKey(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let rejected = Fixtures.invoice(number: "R-1", idempotencyKey: "r-1", state: .rejected)
            let live = Fixtures.invoice(number: "L-1", idempotencyKey: "l-1")
            let otherYear = Fixtures.invoice(number: "L-1", year: 2025)
            try await store.transaction { transaction in
                for invoice in [rejected, live, otherYear] { try await transaction.insertInvoice(invoice) }
            }
            let byDocument = try await store.transaction {
                try await $0.invoices(tenant: Fixtures.tenantA, idempotencyKeys: [],
                                      documentKeys: [rejected.documentKey, live.documentKey])
            }
            #expect(byDocument.map(\.id) == [live.id])
            let byKey = try await store.transaction {
                try await $0.invoices(tenant: Fixtures.tenantA, idempotencyKeys: ["r-1"], documentKeys: [])
            }
            #expect(byKey.map(\.id) == [rejected.id])
            let otherTenant = try await store.transaction {
                try await $0.invoices(tenant: Fixtures.tenantB, idempotencyKeys: ["l-1"], documentKeys: [live.documentKey])
            }
            #expect(otherTenant.isEmpty)
        }
    }

    /// Runs `count` intakes at once; their outcomes in completion order.
    private func concurrently(_ count: Int, _ intake: @escaping @Sendable (Int) async throws -> IntakeOutcome)
        async throws -> [IntakeOutcome]
    {
        try await withThrowingTaskGroup(of: IntakeOutcome.self) { group in
            for index in 0..<count { group.addTask { try await intake(index) } }
            var outcomes: [IntakeOutcome] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
    }

    private func conflict(_ result: Result<IntakeOutcome, IntakeError>) -> InvoiceID? {
        if case .failure(.conflict(let existing, _)) = result { existing } else { nil }
    }

    private func existing(_ result: Result<IntakeOutcome, IntakeError>) -> InvoiceID? {
        if case .success(.existing(let record)) = result { record.id } else { nil }
    }
}
