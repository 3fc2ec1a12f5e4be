import Foundation
import Gateway
import GatewayStorage
import Testing

/// The file channels' state (migration 4) on both databases.
@Suite("Channel state")
struct ChannelStateStoreTests {
    @Test(arguments: TestBackend.all)
    func aFingerprintIsClaimedOncePerChannelAndCanBeReleased(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let tenant = Fixtures.tenantA
            #expect(try await store.claimFileFingerprint("abc", channel: "in", tenant: tenant, fileName: "a.csv",
                                                         claimID: "c1", at: Fixtures.t0))
            #expect(try await !store.claimFileFingerprint("abc", channel: "in", tenant: tenant, fileName: "a.csv",
                                                          claimID: "c2", at: Fixtures.t0))
            // Another channel, another tenant: their own fingerprints.
            #expect(try await store.claimFileFingerprint("abc", channel: "other", tenant: tenant, fileName: "a.csv",
                                                         claimID: "c3", at: Fixtures.t0))
            #expect(try await store.claimFileFingerprint("abc", channel: "in", tenant: Fixtures.tenantB,
                                                         fileName: "a.csv", claimID: "c4", at: Fixtures.t0))
            #expect(try await store.hasFileFingerprint("abc", channel: "in", tenant: tenant))
            try await store.releaseFileFingerprint("abc", channel: "in", tenant: tenant)
            #expect(try await !store.hasFileFingerprint("abc", channel: "in", tenant: tenant))
            #expect(try await store.claimFileFingerprint("abc", channel: "in", tenant: tenant, fileName: "a.csv",
                                                         claimID: "c5", at: Fixtures.t0))
        }
    }

    @Test(arguments: TestBackend.all)
    func concurrentClaimsOfOneFingerprintHaveOneWinner(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await store.claimFileFingerprint("same", channel: "in", tenant: Fixtures.tenantA,
                                                             fileName: "a.csv", claimID: "c\(index)", at: Fixtures.t0)
                    }
                }
                return try await group.reduce(into: 0) { count, won in if won { count += 1 } }
            }
            #expect(wins == 1)
        }
    }

    @Test(arguments: TestBackend.all)
    func theCursorOnlyMovesForward(backend: TestBackend) async throws {
        try await backend.withStore { store in
            #expect(try await store.channelCursor("status", tenant: Fixtures.tenantA) == 0)
            try await store.advanceChannelCursor("status", tenant: Fixtures.tenantA, to: 7, at: Fixtures.t0)
            try await store.advanceChannelCursor("status", tenant: Fixtures.tenantA, to: 5, at: Fixtures.t0)
            #expect(try await store.channelCursor("status", tenant: Fixtures.tenantA) == 7)
            try await store.advanceChannelCursor("status", tenant: Fixtures.tenantA, to: 9, at: Fixtures.t0)
            #expect(try await store.channelCursor("status", tenant: Fixtures.tenantA) == 9)
            #expect(try await store.channelCursor("status", tenant: Fixtures.tenantB) == 0)
        }
    }

    @Test(arguments: TestBackend.all)
    func statusChangesFollowTheChangeFeedAndSkipOtherSubjects(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let intake = IntakeService(store: store)
            for number in ["S-1", "S-2"] {
                _ = try await intake.receive(IntakeRequest(
                    tenant: Fixtures.tenantA, payload: Payloads.cii(number: number), actor: "test"))
            }
            // A master-data change between two invoices: it moves the cursor but makes no row.
            _ = try await store.transaction { transaction in
                try await transaction.appendChange(tenant: Fixtures.tenantA, subject: .product, key: "P", version: 1,
                                                   change: "upserted", at: Fixtures.t0)
            }
            _ = try await intake.receive(IntakeRequest(
                tenant: Fixtures.tenantA, payload: Payloads.cii(number: "S-3"), actor: "test"))
            let all = try await store.statusChanges(tenant: Fixtures.tenantA, after: 0, limit: 100)
            #expect(all.changes.map(\.invoiceNumber) == ["S-1", "S-2", "S-3"])
            #expect(all.changes.allSatisfy { $0.type == "invoice.received" && $0.state == .received })
            #expect(all.changes.map(\.position) == [1, 2, 4])
            #expect(all.reached == 4)
            let firstPage = try await store.statusChanges(tenant: Fixtures.tenantA, after: 0, limit: 3)
            #expect(firstPage.changes.map(\.invoiceNumber) == ["S-1", "S-2"])
            #expect(firstPage.reached == 3)
            let rest = try await store.statusChanges(tenant: Fixtures.tenantA, after: firstPage.reached, limit: 3)
            #expect(rest.changes.map(\.invoiceNumber) == ["S-3"])
            let none = try await store.statusChanges(tenant: Fixtures.tenantA, after: 4, limit: 3)
            #expect(none.changes.isEmpty && none.reached == 4)
            #expect(try await store.statusChanges(tenant: Fixtures.tenantB, after: 0, limit: 3).changes.isEmpty)
        }
    }
}
