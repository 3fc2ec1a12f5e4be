import Foundation
import Gateway
import GatewayArchive
import GatewayStorage
import Testing

@Suite("Audit trail: timelines and reference search over the real stores")
struct AuditTrailTests {
    @Test(arguments: TestBackend.all)
    func theTimelineMergesEventsDocumentsAndArchiveEntriesInTimeOrder(backend: TestBackend) async throws {
        try await backend.withStore { store in
            try await withArchiveFolder { folder in
                let harness = GatewayHarness(store: store)
                try await harness.seedTenant()
                let archive = try await folder.open(node: "node-a", clock: harness.clock)
                let payload = Payloads.cii(number: "TL-1") { invoice in
                    invoice.contractReference = nil
                    invoice.purchaseOrderReference = "PO-TL"
                }
                let id = try await harness.receive(payload).record.id
                // One step per second: check, render, archive, dispatch.
                let worker = harness.worker(archive: archive)
                for _ in 0..<4 {
                    harness.clock.advance(by: 1)
                    #expect(try await worker.runOnce() == 1)
                }
                let trail = AuditTrailService(store: store, seals: archive)
                let unsealed = try #require(try await trail.timeline(invoice: id, tenant: Fixtures.tenantA))
                let labels = unsealed.items.map { item -> String in
                    switch item.kind {
                    case .event: "event \(item.event?.type ?? "?")"
                    case .document: "document \(item.document?.kind ?? "?")"
                    case .archive: "archive \(item.archiveEntry?.receipt.kind ?? "?")"
                    case .other: "other"
                    }
                }
                #expect(labels == [
                    "event invoice.received", "document original", "event invoice.checked", "event invoice.rendered",
                    "document cii", "event invoice.archived", "archive original", "archive cii", "event invoice.held",
                ])
                #expect(zip(unsealed.items, unsealed.items.dropFirst()).allSatisfy { $0.at <= $1.at })
                #expect(unsealed.items.compactMap(\.archiveEntry).allSatisfy { $0.seal == nil })
                #expect(unsealed.references.map(\.value) == ["PO-TL"])
                let documents = unsealed.items.compactMap(\.document)
                let archived = unsealed.items.compactMap(\.archiveEntry)
                #expect(documents.map(\.sha256) == archived.map(\.receipt.sha256))
                #expect(documents.allSatisfy { $0.size > 0 && $0.mediaType == "application/xml" })

                let seal = try #require(try await archive.seal())
                let sealed = try #require(try await trail.timeline(invoice: id, tenant: Fixtures.tenantA))
                let seals = sealed.items.compactMap(\.archiveEntry).map(\.seal)
                #expect(seals == [seal, seal])
                #expect(try await trail.timeline(invoice: id, tenant: Fixtures.tenantB) == nil)
                await archive.close()
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func invoicesAreFoundByContractOrderAndDelivery(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await harness.seedTenant()
            try await harness.seedTenant(Fixtures.tenantB)
            let first = try await harness.receive(Payloads.cii(number: "REF-1") { invoice in
                invoice.contractReference = "CT-AUDIT-7"
                invoice.purchaseOrderReference = "PO-100"
                invoice.despatchAdviceReference = "DL-555"
            }).record.id
            let second = try await harness.receive(Payloads.cii(number: "REF-2") { invoice in
                invoice.contractReference = "CT-AUDIT-7"
                invoice.purchaseOrderReference = "PO-101"
            }).record.id
            _ = try await harness.receive(Payloads.cii(number: "REF-3") { $0.purchaseOrderReference = "PO-100" },
                                          tenant: Fixtures.tenantB)
            let trail = AuditTrailService(store: store)
            func find(_ filter: InvoiceFilter, tenant: TenantID = Fixtures.tenantA) async throws -> [InvoiceID] {
                try await trail.find(filter, tenant: tenant).map(\.id)
            }
            #expect(try await find(InvoiceFilter(deliveryReference: "DL-555")) == [first])
            #expect(try await find(InvoiceFilter(orderReference: "PO-100")) == [first])
            #expect(Set(try await find(InvoiceFilter(contractReference: "CT-AUDIT-7"))) == [first, second])
            #expect(try await find(InvoiceFilter(contractReference: "CT-AUDIT-7", orderReference: "PO-101")) == [second])
            #expect(try await find(InvoiceFilter(orderReference: "PO-10")).isEmpty)
            #expect(try await find(InvoiceFilter(deliveryReference: "PO-100")).isEmpty)
            #expect(try await find(InvoiceFilter(orderReference: "PO-100"), tenant: Fixtures.tenantB).count == 1)

            let references = try await store.read { try await $0.references(invoice: first, tenant: Fixtures.tenantA) }
            #expect(Set(references.map { "\($0.kind.term)=\($0.value)" }) == ["BT-12=CT-AUDIT-7", "BT-13=PO-100", "BT-16=DL-555"])
        }
    }
}
