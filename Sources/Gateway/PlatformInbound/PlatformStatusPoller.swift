import Foundation

/// The polling fallback: asks the platform for the lifecycle flows updated since the last poll and queues each one
/// in the ``PlatformStatusInbox`` (the same path as a webhook).
///
/// The cursor is the latest `updatedAt` seen, in milliseconds since 1970, kept as the channel cursor
/// `platform-poll:<platform>` of the tenant, so that several nodes and restarts share it. Each poll asks for flows
/// updated after the cursor minus ``overlap`` (a flow committed by the platform with a slightly older timestamp
/// than one already seen is not missed); flows seen twice are queued once. The cursor moves only once every page
/// of a poll was read and queued: a poll that fails half-way is repeated whole at the next interval.
public struct PlatformStatusPoller: Sendable {
    public var platform: any PlatformInboundPort
    public var tenant: TenantID
    public var inbox: PlatformStatusInbox
    public var cursors: any ChannelStateStore
    public var overlap: Duration
    /// A guard against a platform whose cursor never ends.
    public var maximumPages: Int

    public init(platform: any PlatformInboundPort, tenant: TenantID, inbox: PlatformStatusInbox,
                cursors: any ChannelStateStore, overlap: Duration = .seconds(300), maximumPages: Int = 10_000) {
        self.platform = platform
        self.tenant = tenant
        self.inbox = inbox
        self.cursors = cursors
        self.overlap = overlap
        self.maximumPages = maximumPages
    }

    /// What one poll did.
    public struct Outcome: Sendable, Hashable {
        /// Lifecycle flows the platform listed.
        public var listed: Int
        /// Of those, the ones not queued before.
        public var queued: Int
        public var pages: Int
    }

    public var channel: String { "platform-poll:\(platform.name)" }

    /// One poll: every page since the cursor, each flow queued, then the cursor moved.
    public func poll() async throws -> Outcome {
        let stored = try await cursors.channelCursor(channel, tenant: tenant)
        let updatedAfter: Date? = stored == 0
            ? nil : Date(timeIntervalSince1970: Double(stored) / 1000).adding(.zero - overlap)
        var cursor: String?
        var outcome = Outcome(listed: 0, queued: 0, pages: 0)
        var latest = stored
        repeat {
            let page = try await platform.lifecycleFlows(updatedAfter: updatedAfter, cursor: cursor)
            outcome.pages += 1
            for flow in page.flows {
                outcome.listed += 1
                if try await inbox.announce(flow, platform: platform.name, tenant: tenant) { outcome.queued += 1 }
                if let updated = flow.updatedAt {
                    latest = max(latest, Int64((updated.timeIntervalSince1970 * 1000).rounded(.down)))
                }
            }
            cursor = page.nextCursor
        } while cursor != nil && outcome.pages < maximumPages
        if latest > stored {
            try await cursors.advanceChannelCursor(channel, tenant: tenant, to: latest, at: inbox.clock.now())
        }
        return outcome
    }
}
