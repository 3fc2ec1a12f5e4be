import EInvoice
import Foundation
import Gateway
import GatewayStorage
import Logging
import Testing

/// The lookup before sending, through the pipeline over the real stores: write-back onto the customer (one change
/// feed entry, none for an identical answer), the `invoice.directory` event, unknown buyers held, an unreachable
/// directory retried. The directory is the in-memory stand-in; the HTTP client is tested against the sandbox.
@Suite("BuyerDirectory check before dispatch")
struct BuyerDirectoryTests {
    static let sampleSIREN = "987654324"

    static func entry(siren: String = sampleSIREN, type: String = "WK") -> DirectoryEntry {
        DirectoryEntry(addressingIdentifier: siren + "_FACT", siren: siren, platform: ReceivingPlatform(type: type),
                       status: "Enabled")
    }

    static func worker(_ harness: GatewayHarness, directory: any DirectoryPort) -> PipelineWorker {
        var logger = Logger(label: "test.directory")
        logger.logLevel = .critical
        var context = PipelineContext(
            store: harness.store, clock: harness.clock, dispatcher: harness.dispatcher, webhooks: harness.webhooks,
            configuration: PipelineConfiguration(
                workerID: "directory-worker", batchSize: 8, leaseDuration: .seconds(60),
                retry: RetryPolicy(base: .seconds(1), maximum: .seconds(60), jitter: 0)),
            logger: logger)
        context.directory = directory
        return PipelineWorker(context: context)
    }

    static func customerChanges(_ store: SQLGatewayStore) async throws -> [ChangeEntry] {
        try await store.read { try await $0.changes(tenant: Fixtures.tenantA, after: 0, limit: 500) }
            .filter { $0.subject == .customer && $0.key == Payloads.customerCode }
    }

    static func seed(_ harness: GatewayHarness, siren: String) async throws {
        try await harness.seedTenant()
        _ = try await harness.masterData.upsert(
            Customer(code: Payloads.customerCode, name: "Compagnie Cliente SA", siren: siren), tenant: Fixtures.tenantA)
    }

    @Test(arguments: TestBackend.all)
    func aFoundBuyerIsWrittenBackOnceAndTheInvoiceGoesOn(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await Self.seed(harness, siren: Self.sampleSIREN)
            let directory = InMemoryDirectory([Self.entry()])
            let cached = CachedDirectory(directory: directory, cache: store, clock: harness.clock)
            let before = try await Self.customerChanges(store)

            let first = try await harness.receive(Payloads.cii(number: "DIR-1")).record.id
            try await Self.worker(harness, directory: cached).drain()
            #expect(try await harness.invoice(first)?.state == .held)
            #expect(harness.dispatcher.submissionKeys == ["invoice:\(first.rawValue)"])
            let events = try await harness.events(first)
            #expect(events.map(\.type).suffix(2) == ["invoice.directory", "invoice.held"])
            let found = try #require(events.first { $0.type == "invoice.directory" })
            #expect(found.message.contains("987654324_FACT"))
            #expect(found.detailJSON?.contains(#""platformType":"WK""#) == true)

            let (customer, version) = try #require(
                try await harness.masterData.get(Customer.self, code: Payloads.customerCode, tenant: Fixtures.tenantA))
            #expect(customer.electronicAddress == "987654324_FACT")
            #expect(customer.electronicAddressScheme == "0225")
            #expect(customer.receivingPlatform == ReceivingPlatform(type: "WK"))
            let after = try await Self.customerChanges(store)
            #expect(after.count == before.count + 1)
            #expect(after.last?.version == version)

            // A second invoice: the same answer (from the cache) changes nothing on the customer.
            let second = try await harness.receive(Payloads.cii(number: "DIR-2")).record.id
            try await Self.worker(harness, directory: cached).drain()
            #expect(try await harness.invoice(second)?.state == .held)
            #expect(try await harness.events(second).contains { $0.type == "invoice.directory" })
            #expect(try await Self.customerChanges(store).count == after.count)
            #expect(directory.lookups == 1)
        }
    }

    @Test(arguments: TestBackend.all)
    func anUnknownBuyerIsHeldWithTheReasonAndNotSent(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await Self.seed(harness, siren: "123456789")
            let before = try await Self.customerChanges(store)
            let id = try await harness.receive(Payloads.cii(number: "DIR-UNKNOWN")).record.id
            try await Self.worker(harness, directory: InMemoryDirectory([Self.entry()])).drain()
            #expect(try await harness.invoice(id)?.state == .held)
            #expect(harness.dispatcher.submissionKeys.isEmpty)
            let held = try #require(try await harness.events(id).last)
            #expect(held.type == "invoice.held")
            #expect(held.message
                == "Held: buyer SIREN 123456789 is not in the directory: no directory line for SIREN 123456789")
            #expect(try await Self.customerChanges(store).count == before.count)
            let dispatch = try #require(try await harness.jobs(id).first { $0.kind == .dispatch })
            #expect(dispatch.state == .done)
        }
    }

    @Test(arguments: TestBackend.all)
    func anUnreachableDirectoryIsRetried(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await Self.seed(harness, siren: Self.sampleSIREN)
            let directory = InMemoryDirectory([Self.entry()])
            directory.setUnavailable(true)
            let id = try await harness.receive(Payloads.cii(number: "DIR-DOWN")).record.id
            try await Self.worker(harness, directory: directory).drain()
            var dispatch = try #require(try await harness.jobs(id).first { $0.kind == .dispatch })
            #expect(dispatch.state == .pending)
            #expect(dispatch.attempts == 1)
            #expect(dispatch.lastError?.contains("the directory is unavailable") == true)
            #expect(harness.dispatcher.submissionKeys.isEmpty)
            directory.setUnavailable(false)
            harness.clock.advance(by: 2)
            try await Self.worker(harness, directory: directory).drain()
            dispatch = try #require(try await harness.jobs(id).first { $0.kind == .dispatch })
            #expect(dispatch.state == .done)
            #expect(harness.dispatcher.submissionKeys == ["invoice:\(id.rawValue)"])
        }
    }

    @Test(arguments: TestBackend.all)
    func withoutACustomerRecordTheInvoicesBuyerIsLookedUp(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await harness.seedTenant()
            let directory = InMemoryDirectory([Self.entry()])
            let id = try await harness.receive(Payloads.cii(number: "DIR-NOCUST", customer: nil)).record.id
            try await Self.worker(harness, directory: directory).drain()
            #expect(directory.lookups == 1)
            #expect(try await harness.events(id).contains { $0.type == "invoice.directory" })
            #expect(harness.dispatcher.submissionKeys == ["invoice:\(id.rawValue)"])
        }
    }

    @Test("the identity comes from the customer record, completed by the invoice's BT-47 and BT-49")
    func identity() {
        var party = Party()
        party.legalRegistrationIdentifier = Identifier("987654324", schemeID: "0002")
        party.electronicAddress = Identifier("987654324_X", schemeID: "0225")
        let fromInvoice = BuyerIdentity(customer: nil, invoiceBuyer: party)
        #expect(fromInvoice == BuyerIdentity(siren: "987654324", electronicAddress: "987654324_X"))
        let customer = Customer(code: "C", name: "N", siret: "31514329600017", routingCode: " ACHATS ")
        let merged = BuyerIdentity(customer: customer, invoiceBuyer: party)
        #expect(merged.siren == "987654324")
        #expect(merged.siret == "31514329600017")
        #expect(merged.routingCode == "ACHATS")
        #expect(BuyerIdentity(siret: "31514329600017").effectiveSIREN == "315143296")
        #expect(BuyerIdentity(customer: nil, invoiceBuyer: Party()).isEmpty)
        #expect(merged.lookupKey != fromInvoice.lookupKey)
    }
}
