import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("IntakeService over the real stores")
struct IntakeServiceTests {
    @Test(arguments: TestBackend.all)
    func aCIIInvoiceIsStoredWithItsPayloadEventJobAndChange(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            let payload = try Payloads.corpus("en16931/cii/CII_example1.xml")
            let outcome = try await harness.receive(payload, key: "erp-1")
            guard case .created(let record) = outcome else {
                Issue.record("expected a new invoice, got \(outcome)")
                return
            }
            #expect(record.state == .received)
            #expect(record.sourceFormat == .cii)
            #expect(record.documentKey.number == "12115118")
            #expect(record.payloadSHA256 == Hashing.sha256Hex(payload))
            #expect(record.totalWithVAT != nil)
            let stored = try await harness.invoice(record.id)
            #expect(stored?.id == record.id)
            #expect(stored?.totalWithVAT == record.totalWithVAT)
            let original = try await store.transaction { try await $0.document(invoice: record.id, kind: .original, tenant: Fixtures.tenantA) }
            #expect(original?.bytes == payload)
            #expect(try await harness.events(record.id).map(\.type) == ["invoice.received"])
            #expect(try await harness.jobs(record.id).map(\.kind) == [.check])
            let changes = try await store.transaction { try await $0.changes(tenant: Fixtures.tenantA, after: 0, limit: 10) }
            #expect(changes.map(\.change) == ["state:received"])
            #expect(changes.first?.key == record.id.rawValue)
        }
    }

    @Test(arguments: TestBackend.all)
    func aUBLInvoiceIsRecognised(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            let outcome = try await harness.receive(try Payloads.corpus("en16931/ubl/guide-example1.xml"))
            #expect(outcome.record.sourceFormat == .ubl)
            #expect(try await harness.invoice(outcome.record.id)?.sourceFormat == .ubl)
        }
    }

    @Test(arguments: TestBackend.all)
    func theSameRequestAHundredTimesInParallelMakesOneInvoice(backend: TestBackend) async throws {
        try await backend.withStore(maximumConnections: 16) { store in
            let harness = GatewayHarness(store: store)
            let payload = Payloads.cii(number: "PAR-1")
            for key in ["same-key", nil] as [String?] {
                let number = key == nil ? "PAR-2" : "PAR-1"
                let body = key == nil ? Payloads.cii(number: number) : payload
                let outcomes = try await withThrowingTaskGroup(of: IntakeOutcome.self) { group in
                    for _ in 0..<100 { group.addTask { try await harness.receive(body, key: key) } }
                    var outcomes: [IntakeOutcome] = []
                    for try await outcome in group { outcomes.append(outcome) }
                    return outcomes
                }
                let created = outcomes.filter { if case .created = $0 { true } else { false } }
                #expect(created.count == 1)
                #expect(Set(outcomes.map(\.record.id)).count == 1)
                let listed = try await store.transaction {
                    try await $0.invoices(tenant: Fixtures.tenantA, filter: InvoiceFilter(), after: nil, limit: 500)
                }
                #expect(listed.filter { $0.documentKey.number == number }.count == 1)
                let id = try #require(outcomes.first?.record.id)
                #expect(try await harness.events(id).count == 1)
                #expect(try await harness.jobs(id).count == 1)
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func anIdempotencyKeyReusedForAnotherPayloadIsAConflict(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            let first = try await harness.receive(Payloads.cii(number: "K-1"), key: "k")
            do {
                _ = try await harness.receive(Payloads.cii(number: "K-2"), key: "k")
                Issue.record("a reused key with another payload was accepted")
            } catch IntakeError.conflict(let existing, let reason) {
                #expect(existing == first.record.id)
                #expect(reason.contains("Idempotency-Key"))
            }
            // The same key and payload is the same request.
            #expect(try await harness.receive(Payloads.cii(number: "K-1"), key: "k") == .existing(try #require(try await harness.invoice(first.record.id))))
        }
    }

    @Test(arguments: TestBackend.all)
    func theSameNumberWithOtherContentIsAConflict(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            let first = try await harness.receive(Payloads.cii(number: "N-1", lines: 2))
            await #expect(throws: IntakeError.self) {
                _ = try await harness.receive(Payloads.cii(number: "N-1", lines: 3))
            }
            do {
                _ = try await harness.receive(Payloads.cii(number: "N-1", lines: 3), key: "fresh-key")
                Issue.record("another payload with the same number was accepted")
            } catch IntakeError.conflict(let existing, _) {
                #expect(existing == first.record.id)
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func aRejectedInvoiceFreesItsNumber(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            // No catalogue: the unknown products reject the first version.
            try await store.transaction { try await $0.insertTenant(Fixtures.tenant(Fixtures.tenantA)) }
            let first = try await harness.receive(Payloads.cii(number: "R-1", lines: 2))
            try await harness.worker().drain()
            #expect(try await harness.invoice(first.record.id)?.state == .rejected)
            let corrected = try await harness.receive(Payloads.cii(number: "R-1", lines: 3))
            guard case .created(let record) = corrected else {
                Issue.record("the corrected invoice was not created: \(corrected)")
                return
            }
            #expect(record.id != first.record.id)
            #expect(try await harness.invoice(first.record.id)?.state == .rejected)
        }
    }

    @Test(arguments: TestBackend.all)
    func unreadableAndUnidentifiablePayloadsAreRefused(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            await #expect(throws: IntakeError.self) { _ = try await harness.receive(Array("hello".utf8)) }
            await #expect(throws: IntakeError.self) { _ = try await harness.receive(Array("<Invoice><broken".utf8)) }
            let noNumber = Payloads.cii(number: "X") { $0.number = "" }
            do {
                _ = try await harness.receive(noNumber)
                Issue.record("an invoice without a number was accepted")
            } catch IntakeError.missingIdentity {
            } catch IntakeError.unreadable {
            }
            #expect(try await store.transaction { try await $0.invoiceCountsByState(tenant: Fixtures.tenantA, batchID: nil) }.isEmpty)
        }
    }
}
