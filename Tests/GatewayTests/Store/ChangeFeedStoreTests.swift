import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("Change feed")
struct ChangeFeedStoreTests {
    @Test(arguments: TestBackend.all)
    func sequencesIncreasePerTenantAndPage(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let appended = try await store.transaction { transaction in
                var entries: [ChangeEntry] = []
                for index in 0..<5 {
                    entries.append(try await transaction.appendChange(
                        tenant: Fixtures.tenantA, subject: .product, key: "P\(index)", version: index + 1,
                        change: "upserted", at: Fixtures.t0))
                }
                entries.append(try await transaction.appendChange(
                    tenant: Fixtures.tenantB, subject: .customer, key: "C", version: 1, change: "upserted", at: Fixtures.t0))
                return entries
            }
            #expect(appended.map(\.sequence) == [1, 2, 3, 4, 5, 1])
            let page = try await store.transaction { try await $0.changes(tenant: Fixtures.tenantA, after: 2, limit: 2) }
            #expect(page == Array(appended[2...3]))
            #expect(page.first?.subject == .product)
            #expect(try await store.transaction { try await $0.changes(tenant: Fixtures.tenantB, after: 0, limit: 10) } == [appended[5]])
            #expect(try await store.transaction { try await $0.changes(tenant: Fixtures.tenantA, after: 5, limit: 10) }.isEmpty)
        }
    }

    @Test(arguments: TestBackend.all)
    func aRolledBackAppendLeavesNoEntry(backend: TestBackend) async throws {
        try await backend.withStore { store in
            struct Abort: Error {}
            await #expect(throws: Abort.self) {
                try await store.transaction { transaction in
                    try await transaction.appendChange(tenant: Fixtures.tenantA, subject: .invoice, key: "i", version: 1,
                                                       change: "state:received", at: Fixtures.t0)
                    throw Abort()
                }
            }
            let next = try await store.transaction {
                try await $0.appendChange(tenant: Fixtures.tenantA, subject: .invoice, key: "j", version: 1,
                                          change: "state:received", at: Fixtures.t0)
            }
            #expect(next.sequence == 1)
            #expect(try await store.transaction { try await $0.changes(tenant: Fixtures.tenantA, after: 0, limit: 10) }.map(\.key) == ["j"])
        }
    }

    /// Writers append concurrently while a reader follows the feed with its cursor: the reader must see every
    /// entry, in order, none skipped because it committed after a higher sequence was seen.
    @Test(arguments: TestBackend.all)
    func aFollowingReaderMissesNothingUnderConcurrentAppends(backend: TestBackend) async throws {
        try await backend.withStore(maximumConnections: 12) { store in
            let writers = 8
            let perWriter = 40
            let total = writers * perWriter
            let finished = Locked(false)
            let seen = try await withThrowingTaskGroup(of: [Int64].self) { group in
                group.addTask {
                    var cursor: Int64 = 0
                    var seen: [Int64] = []
                    while true {
                        let done = finished.current
                        let from = cursor
                        let page = try await store.transaction { try await $0.changes(tenant: Fixtures.tenantA, after: from, limit: 50) }
                        seen += page.map(\.sequence)
                        cursor = page.last?.sequence ?? cursor
                        if page.isEmpty && done { return seen }
                    }
                }
                try await withThrowingTaskGroup(of: Void.self) { writersGroup in
                    for writer in 0..<writers {
                        writersGroup.addTask {
                            for index in 0..<perWriter {
                                try await store.transaction { transaction in
                                    try await transaction.appendChange(
                                        tenant: Fixtures.tenantA, subject: .invoice, key: "w\(writer)-\(index)", version: 1,
                                        change: "state:received", at: Fixtures.t0)
                                    // Work after the append keeps the counter row locked a little longer.
                                    _ = try await transaction.tenants()
                                }
                            }
                        }
                    }
                    try await writersGroup.waitForAll()
                }
                finished.set(true)
                var result: [Int64] = []
                for try await sequences in group { result += sequences }
                return result
            }
            #expect(seen == Array(1...Int64(total)))
        }
    }
}
