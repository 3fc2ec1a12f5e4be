import Foundation
import Synchronization

/// A directory held in memory, for tests and demos: lines by SIREN, picked like the real one (routing code, then
/// SIRET, then SIREN). Counts its lookups; can be told to be unreachable.
public final class InMemoryDirectory: DirectoryPort {
    private struct State {
        var entries: [DirectoryEntry] = []
        var lookups = 0
        var unavailable = false
    }

    private let state: Mutex<State>

    public init(_ entries: [DirectoryEntry] = []) {
        state = Mutex(State(entries: entries))
    }

    public var name: String { "in-memory directory" }

    /// How many lookups reached it (the cache's misses).
    public var lookups: Int { state.withLock { $0.lookups } }

    public func setEntries(_ entries: [DirectoryEntry]) { state.withLock { $0.entries = entries } }
    public func setUnavailable(_ unavailable: Bool) { state.withLock { $0.unavailable = unavailable } }

    public func lookUp(_ buyer: BuyerIdentity, tenant: TenantID) async throws -> DirectoryAnswer {
        let (entries, unavailable) = state.withLock { state in
            state.lookups += 1
            return (state.entries, state.unavailable)
        }
        if unavailable { throw DirectoryFailure.unavailable("the in-memory directory was told to be unreachable") }
        if let address = buyer.electronicAddress, buyer.effectiveSIREN == nil {
            guard let entry = entries.first(where: { $0.addressingIdentifier == address }) else {
                return .notFound(reason: "no directory line \(address)")
            }
            return .found(entry)
        }
        let siren = buyer.effectiveSIREN ?? ""
        let lines = entries.filter { $0.siren == siren }
        let candidates = [
            lines.first { $0.siret == buyer.siret && $0.routingCode == buyer.routingCode && buyer.routingCode != nil },
            lines.first { $0.siret == buyer.siret && $0.routingCode == nil && buyer.siret != nil },
            lines.first { $0.siret == nil && $0.routingCode == nil },
        ]
        if let entry = candidates.compactMap({ $0 }).first { return .found(entry) }
        return .notFound(reason: lines.isEmpty ? "no directory line for SIREN \(siren)"
                         : "no directory line applies (the SIREN's lines are for other establishments)")
    }
}

/// The directory cache in memory (one process), for tests: the store-backed one is `SQLGatewayStore`'s.
public final class InMemoryDirectoryCache: DirectoryCacheStore {
    private let answers = Mutex<[String: CachedDirectoryAnswer]>([:])

    public init() {}

    public func cachedDirectoryAnswer(tenant: TenantID, key: String, now: Date) async throws -> CachedDirectoryAnswer? {
        answers.withLock { $0[tenant.rawValue + "\u{1}" + key] }.flatMap { $0.expiresAt > now ? $0 : nil }
    }

    public func storeDirectoryAnswer(_ answer: CachedDirectoryAnswer) async throws {
        answers.withLock { $0[answer.tenant.rawValue + "\u{1}" + answer.key] = answer }
    }

    public func purgeDirectoryAnswers(expiredBefore date: Date) async throws -> Int {
        answers.withLock { answers in
            let expired = answers.filter { $0.value.expiresAt <= date }.map(\.key)
            for key in expired { answers[key] = nil }
            return expired.count
        }
    }
}
