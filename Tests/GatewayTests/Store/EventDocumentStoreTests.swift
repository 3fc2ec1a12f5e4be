import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("Invoice events and documents")
struct EventDocumentStoreTests {
    @Test(arguments: TestBackend.all)
    func eventsGetIncreasingSequencesAndReadBackInOrder(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let invoice = Fixtures.invoice()
            let appended = try await store.transaction { transaction in
                try await transaction.insertInvoice(invoice)
                var events: [InvoiceEvent] = []
                for (index, type) in ["invoice.received", "invoice.checked", "invoice.rendered"].enumerated() {
                    events.append(try await transaction.appendEvent(
                        Fixtures.event(invoice, type: type, dedupKey: type, at: Fixtures.t0.addingTimeInterval(Double(index)))))
                }
                return events
            }
            let sequences = appended.compactMap(\.sequence)
            #expect(sequences.count == 3)
            #expect(sequences == sequences.sorted() && Set(sequences).count == 3)
            let read = try await store.transaction { try await $0.events(invoice: invoice.id, tenant: Fixtures.tenantA) }
            #expect(read == appended)
            #expect(read.first?.detailJSON == #"{"k":1}"#)
        }
    }

    @Test(arguments: TestBackend.all)
    func aDedupKeyIsWrittenOncePerInvoice(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let first = Fixtures.invoice(number: "1")
            let second = Fixtures.invoice(number: "2")
            try await store.transaction { transaction in
                try await transaction.insertInvoice(first)
                try await transaction.insertInvoice(second)
                try await transaction.appendEvent(Fixtures.event(first, dedupKey: "received"))
                try await transaction.appendEvent(Fixtures.event(second, dedupKey: "received"))
            }
            await #expect(throws: StoreError.duplicate(constraint: "event-dedup-key")) {
                try await store.transaction { try await $0.appendEvent(Fixtures.event(first, dedupKey: "received")) }
            }
            #expect(try await store.transaction { try await $0.events(invoice: first.id, tenant: Fixtures.tenantA) }.count == 1)
        }
    }

    @Test(arguments: TestBackend.all)
    func anEventNeedsItsInvoice(backend: TestBackend) async throws {
        try await backend.withStore { store in
            await #expect(throws: StoreError.notFound) {
                try await store.transaction { try await $0.appendEvent(Fixtures.event(Fixtures.invoice())) }
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func documentsKeepTheirBytesAndAreReplacedPerKind(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let invoice = Fixtures.invoice()
            let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let original = Fixtures.document(invoice, kind: .original, bytes: bytes)
            let cii = Fixtures.document(invoice, kind: .cii, bytes: Array("<a/>".utf8))
            try await store.transaction { transaction in
                try await transaction.insertInvoice(invoice)
                try await transaction.putDocument(original)
                try await transaction.putDocument(cii)
            }
            #expect(try await store.transaction { try await $0.document(invoice: invoice.id, kind: .original, tenant: Fixtures.tenantA) } == original)
            let replacement = Fixtures.document(invoice, kind: .cii, bytes: Array("<b/>".utf8))
            try await store.transaction { try await $0.putDocument(replacement) }
            #expect(try await store.transaction { try await $0.document(invoice: invoice.id, kind: .cii, tenant: Fixtures.tenantA) } == replacement)
            #expect(try await store.transaction { try await $0.document(invoice: invoice.id, kind: .ubl, tenant: Fixtures.tenantA) } == nil)
        }
    }
}
