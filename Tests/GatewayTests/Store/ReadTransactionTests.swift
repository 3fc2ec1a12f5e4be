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

    /// A write transaction stays open until a read has finished: the read must not wait for it, and sees the state
    /// before it. (Were reads queued behind the writer, the writer would give up waiting after 10 s and commit, and
    /// the read would then see the invoice.)
    @Test(arguments: TestBackend.all)
    func readsDoNotWaitForAWriter(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let invoice = Fixtures.invoice()
            let written = Locked(false)
            let readDone = Locked(false)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await store.transaction { transaction in
                        try await transaction.insertInvoice(invoice)
                        written.set(true)
                        for _ in 0..<1_000 where !readDone.current {
                            try await Task.sleep(for: .milliseconds(10))
                        }
                    }
                }
                while !written.current { try await Task.sleep(for: .milliseconds(5)) }
                let seen = try await store.read { try await $0.invoice(invoice.id, tenant: Fixtures.tenantA) }
                readDone.set(true)
                #expect(seen == nil)
                try await group.waitForAll()
            }
            #expect(try await store.read { try await $0.invoice(invoice.id, tenant: Fixtures.tenantA) } == invoice)
        }
    }

    /// After `shutdown()`, reads and writes fail at once with `unavailable` (a health probe must not hang on a
    /// closed store).
    @Test func aShutDownSQLiteStoreRefusesAtOnce() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-store-\(UUID().uuidString.lowercased())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await SQLGatewayStore.open(url: "sqlite:" + folder.appendingPathComponent("closed.db").path)
        try await store.migrate()
        try await store.shutdown()
        let read = await #expect(throws: StoreError.self) {
            try await store.read { try await $0.invoice(Fixtures.invoice().id, tenant: Fixtures.tenantA) }
        }
        #expect(read == .unavailable("the store is shut down"))
        let write = await #expect(throws: StoreError.self) {
            try await store.transaction { try await $0.insertInvoice(Fixtures.invoice()) }
        }
        #expect(write == .unavailable("the store is shut down"))
    }
}
