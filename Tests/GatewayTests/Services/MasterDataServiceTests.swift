import EInvoice
import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("MasterDataService over the real stores")
struct MasterDataServiceTests {
    static let customer = Customer(code: "C-1", name: "Client", siren: "987654324", siret: "98765432400017",
                                   address: CustomerAddress(city: "Nantes", countryCode: "FR"))

    @Test(arguments: TestBackend.all)
    func everyWriteIsVersionedAndReadBack(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let service = MasterDataService(store: store, clock: TestClock())
            guard case .written(_, let first) = try await service.upsert(Self.customer, tenant: Fixtures.tenantA) else {
                Issue.record("the first write was refused")
                return
            }
            var renamed = Self.customer
            renamed.name = "Client renommé"
            guard case .written(_, let second) = try await service.upsert(renamed, tenant: Fixtures.tenantA) else {
                Issue.record("the second write was refused")
                return
            }
            #expect((first, second) == (1, 2))
            let read = try await service.get(Customer.self, code: "C-1", tenant: Fixtures.tenantA)
            #expect(read?.0 == renamed)
            #expect(read?.1 == 2)
            #expect(try await service.get(Customer.self, code: "C-1", tenant: Fixtures.tenantB) == nil)
        }
    }

    @Test(arguments: TestBackend.all)
    func ifMatchRefusesAStaleWrite(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let service = MasterDataService(store: store, clock: TestClock())
            _ = try await service.upsert(Self.customer, tenant: Fixtures.tenantA)
            _ = try await service.upsert(Self.customer, tenant: Fixtures.tenantA, expectedVersion: 1)
            let stale = try await service.upsert(Self.customer, tenant: Fixtures.tenantA, expectedVersion: 1)
            guard case .stale(let current) = stale else {
                Issue.record("a stale write was accepted: \(stale)")
                return
            }
            #expect(current == 2)
            let create = try await service.upsert(Product(code: "P", name: "P", unitCode: "C62", vatCategory: "S", vatRate: 20),
                                                  tenant: Fixtures.tenantA, expectedVersion: 0)
            guard case .written(_, 1) = create else {
                Issue.record("If-None-Match style creation failed: \(create)")
                return
            }
            await #expect(throws: MasterDataError.stale(currentVersion: 2)) {
                _ = try await service.deactivate(Customer.self, code: "C-1", tenant: Fixtures.tenantA, expectedVersion: 1)
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func aBulkWriteKeepsTheGoodItemsAndReportsTheBadOnes(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let service = MasterDataService(store: store, clock: TestClock())
            _ = try await service.upsert(Product(code: "OLD", name: "Old", unitCode: "C62", vatCategory: "S", vatRate: 20),
                                         tenant: Fixtures.tenantA)
            let items = [
                Product(code: "A", name: "A", unitCode: "C62", vatCategory: "S", vatRate: 20),
                Product(code: "B", name: "", unitCode: "C62", vatCategory: "X", vatRate: nil),
                Product(code: "C", name: "C", unitCode: "HUR", vatCategory: "S", vatRate: ExactDecimal("5.5")),
                Product(code: "OLD", name: "Old 2", unitCode: "C62", vatCategory: "S", vatRate: 20),
            ]
            let results = try await service.upsert(items, tenant: Fixtures.tenantA, expectedVersions: [nil, nil, nil, 5])
            #expect(results.count == 4)
            if case .written(_, 1) = results[0] {} else { Issue.record("A: \(results[0])") }
            if case .invalid(let problems) = results[1] {
                #expect(Set(problems.map(\.field)) == ["name", "vatCategory"])
            } else {
                Issue.record("B: \(results[1])")
            }
            if case .written(_, 1) = results[2] {} else { Issue.record("C: \(results[2])") }
            if case .stale(1) = results[3] {} else { Issue.record("OLD: \(results[3])") }
            let listed = try await service.list(Product.self, tenant: Fixtures.tenantA, after: nil, limit: 10)
            #expect(listed.map(\.0.code) == ["A", "C", "OLD"])
            #expect(listed.last?.0.name == "Old")
        }
    }

    @Test(arguments: TestBackend.all)
    func writesAndDeactivationsLandInTheChangeFeed(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let service = MasterDataService(store: store, clock: TestClock())
            _ = try await service.upsert(Self.customer, tenant: Fixtures.tenantA)
            _ = try await service.upsert(Payloads.products(lines: 2), tenant: Fixtures.tenantA)
            _ = try await service.upsert(Payloads.priceList(lines: 2), tenant: Fixtures.tenantA)
            let (deactivated, version) = try await service.deactivate(Customer.self, code: "C-1", tenant: Fixtures.tenantA)
            #expect(deactivated.active == false)
            #expect(version == 2)
            #expect(try await service.get(Customer.self, code: "C-1", tenant: Fixtures.tenantA)?.0.active == false)
            let changes = try await store.transaction { try await $0.changes(tenant: Fixtures.tenantA, after: 0, limit: 20) }
            #expect(changes.map(\.sequence) == [1, 2, 3, 4, 5])
            #expect(changes.map(\.subject) == [.customer, .product, .product, .priceList, .customer])
            #expect(changes.map(\.key) == ["C-1", "REF-1001", "REF-1002", "PL-1", "C-1"])
            #expect(changes.map(\.change) == ["upserted", "upserted", "upserted", "upserted", "deactivated"])
            #expect(changes.last?.version == 2)
            #expect(try await store.transaction { try await $0.changes(tenant: Fixtures.tenantB, after: 0, limit: 20) }.isEmpty)
            await #expect(throws: MasterDataError.notFound(kind: .product, code: "nope")) {
                _ = try await service.deactivate(Product.self, code: "nope", tenant: Fixtures.tenantA)
            }
        }
    }
}
