import EInvoice
import EInvoiceSyntax
import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("Lifecycle service over the real stores")
struct LifecycleServiceTests {
    static let hundred = ExactDecimal(mantissa: 10_000, fractionDigits: 2)

    @Test("200…212 with a partial then a full payment: statuses, CDAR documents, payments, events and change feed",
          arguments: TestBackend.all)
    func fullSequence(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let bench = try await LifecycleBench.make(GatewayHarness(store: store))
            let due = try bench.amountDue
            let rest = due - Self.hundred
            let versionBefore = bench.record.version
            var outcomes: [StatusReceipt.Outcome] = []
            for (code, time) in [("200", "20261102090000"), ("201", "20261102090500"), ("202", "20261102100000"),
                                 ("203", "20261102100500"), ("204", "20261103080000"), ("205", "20261104080000")] {
                outcomes.append(try await bench.send(code, at: time).outcome)
            }
            outcomes.append(try await bench.send("211", at: "20261110090000", paid: Self.hundred).outcome)
            let partial = try await bench.send("212", at: "20261111090000", paid: Self.hundred)
            outcomes.append(partial.outcome)
            outcomes.append(try await bench.send("211", at: "20261120090000", paid: rest).outcome)
            let full = try await bench.send("212", at: "20261121090000", paid: rest)
            outcomes.append(full.outcome)

            #expect(outcomes == Array(repeating: .recorded(.applied), count: 8) + [.recorded(.afterTerminal), .recorded(.applied)])
            #expect(partial.payment?.remainingAfter == rest)
            #expect(partial.payment?.exceedsBalance == false)
            #expect(partial.payment?.settles == false)
            #expect(full.payment?.remainingAfter == .zero)
            #expect(full.payment?.settles == true)

            let statuses = try await bench.statuses()
            #expect(statuses.map(\.status.code) == ["200", "201", "202", "203", "204", "205", "211", "212", "211", "212"])
            let summary = try #require(try await bench.summary())
            #expect(summary.current == .paymentReceived)
            #expect(summary.paid == due)
            #expect(summary.sent == due)
            #expect(summary.remaining == .zero)
            #expect(summary.fullyPaid)
            #expect(summary.statusCount == 10)

            let payments = try await bench.payments()
            #expect(payments.map(\.kind) == [.sent, .cashed, .sent, .cashed])
            #expect(payments.map(\.amount) == [Self.hundred, Self.hundred, rest, rest])
            #expect(payments.map(\.remainingAfter) == [rest, rest, .zero, .zero])
            #expect(payments.allSatisfy { $0.amountDue == due && $0.currency == "EUR" })

            let record = try #require(try await bench.harness.invoice(bench.record.id))
            #expect(record.version == versionBefore + 10)
            #expect(record.state == bench.record.state)

            let changes = try await bench.changes()
            #expect(changes.filter { $0.subject == .invoice }.map(\.change).filter { $0.hasPrefix("status:") }
                .count == 10)
            #expect(changes.filter { $0.subject == .payment }.map(\.change)
                == ["payment:211", "payment:212", "payment:211", "payment:212"])
            #expect(payments.map(\.feedSequence) == changes.filter { $0.subject == .payment }.map(\.sequence))

            let events = try await bench.harness.events(bench.record.id).filter { $0.type == "invoice.status" }
            #expect(events.count == 10)
            #expect(events.contains { $0.message.hasPrefix("Statut 205 Approuvée") })
            #expect(events.contains { $0.message.hasPrefix("Statut 212 Encaissée") })

            let stored = try await store.read {
                try await $0.statusDocuments(invoice: bench.record.id, tenant: Fixtures.tenantA)
            }
            let documents = stored.filter { $0.kind == .cdar }
            #expect(documents.count == 10)
            #expect(Set(documents.map(\.name)).count == 10)
            #expect(documents.allSatisfy { $0.name.hasPrefix("cdar-2") })
            // Each payment is also kept as its own JSON document, named after the status that reported it.
            let paymentDocuments = stored.filter { $0.kind == .payment }
            #expect(stored.count == documents.count + paymentDocuments.count)
            #expect(paymentDocuments.map(\.name).sorted()
                == payments.map { "payment-\($0.statusCode)-\($0.statusID)" }.sorted())
            for document in paymentDocuments {
                let json = try #require(
                    try JSONSerialization.jsonObject(with: Data(document.bytes)) as? [String: Any])
                let payment = try #require(payments.first { document.name.hasSuffix($0.statusID) })
                #expect(json["amount"] as? String == payment.amount.description)
                #expect(json["remainingBalance"] as? String == payment.remainingBalance?.description)
                #expect(json["statusCode"] as? String == payment.statusCode)
                #expect(json["invoiceNumber"] as? String == bench.invoice.number)
                #expect(document.mediaType == "application/json")
            }
            #expect(Set(documents.map(\.sha256)) == Set(statuses.compactMap(\.cdarSHA256)))
            let (exit, output) = try LifecycleFixtures.validateAgainstXSD(documents.map(\.bytes))
            #expect(exit == 0, "\(output)")
            #expect(output.contains("checked 10 invalid 0"), "\(output)")
        }
    }

    @Test("a message received twice, or the same code at the same time, is ignored", arguments: TestBackend.all)
    func duplicates(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let bench = try await LifecycleBench.make(GatewayHarness(store: store))
            let first = try await bench.send("204", at: "20261103080000", id: "MSG-1")
            let changesAfterFirst = try await bench.changes()
            let again = try await bench.send("204", at: "20261103080000", id: "MSG-1")
            let sameCodeAndTime = try await bench.send("204", at: "20261103080000", id: "MSG-2")
            #expect(first.outcome == .recorded(.applied))
            #expect(again.outcome == .duplicate)
            #expect(again.status.id == first.status.id)
            #expect(sameCodeAndTime.outcome == .duplicate)
            #expect(try await bench.statuses().count == 1)
            #expect(try await bench.changes() == changesAfterFirst)
            #expect(try await bench.harness.invoice(bench.record.id)?.version == first.invoice.version)
            let documents = try await store.read {
                try await $0.statusDocuments(invoice: bench.record.id, tenant: Fixtures.tenantA)
            }
            #expect(documents.count == 1)
        }
    }

    @Test("202 after 205 is recorded but the invoice stays at 205", arguments: TestBackend.all)
    func outOfOrder(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let bench = try await LifecycleBench.make(GatewayHarness(store: store))
            try await bench.send("205", at: "20261104080000")
            let late = try await bench.send("202", at: "20261102100000")
            #expect(late.outcome == .recorded(.older))
            #expect(late.summary?.current == .approved)
            #expect(try await bench.summary()?.current == .approved)
            #expect(try await bench.statuses().map(\.outcome) == [.applied, .older])
            let events = try await bench.harness.events(bench.record.id).filter { $0.type == "invoice.status" }
            #expect(events.last?.message.contains("reste au statut 205 Approuvée") == true)
            #expect(try await bench.changes().map(\.change).suffix(2) == ["status:205", "status:202"])
        }
    }

    @Test("a payment above what remains is recorded whole and flagged", arguments: TestBackend.all)
    func overpayment(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let bench = try await LifecycleBench.make(GatewayHarness(store: store))
            let due = try bench.amountDue
            let tooMuch = due + ExactDecimal(mantissa: 1_050, fractionDigits: 2)
            try await bench.send("212", at: "20261111090000", paid: Self.hundred)
            let over = try await bench.send("212", at: "20261112090000", paid: tooMuch - Self.hundred)
            let payment = try #require(over.payment)
            #expect(payment.amount == tooMuch - Self.hundred)
            #expect(payment.exceedsBalance)
            #expect(payment.remainingAfter == due - tooMuch)
            #expect(payment.excess == ExactDecimal(mantissa: 1_050, fractionDigits: 2))
            #expect(payment.remainingBalance == .zero)
            let summary = try #require(try await bench.summary())
            #expect(summary.paid == tooMuch)
            #expect(summary.fullyPaid)
            #expect(try await bench.payments().map(\.exceedsBalance) == [false, true])
        }
    }

    @Test("the invoice is found by id, by the CDAR reference or by the platform's flow id; others are refused",
          arguments: TestBackend.all)
    func findingTheInvoice(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            let bench = try await LifecycleBench.make(harness)
            let other = try await LifecycleBench.make(harness, number: "FA-LC-2")
            try await store.transaction { transaction in
                try await transaction.recordPlatformSubmission(
                    tenant: Fixtures.tenantA, invoice: bench.record.id, platform: "sandbox", flowID: "FLOW-77",
                    at: Fixtures.t0)
            }
            let byFlow = try await bench.service.receive(.fromPlatform(
                tenant: Fixtures.tenantA, cdar: try LifecycleFixtures.cdar(bench.invoice, "200", at: "20261102090000"),
                platform: "sandbox", flowID: "FLOW-77"))
            #expect(byFlow.invoice.id == bench.record.id)
            let byID = try await bench.service.receive(StatusSubmission(
                tenant: Fixtures.tenantA,
                content: .cdar(try LifecycleFixtures.cdar(bench.invoice, "202", at: "20261102100000")),
                target: .invoice(bench.record.id), source: .api, actor: "key_1"))
            #expect(byID.status.source == .api)
            #expect(try await other.send("200", at: "20261102090000").invoice.id == other.record.id)

            await #expect(throws: LifecycleError.self) {
                try await bench.service.receive(StatusSubmission(
                    tenant: Fixtures.tenantA,
                    content: .cdar(try LifecycleFixtures.cdar(other.invoice, "204", at: "20261103080000")),
                    target: .invoice(bench.record.id), source: .api, actor: "key_1"))
            }
            await #expect(throws: LifecycleError.invoiceNotFound("platform flow FLOW-404")) {
                try await bench.service.receive(.fromPlatform(
                    tenant: Fixtures.tenantA,
                    cdar: try LifecycleFixtures.cdar(bench.invoice, "204", at: "20261103080000"), platform: "sandbox",
                    flowID: "FLOW-404"))
            }
            await #expect(throws: LifecycleError.self) {
                try await bench.service.receive(.fromPlatform(
                    tenant: Fixtures.tenantB,
                    cdar: try LifecycleFixtures.cdar(bench.invoice, "204", at: "20261103080000"), platform: "sandbox"))
            }
            #expect(try await bench.statuses().map(\.status.code) == ["200", "202"])
        }
    }

    @Test("an unreadable CDAR message is refused with its location, and nothing is written", arguments: TestBackend.all)
    func unreadable(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let bench = try await LifecycleBench.make(GatewayHarness(store: store))
            var text = String(decoding: try LifecycleFixtures.cdar(bench.invoice, "205", at: "20261104080000"),
                              as: UTF8.self)
            text = text.replacingOccurrences(of: "20261104080000", with: "2026-11-04")
            do {
                _ = try await bench.service.receive(.fromPlatform(
                    tenant: Fixtures.tenantA, cdar: Array(text.utf8), platform: "sandbox"))
                Issue.record("a malformed date-time was accepted")
            } catch LifecycleError.unreadableMessage(let error) {
                #expect(error.line > 1)
                #expect(error.path.contains("IssueDateTime"))
            }
            #expect(try await bench.statuses().isEmpty)
            #expect(try await bench.summary() == nil)
        }
    }

    @Test("statuses of one invoice arriving at once on several connections are all recorded",
          arguments: TestBackend.postgresOnly)
    func concurrentArrivals(backend: TestBackend) async throws {
        try await backend.withStore(maximumConnections: 8) { store in
            let bench = try await LifecycleBench.make(GatewayHarness(store: store))
            let codes = ["200", "201", "202", "203", "204", "205"]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, code) in codes.enumerated() {
                    group.addTask { try await bench.send(code, at: "2026110\(index + 2)090000") }
                }
                try await group.waitForAll()
            }
            #expect(Set(try await bench.statuses().map(\.status.code)) == Set(codes))
            #expect(try await bench.summary()?.current == .approved)
            #expect(try await bench.harness.invoice(bench.record.id)?.version == bench.record.version + codes.count)
        }
    }
}
