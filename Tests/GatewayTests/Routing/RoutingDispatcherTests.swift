import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("Routing dispatcher: each invoice to its platform, legacy held, the decision in the timeline")
struct RoutingDispatcherTests {
    static func receive(_ harness: GatewayHarness, _ number: String, batch: String?,
                        tenant: TenantID = Fixtures.tenantA) async throws -> InvoiceID {
        try await harness.intake.receive(IntakeRequest(
            tenant: tenant, payload: Payloads.cii(number: number), actor: "key_test", batchID: batch)).record.id
    }

    @Test(arguments: TestBackend.all)
    func eachInvoiceGoesToTheRoutedPortInTheRoutedFormat(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await harness.seedTenant()
            let production = RecordingPort(name: "afnor-flow")
            let sandbox = RecordingPort(name: "sandbox-pa")
            let table = RoutingTable(
                rules: [RoutingRule(id: "pilot", when: RoutingCondition(batches: ["PILOT-*"]),
                                    then: RouteAction(target: "sandbox", format: .ubl))],
                fallback: RouteAction(target: "production"))
            let dispatcher = try RoutingDispatcher(
                policy: RoutingPolicy(shared: table), ports: ["production": production, "sandbox": sandbox])
            let pilot = try await Self.receive(harness, "R-1", batch: "PILOT-2026-03")
            let other = try await Self.receive(harness, "R-2", batch: "NIGHTLY-7")
            try await harness.worker(dispatcher: dispatcher).drain()

            #expect(sandbox.requests.map(\.invoice.id) == [pilot])
            #expect(production.requests.map(\.invoice.id) == [other])
            let sent = try #require(sandbox.requests.first)
            #expect(sent.document.kind == .ubl)
            #expect(String(decoding: sent.document.bytes, as: UTF8.self).contains("<cbc:ID>R-1</cbc:ID>"))
            #expect(sent.route?.ruleNumber == 1)
            #expect(sent.route?.processing == .b2b)
            #expect(production.requests.first?.document.kind == .cii)
            #expect(production.requests.first?.route?.ruleNumber == nil)

            #expect(try await harness.invoice(pilot)?.state == .submitted)
            let events = try await harness.events(pilot)
            #expect(events.map(\.type) == ["invoice.received", "invoice.checked", "invoice.rendered", "invoice.routed",
                                           "invoice.submitted"])
            let routed = try #require(events.first { $0.type == "invoice.routed" })
            #expect(routed.message == "Routed to sandbox as UBL EN16931, processing B2B, by rule 1 (pilot)")
            let decision = try #require(RouteDecision(detailJSON: routed.detailJSON))
            #expect(decision.target == "sandbox")
            #expect(decision.ruleID == "pilot")
            #expect(events.last?.message == "Submitted to sandbox-pa as sandbox-pa-R-1")
            let known = try await store.read {
                try await $0.invoiceID(platformFlowID: "sandbox-pa-R-1", tenant: Fixtures.tenantA)
            }
            #expect(known == pilot)
            // The UBL made at dispatch is kept with the invoice.
            let ubl = try await store.read { try await $0.document(invoice: pilot, kind: .ubl, tenant: Fixtures.tenantA) }
            #expect(ubl?.sha256 == sent.document.sha256)
            #expect(try await harness.routedDecision(other)?.ruleLabel == "the default rule")
        }
    }

    @Test(arguments: TestBackend.all)
    func aLegacyInvoiceIsHeldAndNothingIsSent(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await harness.seedTenant()
            let production = RecordingPort(name: "afnor-flow")
            let table = RoutingTable(
                rules: [RoutingRule(id: "old-channel", when: RoutingCondition(batches: ["PAPER-*"]),
                                    then: RouteAction(target: RoutingTarget.legacy))],
                fallback: RouteAction(target: "production"))
            let dispatcher = try RoutingDispatcher(policy: RoutingPolicy(shared: table), ports: ["production": production])
            let id = try await Self.receive(harness, "L-1", batch: "PAPER-12")
            try await harness.worker(dispatcher: dispatcher).drain()
            #expect(production.requests.isEmpty)
            let record = try await harness.invoice(id)
            #expect(record?.state == .held)
            let held = try #require(try await harness.events(id).last)
            #expect(held.type == "invoice.held")
            #expect(held.message == "Held: routed to the legacy channel by rule 1 (old-channel)")
            #expect(try await harness.routedDecision(id)?.isLegacy == true)
        }
    }

    @Test(arguments: TestBackend.all)
    func aRetriedDispatchRecordsTheDecisionOnceAndSendsWithTheSameKey(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await harness.seedTenant()
            let production = RecordingPort(name: "afnor-flow")
            production.failNext(1)
            let dispatcher = try RoutingDispatcher(
                policy: RoutingPolicy(shared: RoutingTable(fallback: RouteAction(target: "production"))),
                ports: ["production": production])
            let id = try await Self.receive(harness, "T-1", batch: nil)
            let worker = harness.worker(dispatcher: dispatcher)
            try await worker.drain()
            #expect(try await harness.invoice(id)?.state == .rendered)
            harness.clock.advance(by: 2)
            try await worker.drain()
            #expect(try await harness.invoice(id)?.state == .submitted)
            #expect(production.requests.count == 2)
            #expect(Set(production.requests.map(\.submissionKey)).count == 1)
            #expect(try await harness.events(id).filter { $0.type == "invoice.routed" }.count == 1)
        }
    }

    @Test func aTargetWithoutAPortIsRefusedAtSetUpUnlessEverythingIsDryRun() throws {
        let policy = RoutingPolicy(shared: RoutingTable(
            rules: [RoutingRule(when: RoutingCondition(countries: ["BE"]), then: RouteAction(target: "peppol"))],
            fallback: RouteAction(target: RoutingTarget.legacy)))
        let error = #expect(throws: RoutingSetupError.self) {
            _ = try RoutingDispatcher(policy: policy, ports: ["production": RecordingPort(name: "afnor-flow")])
        }
        #expect(error?.message.contains("peppol") == true)
        #expect(error?.message.contains("configured: production") == true)
        var dry = policy
        dry.dryRun = true
        #expect(throws: Never.self) { _ = try RoutingDispatcher(policy: dry, ports: [:]) }
    }
}
