import Foundation
import Gateway

/// Where a pick-up remembers the files it took: SHA-256 of the content plus the name. Claiming must be atomic
/// across every picker that shares the registry.
public protocol FingerprintRegistry: Sendable {
    /// True when the fingerprint was new and is now recorded; false when a file with it was taken before.
    func claimFingerprint(_ fingerprint: String, name: String, claimID: String) async throws -> Bool
    /// Forgets it: the file failed as a whole, and dropping it again must retry it.
    func releaseFingerprint(_ fingerprint: String) async throws
}

extension FingerprintStore: FingerprintRegistry {
    public func claimFingerprint(_ fingerprint: String, name: String, claimID: String) async throws -> Bool {
        let stamp = ISO8601DateFormatter().string(from: Date())
        return try claim(fingerprint, note: "\(name) taken \(stamp) (claim \(claimID))\n")
    }

    public func releaseFingerprint(_ fingerprint: String) async throws {
        release(fingerprint)
    }
}

/// Fingerprints in the gateway's store: shared by every `passerelle serve` node on one database.
public struct StoreFingerprintRegistry: FingerprintRegistry {
    public var store: any ChannelStateStore
    /// The channel's name: fingerprints are per channel.
    public var channel: String
    public var tenant: TenantID
    public var clock: any GatewayClock

    public init(store: any ChannelStateStore, channel: String, tenant: TenantID, clock: any GatewayClock = SystemClock()) {
        self.store = store
        self.channel = channel
        self.tenant = tenant
        self.clock = clock
    }

    public func claimFingerprint(_ fingerprint: String, name: String, claimID: String) async throws -> Bool {
        try await store.claimFileFingerprint(fingerprint, channel: channel, tenant: tenant, fileName: name,
                                             claimID: claimID, at: clock.now())
    }

    public func releaseFingerprint(_ fingerprint: String) async throws {
        try await store.releaseFileFingerprint(fingerprint, channel: channel, tenant: tenant)
    }
}
