import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("Master data store")
struct MasterDataStoreTests {
    static func record(_ code: String, payload: String = #"{"x":1}"#, active: Bool = true,
                       tenant: TenantID = Fixtures.tenantA, kind: MasterDataKind = .product) -> MasterRecord {
        MasterRecord(tenant: tenant, kind: kind, code: code, version: 0, active: active, payload: Array(payload.utf8),
                     updatedAt: Fixtures.t0)
    }

    @Test(arguments: TestBackend.all)
    func upsertWithoutVersionCreatesThenIncrements(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let first = try await store.transaction { try await $0.upsertMasterRecord(Self.record("P1"), expectedVersion: nil) }
            let second = try await store.transaction {
                try await $0.upsertMasterRecord(Self.record("P1", payload: #"{"x":2}"#, active: false), expectedVersion: nil)
            }
            #expect(first.version == 1)
            #expect(second.version == 2)
            let read = try await store.transaction { try await $0.masterRecord(.product, code: "P1", tenant: Fixtures.tenantA) }
            #expect(read == second)
            #expect(read?.active == false)
            #expect(read.map { String(decoding: $0.payload, as: UTF8.self) } == #"{"x":2}"#)
            // Same code, other kind: another item.
            #expect(try await store.transaction { try await $0.masterRecord(.customer, code: "P1", tenant: Fixtures.tenantA) } == nil)
        }
    }

    @Test(arguments: TestBackend.all)
    func expectedVersionsAreEnforced(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let created = try await store.transaction { try await $0.upsertMasterRecord(Self.record("P1"), expectedVersion: 0) }
            #expect(created.version == 1)
            await #expect(throws: StoreError.stale(currentVersion: 1)) {
                try await store.transaction { try await $0.upsertMasterRecord(Self.record("P1"), expectedVersion: 0) }
            }
            let updated = try await store.transaction { try await $0.upsertMasterRecord(Self.record("P1"), expectedVersion: 1) }
            #expect(updated.version == 2)
            await #expect(throws: StoreError.stale(currentVersion: 2)) {
                try await store.transaction { try await $0.upsertMasterRecord(Self.record("P1"), expectedVersion: 1) }
            }
            await #expect(throws: StoreError.stale(currentVersion: 0)) {
                try await store.transaction { try await $0.upsertMasterRecord(Self.record("NEW"), expectedVersion: 3) }
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func aStaleItemDoesNotSpoilTheTransaction(backend: TestBackend) async throws {
        try await backend.withStore { store in
            _ = try await store.transaction { try await $0.upsertMasterRecord(Self.record("P1"), expectedVersion: nil) }
            let written = try await store.transaction { transaction -> Int in
                do {
                    _ = try await transaction.upsertMasterRecord(Self.record("P1"), expectedVersion: 7)
                } catch StoreError.stale {}
                return try await transaction.upsertMasterRecord(Self.record("P2"), expectedVersion: 0).version
            }
            #expect(written == 1)
            #expect(try await store.transaction { try await $0.masterRecord(.product, code: "P2", tenant: Fixtures.tenantA) } != nil)
        }
    }

    @Test(arguments: TestBackend.all)
    func listsByCodesAndPagesInCodeOrder(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let codes = ["b", "A", "a", "é", "Z", "10", "9"]
            try await store.transaction { transaction in
                for code in codes { _ = try await transaction.upsertMasterRecord(Self.record(code), expectedVersion: nil) }
                _ = try await transaction.upsertMasterRecord(Self.record("b", tenant: Fixtures.tenantB), expectedVersion: nil)
                _ = try await transaction.upsertMasterRecord(Self.record("c", kind: .customer), expectedVersion: nil)
            }
            let found = try await store.transaction {
                try await $0.masterRecords(.product, codes: ["a", "b", "missing", "a"], tenant: Fixtures.tenantA)
            }
            #expect(found.map(\.code).sorted() == ["a", "b"])
            #expect(try await store.transaction { try await $0.masterRecords(.product, codes: [], tenant: Fixtures.tenantA) }.isEmpty)
            let many = (0..<1_200).map { "code-\($0)" }
            #expect(try await store.transaction { try await $0.masterRecords(.product, codes: many + ["a"], tenant: Fixtures.tenantA) }.count == 1)
            var listed: [String] = []
            var after: String?
            while true {
                let from = after
                let page = try await store.transaction { try await $0.masterRecords(.product, tenant: Fixtures.tenantA, after: from, limit: 3) }
                listed += page.map(\.code)
                guard page.count == 3 else { break }
                after = page.last?.code
            }
            // Byte order, the same on both databases.
            #expect(listed == codes.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        }
    }
}
