import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("Dry run: everything but the sending")
struct DryRunTests {
    @Test(arguments: TestBackend.all)
    func aDryRunRoutesAndRendersButSendsNothing(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await harness.seedTenant()
            let production = RecordingPort(name: "afnor-flow")
            let chorus = RecordingPort(name: "chorus-pro")
            let table = RoutingTable(
                rules: [RoutingRule(id: "pilot", when: RoutingCondition(customers: [Payloads.customerCode]),
                                    then: RouteAction(target: "production", format: .ubl))],
                fallback: RouteAction(target: "chorus-pro"))
            let dispatcher = try RoutingDispatcher(
                policy: RoutingPolicy(shared: table, dryRun: true),
                ports: ["production": production, "chorus-pro": chorus])
            let id = try await RoutingDispatcherTests.receive(harness, "D-1", batch: nil)
            try await harness.worker(dispatcher: dispatcher).drain()

            #expect(production.requests.isEmpty)
            #expect(chorus.requests.isEmpty)
            #expect(try await harness.invoice(id)?.state == .held)
            let events = try await harness.events(id)
            #expect(events.map(\.type) == ["invoice.received", "invoice.checked", "invoice.rendered", "invoice.routed",
                                           "invoice.held"])
            #expect(events.last?.message
                == "Held: dry run: would send to production as UBL EN16931, processing B2B (rule 1 (pilot))")
            // The document that would have been sent is made and kept.
            #expect(try await store.read { try await $0.document(invoice: id, kind: .ubl, tenant: Fixtures.tenantA) } != nil)
            let submitted = try await store.read {
                try await $0.invoiceID(platformFlowID: "afnor-flow-D-1", tenant: Fixtures.tenantA)
            }
            #expect(submitted == nil)
        }
    }

    @Test(arguments: TestBackend.all)
    func theTenantsDryRunSettingStopsAnyDispatcherEvenWithoutRouting(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await harness.seedTenant(settings: TenantSettings(dryRun: true))
            let port = RecordingPort(name: "afnor-flow")
            let id = try await RoutingDispatcherTests.receive(harness, "D-2", batch: nil)
            try await harness.worker(dispatcher: port).drain()
            #expect(port.requests.isEmpty)
            #expect(try await harness.invoice(id)?.state == .held)
            #expect(try await harness.events(id).last?.message
                == "Held: dry run: would send to afnor-flow as CII (no routing configured)")
            #expect(try await harness.routedDecision(id) == nil)
        }
    }

    @Test(arguments: TestBackend.all)
    func aTenantTableInDryRunLeavesTheOtherTenantsSending(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await harness.seedTenant(Fixtures.tenantA)
            try await harness.seedTenant(Fixtures.tenantB)
            let production = RecordingPort(name: "afnor-flow")
            let policy = RoutingPolicy(
                shared: RoutingTable(fallback: RouteAction(target: "production")),
                tenants: [Fixtures.tenantA: RoutingTable(fallback: RouteAction(target: "production"), dryRun: true)])
            let dispatcher = try RoutingDispatcher(policy: policy, ports: ["production": production])
            let dry = try await RoutingDispatcherTests.receive(harness, "D-3", batch: nil, tenant: Fixtures.tenantA)
            let live = try await RoutingDispatcherTests.receive(harness, "D-3", batch: nil, tenant: Fixtures.tenantB)
            try await harness.worker(dispatcher: dispatcher).drain()
            #expect(production.requests.map(\.invoice.id) == [live])
            #expect(try await harness.invoice(dry, tenant: Fixtures.tenantA)?.state == .held)
            #expect(try await harness.invoice(live, tenant: Fixtures.tenantB)?.state == .submitted)
        }
    }
}
