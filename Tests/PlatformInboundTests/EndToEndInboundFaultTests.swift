import Foundation
import Gateway
import Testing

/// N invoices whose statuses come back through a sandbox that misbehaves: 30 % of its API calls answer 5xx, some
/// are never answered or dropped, webhooks come twice or in reverse order; webhooks and polling both on. Every
/// invoice must reach 212 with each status recorded once. N is `PASSERELLE_E2E_INVOICES` (default 100); the
/// figures are printed, not asserted.
///
///     PASSERELLE_E2E_INVOICES=1000 swift test --skip-build --filter EndToEndInboundFaultTests
@Suite("EndToEnd inbound faults", .serialized)
struct EndToEndInboundFaultTests {
    static var count: Int {
        Int(ProcessInfo.processInfo.environment["PASSERELLE_E2E_INVOICES"] ?? "") ?? 100
    }

    static var faults: [String: Any] { [
        "errorRate": 0.3, "timeoutRate": 0.03, "hangSeconds": 3, "dropRate": 0.03,
        "latencyRate": 0.1, "latencyMinMs": 10, "latencyMaxMs": 200,
        "webhookDuplicateRate": 0.3, "webhookReorderRate": 0.5,
    ] }

    @Test("N invoices under faults: all reach 212, each status recorded once, the ERP gets every status")
    func invoicesUnderFaults() async throws {
        let count = Self.count
        let clock = ContinuousClock()
        let start = clock.now
        try await SandboxInboundWiring.run(webhooks: true, polling: true, workers: 4) { sandbox, gateway, erp, platform in
            let numbers = (0..<count).map { String(format: "E2E-F-%05d", $0) }
            let ids = try await withThrowingTaskGroup(of: InvoiceID.self) { group in
                var sent: [InvoiceID] = []
                var next = 0
                while next < min(8, count) {
                    let number = numbers[next]
                    group.addTask { try await platform.send(gateway, InboundInvoices.cii(InboundInvoices.invoice(number: number))) }
                    next += 1
                }
                while let id = try await group.next() {
                    sent.append(id)
                    if next < count {
                        let number = numbers[next]
                        group.addTask { try await platform.send(gateway, InboundInvoices.cii(InboundInvoices.invoice(number: number))) }
                        next += 1
                    }
                }
                return sent
            }
            let sent = clock.now
            try await sandbox.setFaults(Self.faults)
            // The lifecycle in a few steps, so that several statuses fall due together (reordered batches).
            for _ in 0..<6 { try await sandbox.advance(seconds: 2 * 86_400) }
            try await eventually(timeout: .seconds(120 + count * 3), "every invoice to reach 212") {
                try await gateway.store.read { transaction in
                    for id in ids {
                        let summary = try await transaction.lifecycleSummary(invoice: id, tenant: InboundGateway.tenant)
                        if summary?.current.code != "212" { return false }
                    }
                    return true
                }
            }
            let finished = clock.now
            // 212 can come before an older status whose fetch is still being retried (reversed batches): every
            // status must still arrive, once.
            try await eventually(timeout: .seconds(120 + count * 3), "every invoice to have its 8 statuses") {
                for id in ids where try await InboundChecks.recorded(gateway, id).count < InboundInvoices.paidPath.count {
                    return false
                }
                return true
            }
            let complete = clock.now
            try await sandbox.setFaults([:])
            var wrong: [String] = []
            for id in ids where try await InboundChecks.recorded(gateway, id).sorted() != InboundInvoices.paidPath {
                wrong.append(id.rawValue)
            }
            #expect(wrong.isEmpty, "invoices without exactly the 8 statuses: \(wrong.prefix(5))")
            try await eventually(timeout: .seconds(60 + count), "the ERP to get every status") {
                await erp.events.filter { $0.statusCode != nil }.count >= count * InboundInvoices.paidPath.count
            }
            let delivered = await erp.events.filter { $0.statusCode != nil }.count
            #expect(delivered == count * InboundInvoices.paidPath.count)
            let calls = try await sandbox.deliveries()
            let jobs = try await gateway.jobs(.platformStatus)
            #expect(jobs.count == count * InboundInvoices.paidPath.count)
            print("""
                EndToEnd inbound faults, N=\(count): sent in \(sent - start), all at 212 after \(finished - sent) \
                more, every status in after \(complete - sent); \(calls.count) webhook calls (\(calls.filter { $0["duplicate"] as? Bool == true }.count) \
                duplicated), \(jobs.count) platformStatus jobs (\(jobs.filter { $0.attempts > 1 }.count) retried)
                """)
        }
    }
}
