import Foundation

/// The inbound side of a platform: where the lifecycle statuses of the invoices we sent come back from.
///
/// An accredited platform announces each status as a flow (AFNOR Flow API: direction `In`, type
/// `CustomerInvoiceLC`, syntax `CDAR`); the adapter fetches that flow's CDAR message and lists such flows for the
/// polling fallback. Implemented in `Channels` over the AFNOR Flow client.
public protocol PlatformInboundPort: Sendable {
    /// The platform's name in the configuration (the `{platform}` of the webhook URL, the statuses' actor).
    var name: String { get }
    /// The CDAR D22B message of a lifecycle flow (AFNOR `GET /v1/flows/{flowId}?docType=Original`).
    func lifecycleMessage(flowID: String) async throws -> [UInt8]
    /// One page of the lifecycle flows (`In`, `CustomerInvoiceLC`) updated strictly after `updatedAfter` (all of
    /// them when nil), from `cursor` (the previous page's ``LifecycleFlowPage/nextCursor``; nil for the first).
    func lifecycleFlows(updatedAfter: Date?, cursor: String?) async throws -> LifecycleFlowPage
}

/// A lifecycle flow the platform announced (by webhook) or listed (by search).
public struct AnnouncedFlow: Sendable, Hashable {
    /// The platform's id of the lifecycle flow itself.
    public var flowID: String
    /// The `trackingId` the flow carries (the sandbox repeats the invoice flow's `trackingId`); nil when absent.
    public var trackingID: String?
    /// When the platform last updated the flow; the polling cursor.
    public var updatedAt: Date?

    public init(flowID: String, trackingID: String? = nil, updatedAt: Date? = nil) {
        self.flowID = flowID
        self.trackingID = trackingID
        self.updatedAt = updatedAt
    }
}

/// A page of lifecycle flows.
public struct LifecycleFlowPage: Sendable, Hashable {
    public var flows: [AnnouncedFlow]
    /// Present while more pages remain.
    public var nextCursor: String?

    public init(flows: [AnnouncedFlow], nextCursor: String?) {
        self.flows = flows
        self.nextCursor = nextCursor
    }
}
