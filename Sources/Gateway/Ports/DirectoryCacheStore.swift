import Foundation

/// The directory answers the gateway keeps in its store, so that several `passerelle serve` nodes on one database
/// share them (migration 7). Each call is its own transaction.
public protocol DirectoryCacheStore: Sendable {
    /// The answer stored for the key, unless it expired at `now`.
    func cachedDirectoryAnswer(tenant: TenantID, key: String, now: Date) async throws -> CachedDirectoryAnswer?
    /// Stores (or replaces) an answer.
    func storeDirectoryAnswer(_ answer: CachedDirectoryAnswer) async throws
    /// Removes the answers expired before `date`; returns how many.
    func purgeDirectoryAnswers(expiredBefore date: Date) async throws -> Int
}

/// One cached directory answer.
public struct CachedDirectoryAnswer: Sendable, Hashable {
    public var tenant: TenantID
    /// ``BuyerIdentity/lookupKey``.
    public var key: String
    /// The ``DirectoryAnswer`` as JSON.
    public var answerJSON: [UInt8]
    /// Whether the answer found a line (not-found answers are kept for a shorter time).
    public var found: Bool
    public var storedAt: Date
    public var expiresAt: Date

    public init(tenant: TenantID, key: String, answerJSON: [UInt8], found: Bool, storedAt: Date, expiresAt: Date) {
        self.tenant = tenant
        self.key = key
        self.answerJSON = answerJSON
        self.found = found
        self.storedAt = storedAt
        self.expiresAt = expiresAt
    }
}
