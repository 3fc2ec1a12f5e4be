import Foundation
import Gateway
import GatewayStorage
import Testing

/// The store-backed directory cache (migration 7) on SQLite and PostgreSQL, with a test clock.
@Suite("DirectoryCache over the real stores")
struct DirectoryCacheTests {
    static let entry = DirectoryEntry(
        addressingIdentifier: "732829320", siren: "732829320", platform: ReceivingPlatform(type: "WK"),
        status: "Enabled", businessName: "Acheteur Exemple SA")

    @Test(arguments: TestBackend.all)
    func storedAnswersAreReadUntilTheyExpireAndPerTenant(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let stored = CachedDirectoryAnswer(
                tenant: Fixtures.tenantA, key: "siren=1", answerJSON: Array(#"{"x":1}"#.utf8), found: true,
                storedAt: Fixtures.t0, expiresAt: Fixtures.t0.addingTimeInterval(60))
            try await store.storeDirectoryAnswer(stored)
            let hit = try await store.cachedDirectoryAnswer(tenant: Fixtures.tenantA, key: "siren=1",
                                                            now: Fixtures.t0.addingTimeInterval(59))
            #expect(hit?.answerJSON == stored.answerJSON)
            #expect(hit?.found == true)
            #expect(abs((hit?.expiresAt ?? .distantPast).timeIntervalSince(stored.expiresAt)) < 0.001)
            #expect(try await store.cachedDirectoryAnswer(tenant: Fixtures.tenantA, key: "siren=1",
                                                          now: Fixtures.t0.addingTimeInterval(60)) == nil)
            #expect(try await store.cachedDirectoryAnswer(tenant: Fixtures.tenantB, key: "siren=1",
                                                          now: Fixtures.t0) == nil)
            // A second store replaces the first.
            var replaced = stored
            replaced.answerJSON = Array(#"{"x":2}"#.utf8)
            replaced.found = false
            replaced.expiresAt = Fixtures.t0.addingTimeInterval(600)
            try await store.storeDirectoryAnswer(replaced)
            let again = try await store.cachedDirectoryAnswer(tenant: Fixtures.tenantA, key: "siren=1",
                                                              now: Fixtures.t0.addingTimeInterval(300))
            #expect(again?.answerJSON == replaced.answerJSON)
            #expect(again?.found == false)
            // Purge removes only what expired.
            try await store.storeDirectoryAnswer(CachedDirectoryAnswer(
                tenant: Fixtures.tenantB, key: "siren=2", answerJSON: Array("{}".utf8), found: true,
                storedAt: Fixtures.t0, expiresAt: Fixtures.t0.addingTimeInterval(10)))
            #expect(try await store.purgeDirectoryAnswers(expiredBefore: Fixtures.t0.addingTimeInterval(100)) == 1)
            #expect(try await store.cachedDirectoryAnswer(tenant: Fixtures.tenantA, key: "siren=1",
                                                          now: Fixtures.t0.addingTimeInterval(100)) != nil)
        }
    }

    @Test(arguments: TestBackend.all)
    func aFoundAnswerIsReusedUntilItsLifetimeEnds(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let clock = TestClock(Fixtures.t0)
            let directory = InMemoryDirectory([Self.entry])
            let cached = CachedDirectory(directory: directory, cache: store, clock: clock,
                                         policy: DirectoryCachePolicy(foundLifetime: 3600, notFoundLifetime: 60))
            let buyer = BuyerIdentity(siren: "732829320")
            let first = try await cached.lookUp(buyer, tenant: Fixtures.tenantA)
            #expect(first.entry?.addressingIdentifier == "732829320")
            #expect(first.entry?.validUntil == Fixtures.t0.addingTimeInterval(3600))
            #expect(directory.lookups == 1)
            clock.advance(by: 3599)
            #expect(try await cached.lookUp(buyer, tenant: Fixtures.tenantA) == first)
            #expect(directory.lookups == 1)
            // Another tenant has its own entry.
            _ = try await cached.lookUp(buyer, tenant: Fixtures.tenantB)
            #expect(directory.lookups == 2)
            clock.advance(by: 1)
            let renewed = try await cached.lookUp(buyer, tenant: Fixtures.tenantA)
            #expect(directory.lookups == 3)
            #expect(renewed.entry?.validUntil == clock.now().addingTimeInterval(3600))
        }
    }

    @Test(arguments: TestBackend.all)
    func notFoundIsKeptShorterAndFailuresAreNotKept(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let clock = TestClock(Fixtures.t0)
            let directory = InMemoryDirectory([])
            let cached = CachedDirectory(directory: directory, cache: store, clock: clock,
                                         policy: DirectoryCachePolicy(foundLifetime: 3600, notFoundLifetime: 60))
            let buyer = BuyerIdentity(siren: "732829320")
            let first = try await cached.lookUp(buyer, tenant: Fixtures.tenantA)
            #expect(first.entry == nil)
            clock.advance(by: 59)
            let again = try await cached.lookUp(buyer, tenant: Fixtures.tenantA)
            #expect(again.entry == nil)
            #expect(directory.lookups == 1)
            // The buyer registers; the negative answer expires after its shorter lifetime.
            directory.setEntries([Self.entry])
            clock.advance(by: 1)
            let registered = try await cached.lookUp(buyer, tenant: Fixtures.tenantA)
            #expect(registered.entry?.addressingIdentifier == "732829320")
            #expect(directory.lookups == 2)

            let other = BuyerIdentity(siren: "315143296")
            directory.setUnavailable(true)
            do {
                _ = try await cached.lookUp(other, tenant: Fixtures.tenantA)
                Issue.record("an unreachable directory must fail")
            } catch {
                #expect(error is DirectoryFailure)
            }
            directory.setUnavailable(false)
            let recovered = try await cached.lookUp(other, tenant: Fixtures.tenantA)
            #expect(recovered.entry == nil)
            #expect(directory.lookups == 4)
        }
    }
}
