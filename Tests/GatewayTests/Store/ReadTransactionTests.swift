import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("Read-only transactions")
struct ReadTransactionTests {
    @Test(arguments: TestBackend.all)
    func readsSeeCommittedRowsAndRefuseWrites(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let invoice = Fixtures.invoice()
            try await store.transaction { try await $0.insertInvoice(invoice) }
            #expect(try await store.read { try await $0.invoice(invoice.id, tenant: Fixtures.tenantA) } == invoice)
            await #expect(throws: StoreError.self) {
                try await store.read { try await $0.insertInvoice(Fixtures.invoice(number: "other")) }
            }
            #expect(try await store.read { try await $0.invoices(tenant: Fixtures.tenantA, filter: InvoiceFilter(), after: nil, limit: 10) }.count == 1)
        }
    }

    /// A long write transaction does not hold up reads, which see the state before it.
    @Test(arguments: TestBackend.all)
    func readsDoNotWaitForAWriter(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let invoice = Fixtures.invoice()
            let writerDone = Locked(false)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await store.transaction { transaction in
                        try await transaction.insertInvoice(invoice)
                        try await Task.sleep(for: .milliseconds(800))
                    }
                    writerDone.set(true)
                }
                try await Task.sleep(for: .milliseconds(150))
                let seen = try await store.read { try await $0.invoice(invoice.id, tenant: Fixtures.tenantA) }
                #expect(seen == nil)
                #expect(writerDone.current == false)
                try await group.waitForAll()
            }
            #expect(try await store.read { try await $0.invoice(invoice.id, tenant: Fixtures.tenantA) } == invoice)
        }
    }
}
