import EInvoiceSyntax
import Foundation
import Gateway
import Server
import Testing

/// The whole way over real HTTP: the ERP posts to the gateway (SQLite, its own port), the gateway validates and
/// sends to the sandbox platform (FlowDispatcher), the sandbox plays the lifecycle and announces each status by a
/// signed webhook (or the gateway polls), the gateway fetches the CDAR and tells the ERP's own HTTP receiver.
@Suite("EndToEnd platform with FlowDispatcher", .serialized)
struct EndToEndPlatformTests {
    static let tenDays: Double = 10 * 86_400

    @Test("ERP → validated → sent to the sandbox → 200…212 by webhook → the ERP gets each → the payment is in GET /v1/reconciliation")
    func paidThroughWebhooks() async throws {
        try await SandboxPlatformWiring.run(scenario: InboundInvoices.scenario, webhooks: true, polling: false) {
            sandbox, gateway, erp, _ in
            let number = "E2E-PAID-1"
            let id = try await InboundChecks.post(gateway, InboundInvoices.cii(InboundInvoices.invoice(number: number)))
            try await InboundChecks.waitSubmitted(gateway, [id])
            try await sandbox.advance(seconds: Self.tenDays)
            try await eventually("the ERP to get all 8 statuses") {
                await erp.statusCodes(of: number).count >= InboundInvoices.paidPath.count
            }
            let delivered = await erp.statusCodes(of: number)
            #expect(delivered.sorted() == InboundInvoices.paidPath, "each status once: \(delivered)")
            #expect(try await InboundChecks.current(gateway, id) == "212")
            #expect(try await InboundChecks.recorded(gateway, id).sorted() == InboundInvoices.paidPath)

            let payments = try await InboundChecks.reconciliation(gateway).filter { $0.invoiceID == id.rawValue }
            #expect(payments.map(\.statusCode).sorted() == ["211", "212"])
            #expect(payments.first { $0.statusCode == "212" }?.fullyPaid == true)
            let events = await erp.statusEvents(of: number)
            let sentPayment = events.first { $0.statusCode == "211" }?.paymentAmount
            #expect(sentPayment != nil)
            #expect(sentPayment == payments.first { $0.statusCode == "211" }?.amount)

            // Every call the sandbox made to the gateway was accepted (202), none refused.
            let calls = try await sandbox.deliveries()
            #expect(calls.count >= InboundInvoices.paidPath.count)
            #expect(calls.allSatisfy { ($0["status"] as? Int) == 202 }, "\(calls)")
        }
    }

    @Test("webhooks off: the polling fallback brings the same invoice to 212, and its cursor is kept in the store")
    func paidThroughPolling() async throws {
        try await SandboxPlatformWiring.run(scenario: InboundInvoices.scenario, webhooks: false, polling: true) {
            sandbox, gateway, erp, platform in
            let number = "E2E-POLL-1"
            let id = try await InboundChecks.post(gateway, InboundInvoices.cii(InboundInvoices.invoice(number: number)))
            try await InboundChecks.waitSubmitted(gateway, [id])
            try await sandbox.advance(seconds: Self.tenDays)
            try await eventually("the invoice to reach 212 by polling") {
                try await InboundChecks.current(gateway, id) == "212"
            }
            try await eventually("the ERP to get all 8 statuses") {
                await erp.statusCodes(of: number).count >= InboundInvoices.paidPath.count
            }
            let codes = await erp.statusCodes(of: number)
            #expect(codes.sorted() == InboundInvoices.paidPath)
            #expect(try await sandbox.deliveries().isEmpty, "no webhook is registered")
            let cursor = try await gateway.sqlStore.channelCursor("platform-poll:\(platform.source.name)",
                                                                  tenant: InboundGateway.tenant)
            #expect(cursor > 0)
        }
    }
}
