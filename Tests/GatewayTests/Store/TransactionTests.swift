import Foundation
import Gateway
@testable import GatewayStorage
import Testing

@Suite("Transactions and migrations")
struct TransactionTests {
    struct Abort: Error {}

    @Test(arguments: TestBackend.all)
    func aThrowingBodyLeavesNothingBehind(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let invoice = Fixtures.invoice()
            await #expect(throws: Abort.self) {
                try await store.transaction { transaction in
                    try await transaction.insertInvoice(invoice)
                    try await transaction.appendEvent(Fixtures.event(invoice))
                    try await transaction.enqueue(JobStoreTests.newJob(invoice: invoice.id))
                    throw Abort()
                }
            }
            #expect(try await store.transaction { try await $0.invoice(invoice.id, tenant: Fixtures.tenantA) } == nil)
            #expect(try await store.transaction { try await $0.jobs(tenant: Fixtures.tenantA, state: nil, limit: 10) }.isEmpty)
            // The body's own error comes out unchanged; the store is still usable.
            try await store.transaction { try await $0.insertInvoice(invoice) }
        }
    }

    @Test(arguments: TestBackend.all)
    func concurrentTransactionsAllCommit(backend: TestBackend) async throws {
        try await backend.withStore(maximumConnections: 8) { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        try await store.transaction { transaction in
                            let invoice = Fixtures.invoice(number: "N-\(index)")
                            try await transaction.insertInvoice(invoice)
                            try await transaction.appendEvent(Fixtures.event(invoice))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let counts = try await store.transaction { try await $0.invoiceCountsByState(tenant: Fixtures.tenantA, batchID: nil) }
            #expect(counts == [.received: 64])
        }
    }

    @Test(arguments: TestBackend.all)
    func anEscapedHandleRefusesToWork(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let escaped = Locked<(any StoreTransaction)?>(nil)
            try await store.transaction { transaction in escaped.set(transaction) }
            let handle = try #require(escaped.current)
            await #expect(throws: StoreError.self) {
                try await handle.insertInvoice(Fixtures.invoice())
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func migratingTwiceChangesNothing(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let again = try await store.migrateReportingVersions()
            #expect(again.isEmpty)
            try await store.transaction { try await $0.insertInvoice(Fixtures.invoice()) }
        }
    }

    /// Three nodes start at once on one database: one migrates, the others wait and find it done.
    @Test(arguments: TestBackend.all)
    func nodesStartingTogetherMigrateOnce(backend: TestBackend) async throws {
        let schema = "m_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-migrate-\(schema)")
        func open() async throws -> SQLGatewayStore {
            switch backend {
            case .sqlite:
                return try await SQLGatewayStore.open(url: "sqlite:" + folder.appendingPathComponent("db.sqlite").path)
            case .postgres:
                guard let url = ProcessInfo.processInfo.environment[TestBackend.postgresURLVariable] else {
                    throw TestBackend.PostgresMissing()
                }
                return try await SQLGatewayStore.open(url: url, options: StoreOptions(maximumConnections: 2, postgresSchema: schema))
            }
        }
        var nodes: [SQLGatewayStore] = []
        do {
            for _ in 0..<3 { nodes.append(try await open()) }
            let started = nodes
            let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                for node in started { group.addTask { try await node.migrateReportingVersions() } }
                var all: [[Int]] = []
                for try await versions in group { all.append(versions) }
                return all
            }
            #expect(applied.filter { !$0.isEmpty } == [Migrations.all.map(\.version)])
            try await nodes[1].transaction { try await $0.insertInvoice(Fixtures.invoice()) }
            #expect(try await nodes[2].transaction { try await $0.invoices(tenant: Fixtures.tenantA, filter: InvoiceFilter(), after: nil, limit: 5) }.count == 1)
        } catch {
            Issue.record(error, "three nodes migrating together")
        }
        for (index, node) in nodes.enumerated() {
            if backend == .postgres, index == 0 {
                try? await TestStore(store: node, cleanup: .schema(schema)).close()
            } else {
                try? await node.shutdown()
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }
}
