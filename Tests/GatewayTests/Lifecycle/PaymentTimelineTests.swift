import EInvoice
import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("Audit timeline: payments appear next to the invoice's events")
struct PaymentTimelineTests {
    @Test("a partial then a full 212 become two payment lines with amount, date and remaining balance",
          arguments: TestBackend.all)
    func paymentsOnTheTimeline(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let bench = try await LifecycleBench.make(GatewayHarness(store: store), number: "FA-LC-TL")
            let due = try bench.amountDue
            let part = ExactDecimal(mantissa: 4_000, fractionDigits: 2)
            let rest = due - part
            try await bench.send("212", at: "20261111090000", paid: part)
            try await bench.send("212", at: "20261121090000", paid: rest)

            let service = AuditTrailService(store: store, contributors: [PaymentTimelineContributor()])
            let timeline = try #require(try await service.timeline(invoice: bench.record.id, tenant: Fixtures.tenantA))
            let payments = timeline.items.filter { $0.attributes["type"] == "payment" }
            #expect(payments.count == 2)
            #expect(payments.map { $0.attributes["amount"] } == [part.description, rest.description])
            #expect(payments.map { $0.attributes["remainingBalance"] } == [rest.description, "0.00"])
            #expect(payments.allSatisfy { $0.kind == .other && $0.attributes["status"] == "212" })
            #expect(payments.first?.summary.contains("payment received (212): 40.00 EUR") == true)

            let without = try #require(
                try await AuditTrailService(store: store).timeline(invoice: bench.record.id, tenant: Fixtures.tenantA))
            #expect(without.items.allSatisfy { $0.attributes["type"] != "payment" })
        }
    }
}
