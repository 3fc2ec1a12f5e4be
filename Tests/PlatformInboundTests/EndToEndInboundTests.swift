import EInvoiceSyntax
import Foundation
import Gateway
import Server
import Testing

/// The inbound side the whole way over real HTTP: the ERP posts to the gateway (SQLite, its own port), the invoice is
/// checked and handed to the sandbox platform (by the test, with the dispatcher's trackingId, until FlowDispatcher is
/// merged), the sandbox plays the lifecycle and announces each status by a signed webhook (or the gateway polls),
/// the gateway fetches the CDAR and tells the ERP's own HTTP receiver.
@Suite("EndToEnd inbound lifecycle", .serialized)
struct EndToEndInboundTests {
    static let tenDays: Double = 10 * 86_400

    @Test("ERP → checked → on the platform → 200…212 by webhook → the ERP gets each once → the payments are in GET /v1/reconciliation")
    func paidThroughWebhooks() async throws {
        try await SandboxInboundWiring.run(webhooks: true, polling: false) { sandbox, gateway, erp, platform in
            let number = "E2E-PAID-1"
            let id = try await platform.send(gateway, InboundInvoices.cii(InboundInvoices.invoice(number: number)))
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

            let calls = try await sandbox.deliveries()
            #expect(calls.count == InboundInvoices.paidPath.count)
            #expect(calls.allSatisfy { ($0["status"] as? Int) == 202 }, "\(calls)")
        }
    }

    @Test("a rejected invoice (213, BR-FR broken) and a refused one (210 with its reason) reach the ERP with their reasons")
    func rejectedAndRefused() async throws {
        let rejected = InboundInvoices.missingLegalMention(number: "E2E-REJ-1")
        #expect(InboundInvoices.fatalRules(rejected, .en16931).isEmpty, "the gateway must let it through")
        #expect(!InboundInvoices.fatalRules(rejected, .fr).isEmpty, "the platform must reject it")
        try await SandboxInboundWiring.run(webhooks: true, polling: false) { sandbox, gateway, erp, platform in
            let rejectedID = try await platform.send(gateway, InboundInvoices.cii(rejected))
            let refusedID = try await platform.send(gateway, InboundInvoices.cii(
                InboundInvoices.invoice(number: "E2E-REF-1", buyer: InboundInvoices.refusingBuyer)))
            try await sandbox.advance(seconds: Self.tenDays)
            try await eventually("the ERP to get 213 and 210") {
                let rejectedCodes = await erp.statusCodes(of: "E2E-REJ-1")
                let refusedCodes = await erp.statusCodes(of: "E2E-REF-1")
                return rejectedCodes.contains("213") && refusedCodes.contains("210")
            }
            let rejectedEvents = await erp.statusEvents(of: "E2E-REJ-1")
            let refusedEvents = await erp.statusEvents(of: "E2E-REF-1")
            let rejection = try #require(rejectedEvents.first { $0.statusCode == "213" })
            #expect(rejection.reasons.first?.code == "REJ_SEMAN")
            #expect(rejection.reasons.first?.text?.contains("BR-FR-05") == true, "\(rejection.reasons)")
            let refusal = try #require(refusedEvents.first { $0.statusCode == "210" })
            #expect(refusal.reasons.first?.code == "MONTANTTOTAL_ERR")
            #expect(refusal.reasons.first?.text == "montant total faux")
            #expect(try await InboundChecks.current(gateway, rejectedID) == "213")
            #expect(try await InboundChecks.current(gateway, refusedID) == "210")
            #expect(try await InboundChecks.reconciliation(gateway).isEmpty)
        }
    }

    @Test("webhooks off: the polling fallback brings the same invoice to 212, and its cursor is kept in the store")
    func paidThroughPolling() async throws {
        try await SandboxInboundWiring.run(webhooks: false, polling: true) { sandbox, gateway, erp, platform in
            let number = "E2E-POLL-1"
            let id = try await platform.send(gateway, InboundInvoices.cii(InboundInvoices.invoice(number: number)))
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
            let cursor = try await gateway.sqlStore.channelCursor("platform-poll:\(SandboxInboundWiring.name)",
                                                                  tenant: InboundGateway.tenant)
            #expect(cursor > 0)
        }
    }

    @Test("a webhook signed with another key (a registration the gateway does not know) is refused 401; the statuses still arrive once")
    func foreignSignatureRefused() async throws {
        try await SandboxInboundWiring.run(webhooks: true, polling: false) { sandbox, gateway, erp, platform in
            let foreign = try await platform.register(gatewayURL: gateway.url).id
            let number = "E2E-SIG-1"
            let id = try await platform.send(gateway, InboundInvoices.cii(InboundInvoices.invoice(number: number)))
            try await sandbox.advance(seconds: Self.tenDays)
            try await eventually("the invoice to reach 212") { try await InboundChecks.current(gateway, id) == "212" }
            let calls = try await sandbox.deliveries()
            let refused = calls.filter { $0["webhookId"] as? String == foreign }
            #expect(refused.count == InboundInvoices.paidPath.count)
            #expect(refused.allSatisfy { ($0["status"] as? Int) == 401 })
            #expect(calls.filter { $0["webhookId"] as? String != foreign }.allSatisfy { ($0["status"] as? Int) == 202 })
            try await eventually("the ERP to get all 8 statuses") {
                await erp.statusCodes(of: number).count >= InboundInvoices.paidPath.count
            }
            let codes = await erp.statusCodes(of: number)
            #expect(codes.sorted() == InboundInvoices.paidPath)
        }
    }

    @Test("the platform failing every fetch does not lose a status: the jobs retry, and the statuses arrive once it answers")
    func fetchFailureRetried() async throws {
        try await SandboxInboundWiring.run(webhooks: true, polling: false) { sandbox, gateway, erp, platform in
            let number = "E2E-RETRY-1"
            let id = try await platform.send(gateway, InboundInvoices.cii(InboundInvoices.invoice(number: number)))
            try await sandbox.setFaults(["errorRate": 1.0])
            try await sandbox.advance(seconds: Self.tenDays)
            try await eventually("the fetches to fail and be retried") {
                let jobs = try await gateway.jobs(.platformStatus)
                return jobs.count == InboundInvoices.paidPath.count
                    && jobs.contains { $0.attempts >= 2 && ($0.lastError ?? "").contains("fetching lifecycle flow") }
            }
            #expect(try await InboundChecks.recorded(gateway, id).isEmpty)
            try await sandbox.setFaults([:])
            try await eventually("the statuses to arrive") { try await InboundChecks.current(gateway, id) == "212" }
            try await eventually("the ERP to get all 8 statuses") {
                await erp.statusCodes(of: number).count >= InboundInvoices.paidPath.count
            }
            let codes = await erp.statusCodes(of: number)
            #expect(codes.sorted() == InboundInvoices.paidPath)
        }
    }

    @Test("the CDAR messages the gateway received and stored pass the CDAR D22B XSD")
    func receivedMessagesValidate() async throws {
        try await SandboxInboundWiring.run(webhooks: true, polling: false) { sandbox, gateway, _, platform in
            let paid = try await platform.send(gateway, InboundInvoices.cii(InboundInvoices.invoice(number: "E2E-XSD-1")))
            let refused = try await platform.send(gateway, InboundInvoices.cii(
                InboundInvoices.invoice(number: "E2E-XSD-2", buyer: InboundInvoices.refusingBuyer)))
            let rejected = try await platform.send(gateway, InboundInvoices.cii(
                InboundInvoices.missingLegalMention(number: "E2E-XSD-3")))
            try await sandbox.advance(seconds: Self.tenDays)
            try await eventually("the three invoices to reach their last status") {
                let last = [try await InboundChecks.current(gateway, paid),
                            try await InboundChecks.current(gateway, refused),
                            try await InboundChecks.current(gateway, rejected)]
                return last == ["212", "210", "213"]
            }
            var messages: [[UInt8]] = []
            for id in [paid, refused, rejected] { messages += try await InboundChecks.cdarDocuments(gateway, id) }
            // 8 + (200…203, 204, 210) + (213 alone: a rejected invoice gets no transmission statuses).
            #expect(messages.count == 8 + 6 + 1)
            for bytes in messages { #expect(throws: Never.self) { _ = try CDARReader().read(bytes) } }
            let (status, output) = try CDARSchemaCheck.validate(messages)
            #expect(status == 0, "\(output)")
            #expect(output.contains("checked \(messages.count)"))
        }
    }
}
