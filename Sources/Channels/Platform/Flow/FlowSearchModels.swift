import Foundation

/// `SearchFlowFilters`: criteria ANDed together, list values ORed; at least one is required.
public struct FlowSearchFilters: Codable, Sendable, Hashable {
    /// Strict: `updatedAt > updatedAfter`.
    public var updatedAfter: Date?
    public var updatedBefore: Date?
    public var processingRule: [FlowProcessingRule]?
    public var flowType: [FlowType]?
    public var flowDirection: [FlowDirection]?
    public var trackingId: String?
    public var ackStatus: FlowAckStatus?

    public init(updatedAfter: Date? = nil, updatedBefore: Date? = nil, processingRule: [FlowProcessingRule]? = nil,
                flowType: [FlowType]? = nil, flowDirection: [FlowDirection]? = nil, trackingId: String? = nil,
                ackStatus: FlowAckStatus? = nil) {
        self.updatedAfter = updatedAfter
        self.updatedBefore = updatedBefore
        self.processingRule = processingRule
        self.flowType = flowType
        self.flowDirection = flowDirection
        self.trackingId = trackingId
        self.ackStatus = ackStatus
    }
}

/// `SearchFlowParams`: the body of `POST /v1/flows/search`.
struct FlowSearchParams: Encodable, Sendable {
    var limit: Int?
    var cursor: String?
    var `where`: FlowSearchFilters
}

/// `SearchFlowContent`: one page of results; `nextCursor` is present while more remain.
public struct FlowSearchPage: Codable, Sendable {
    public var limit: Int?
    public var nextCursor: String?
    public var filters: FlowSearchFilters?
    public var results: [Flow]
}
