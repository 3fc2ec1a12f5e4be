import Foundation
import Gateway

/// The inbound side of an AFNOR Flow platform (``PlatformInboundPort``) over ``FlowClient``: a lifecycle flow's
/// CDAR message is its `Original` document; the polling fallback searches `In` / `CustomerInvoiceLC` flows by
/// `updatedAfter`, `pageSize` at a time, with the platform's cursor.
public struct FlowLifecycleSource: PlatformInboundPort {
    public let name: String
    public let client: FlowClient
    public var pageSize: Int

    public init(name: String, client: FlowClient, pageSize: Int = 100) {
        self.name = name
        self.client = client
        self.pageSize = pageSize
    }

    public func lifecycleMessage(flowID: String) async throws -> [UInt8] {
        try await client.flow(id: flowID, docType: .original).bytes
    }

    public func lifecycleFlows(updatedAfter: Date?, cursor: String?) async throws -> LifecycleFlowPage {
        let filters = FlowSearchFilters(updatedAfter: updatedAfter, flowType: [.customerInvoiceLC],
                                        flowDirection: [.incoming])
        let page = try await client.search(where: filters, cursor: cursor, limit: pageSize)
        return LifecycleFlowPage(
            flows: page.results.map { AnnouncedFlow(flowID: $0.flowId, trackingID: $0.trackingId, updatedAt: $0.updatedAt) },
            nextCursor: page.nextCursor)
    }
}
