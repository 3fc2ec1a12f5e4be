import Foundation

/// How long directory answers are reused.
public struct DirectoryCachePolicy: Sendable, Hashable {
    /// A found directory line (default 24 hours: lines change rarely, and a change is announced in advance).
    public var foundLifetime: TimeInterval
    /// A buyer not found (default 1 hour: it may register any time, and its invoices wait meanwhile).
    public var notFoundLifetime: TimeInterval

    public init(foundLifetime: TimeInterval = 24 * 3600, notFoundLifetime: TimeInterval = 3600) {
        self.foundLifetime = foundLifetime
        self.notFoundLifetime = notFoundLifetime
    }
}

/// A directory with the store-backed cache in front: an answer younger than its lifetime is reused, by every node
/// sharing the store. Failures are not cached: the next lookup asks again.
public struct CachedDirectory: DirectoryPort {
    public var directory: any DirectoryPort
    public var cache: any DirectoryCacheStore
    public var clock: any GatewayClock
    public var policy: DirectoryCachePolicy

    public init(directory: any DirectoryPort, cache: any DirectoryCacheStore, clock: any GatewayClock = SystemClock(),
                policy: DirectoryCachePolicy = DirectoryCachePolicy()) {
        self.directory = directory
        self.cache = cache
        self.clock = clock
        self.policy = policy
    }

    public var name: String { directory.name }

    public func lookUp(_ buyer: BuyerIdentity, tenant: TenantID) async throws -> DirectoryAnswer {
        let key = buyer.lookupKey
        if let cached = try await cache.cachedDirectoryAnswer(tenant: tenant, key: key, now: clock.now()),
           let answer = try? Self.decoder.decode(DirectoryAnswer.self, from: Data(cached.answerJSON))
        {
            return answer
        }
        var answer = try await directory.lookUp(buyer, tenant: tenant)
        let now = clock.now()
        let expiresAt = now.addingTimeInterval(answer.entry == nil ? policy.notFoundLifetime : policy.foundLifetime)
        if case .found(var entry) = answer {
            entry.validUntil = expiresAt
            answer = .found(entry)
        }
        try await cache.storeDirectoryAnswer(CachedDirectoryAnswer(
            tenant: tenant, key: key, answerJSON: Array(try Self.encoder.encode(answer)), found: answer.entry != nil,
            storedAt: now, expiresAt: expiresAt))
        return answer
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }
}
