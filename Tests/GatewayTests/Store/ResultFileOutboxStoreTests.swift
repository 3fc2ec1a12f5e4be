import Foundation
import Gateway
import GatewayStorage
import Testing

/// The result-file outbox (migration 10) on both databases.
@Suite("Result-file outbox")
struct ResultFileOutboxStoreTests {
    @Test(arguments: TestBackend.all)
    func aBatchIsQueuedOnlyFromWhereTheCursorIs(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let tenant = Fixtures.tenantA
            #expect(try await store.queueResultFile(channel: "pay", tenant: tenant, name: "a.csv", bytes: [1, 2],
                                                    cursor: (0, 5), at: Fixtures.t0))
            // The same batch again (another node, or a retry after the cursor moved): refused, nothing queued.
            #expect(try await !store.queueResultFile(channel: "pay", tenant: tenant, name: "a.csv", bytes: [1, 2],
                                                     cursor: (0, 5), at: Fixtures.t0))
            #expect(try await !store.queueResultFile(channel: "pay", tenant: tenant, name: "b.csv", bytes: [3],
                                                     cursor: (4, 9), at: Fixtures.t0))
            #expect(try await store.queueResultFile(channel: "pay", tenant: tenant, name: "b.csv", bytes: [3],
                                                    cursor: (5, 9), at: Fixtures.t0))
            #expect(try await store.channelCursor("pay", tenant: tenant) == 9)
            // Without a cursor (acknowledgements): always queued.
            #expect(try await store.queueResultFile(channel: "pay", tenant: tenant, name: "c.csv", bytes: [],
                                                    cursor: nil, at: Fixtures.t0))
            let queued = try await store.queuedResultFiles(channel: "pay", tenant: tenant, limit: 10)
            #expect(queued.map(\.name) == ["a.csv", "b.csv", "c.csv"])
            #expect(queued.map(\.bytes) == [[1, 2], [3], []])
            #expect(queued.allSatisfy { !$0.written })
            #expect(try await store.queuedResultFiles(channel: "pay", tenant: Fixtures.tenantB, limit: 10).isEmpty)
        }
    }

    @Test(arguments: TestBackend.all)
    func concurrentNodesQueueABatchOnce(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await store.queueResultFile(channel: "status", tenant: Fixtures.tenantA,
                                                        name: "s-\(index).csv", bytes: [UInt8(index)],
                                                        cursor: (0, 3), at: Fixtures.t0)
                    }
                }
                return try await group.reduce(into: 0) { count, won in if won { count += 1 } }
            }
            #expect(wins == 1)
            #expect(try await store.queuedResultFiles(channel: "status", tenant: Fixtures.tenantA, limit: 10).count
                == 1)
        }
    }

    @Test(arguments: TestBackend.all)
    func aLeaseKeepsOtherHoldersOffUntilItEnds(backend: TestBackend) async throws {
        try await backend.withStore { store in
            _ = try await store.queueResultFile(channel: "acks", tenant: Fixtures.tenantA, name: "x.ack.csv",
                                                bytes: [9], cursor: nil, at: Fixtures.t0)
            let file = try #require(try await store.queuedResultFiles(channel: "acks", tenant: Fixtures.tenantA,
                                                                      limit: 1).first)
            let later = Fixtures.t0.addingTimeInterval(60)
            #expect(try await store.leaseResultFile(file.id, holder: "a", now: Fixtures.t0, until: later))
            #expect(try await !store.leaseResultFile(file.id, holder: "b", now: Fixtures.t0, until: later))
            #expect(try await store.leaseResultFile(file.id, holder: "a", now: Fixtures.t0, until: later))
            #expect(try await store.leaseResultFile(file.id, holder: "b", now: later.addingTimeInterval(1),
                                                    until: later.addingTimeInterval(60)))
            try await store.markResultFileWritten(file.id)
            #expect(try await store.queuedResultFiles(channel: "acks", tenant: Fixtures.tenantA, limit: 1)
                .first?.written == true)
            try await store.removeResultFile(file.id)
            #expect(try await store.queuedResultFiles(channel: "acks", tenant: Fixtures.tenantA, limit: 1).isEmpty)
        }
    }
}
