import Foundation
import Gateway
import Testing

/// N invoices through a sandbox that misbehaves: 30 % of its API calls answer 5xx, some are never answered or
/// dropped, webhooks come twice or in reverse order. Every invoice must reach its final status, and none may be
/// submitted twice. N is `PASSERELLE_E2E_INVOICES` (default 100); the figures are printed, not asserted.
///
///     PASSERELLE_E2E_INVOICES=1000 swift test --skip-build --filter EndToEndDispatchFaultTests
@Suite("EndToEnd platform faults with FlowDispatcher", .serialized)
struct EndToEndDispatchFaultTests {
    static var count: Int {
        Int(ProcessInfo.processInfo.environment["PASSERELLE_E2E_INVOICES"] ?? "") ?? 100
    }

    static var faults: [String: Any] { [
        "errorRate": 0.3, "timeoutRate": 0.03, "hangSeconds": 3, "dropRate": 0.03,
        "latencyRate": 0.1, "latencyMinMs": 10, "latencyMaxMs": 200,
        "webhookDuplicateRate": 0.3, "webhookReorderRate": 0.5,
    ] }

    @Test("N invoices under faults: all reach 212, each submitted once (one flow per trackingId and per SHA-256)")
    func invoicesUnderFaults() async throws {
        let count = Self.count
        let clock = ContinuousClock()
        let start = clock.now
        try await SandboxPlatformWiring.run(
            scenario: InboundInvoices.scenario, webhooks: true, polling: true, workers: 4, requestTimeout: .seconds(2)
        ) { sandbox, gateway, erp, _ in
            try await sandbox.setFaults(Self.faults)
            let numbers = (0..<count).map { String(format: "E2E-F-%05d", $0) }
            let ids = try await withThrowingTaskGroup(of: InvoiceID.self) { group in
                var posted: [InvoiceID] = []
                var next = 0
                while next < min(8, count) {
                    let number = numbers[next]
                    group.addTask { try await InboundChecks.post(gateway, InboundInvoices.cii(InboundInvoices.invoice(number: number))) }
                    next += 1
                }
                while let id = try await group.next() {
                    posted.append(id)
                    if next < count {
                        let number = numbers[next]
                        group.addTask { try await InboundChecks.post(gateway, InboundInvoices.cii(InboundInvoices.invoice(number: number))) }
                        next += 1
                    }
                }
                return posted
            }
            let posted = clock.now
            // The operator's part: a dispatch job that used all its attempts on a failing platform is parked;
            // replaying it (POST /v1/jobs/{id}/replay) must not send the invoice twice.
            let replays = DispatchReplayCounter()
            try await eventually(timeout: .seconds(60 + count * 3), "\(count) invoices to be submitted") {
                for job in try await gateway.jobs(.dispatch, state: .parked) {
                    let reply = try await gateway.request(.POST, "/v1/jobs/\(job.id.rawValue)/replay")
                    if reply.status == 200 { await replays.add() }
                }
                for id in ids where try await InboundChecks.state(gateway, id) != .submitted { return false }
                return true
            }
            let submitted = clock.now
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
            try await eventually(timeout: .seconds(120 + count * 3), "every invoice to have its 8 statuses") {
                for id in ids where try await InboundChecks.recorded(gateway, id).count < InboundInvoices.paidPath.count {
                    return false
                }
                return true
            }
            try await sandbox.setFaults([:])

            // None submitted twice: one invoice flow per trackingId and per file.
            let sent = try await sandbox.flows(where: ["flowDirection": ["Out"], "flowType": ["CustomerInvoice"]])
            #expect(sent.count == count, "flows sent: \(sent.count) for \(count) invoices")
            #expect(Set(sent.compactMap { $0["trackingId"] as? String }).count == count)
            #expect(Set(ids.map { "invoice:\($0.rawValue)" }) == Set(sent.compactMap { $0["trackingId"] as? String }))
            let received = try await sandbox.flows(where: ["flowType": ["CustomerInvoice"]])
            #expect(received.count == count)

            // Each status recorded once per invoice; every status reached the ERP.
            var short: [String] = []
            for id in ids where try await InboundChecks.recorded(gateway, id).sorted() != InboundInvoices.paidPath {
                short.append(id.rawValue)
            }
            #expect(short.isEmpty, "invoices without exactly the 8 statuses: \(short.prefix(5))")
            try await eventually(timeout: .seconds(60 + count), "the ERP to get every status") {
                await erp.events.filter { $0.statusCode != nil }.count >= count * InboundInvoices.paidPath.count
            }
            let calls = try await sandbox.deliveries()
            let jobs = try await gateway.jobs(.platformStatus)
            let retried = jobs.filter { $0.attempts > 1 }.count
            print("""
                EndToEnd faults, N=\(count): posted in \(posted - start), submitted after \(submitted - start), \
                all at 212 after \(finished - start); \(calls.count) webhook calls \
                (\(calls.filter { $0["duplicate"] as? Bool == true }.count) duplicated), \(jobs.count) platformStatus \
                jobs (\(retried) retried), \(await replays.value) parked dispatch job(s) replayed
                """)
        }
    }
}

/// How many parked jobs the test replayed.
actor DispatchReplayCounter {
    private(set) var value = 0
    func add() { value += 1 }
}
