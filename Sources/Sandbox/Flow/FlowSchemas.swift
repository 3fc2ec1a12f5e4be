import Foundation

/// `FlowInfo`: what the client says about a flow it submits (the `flowInfo` part of `POST /v1/flows`).
public struct FlowInfo: Codable, Sendable, Hashable {
    public var trackingId: String?
    public var name: String
    public var processingRule: ProcessingRule?
    public var flowSyntax: FlowSyntax
    public var flowProfile: FlowProfile?
    public var sha256: String?

    public init(trackingId: String? = nil, name: String, processingRule: ProcessingRule? = nil,
                flowSyntax: FlowSyntax, flowProfile: FlowProfile? = nil, sha256: String? = nil) {
        self.trackingId = trackingId
        self.name = name
        self.processingRule = processingRule
        self.flowSyntax = flowSyntax
        self.flowProfile = flowProfile
        self.sha256 = sha256
    }
}

/// `FullFlowInfo`: the 202 answer of `POST /v1/flows`.
public struct FullFlowInfo: Codable, Sendable, Hashable {
    public var flowId: String
    public var submittedAt: Date
    public var trackingId: String?
    public var name: String
    public var processingRule: ProcessingRule?
    public var flowSyntax: FlowSyntax
    public var flowProfile: FlowProfile?
    public var sha256: String?
}

/// `AcknowledgementDetail`.
public struct AcknowledgementDetail: Codable, Sendable, Hashable {
    public enum Level: String, Codable, Sendable { case error = "Error", warning = "Warning" }
    public var level: Level
    public var item: String
    /// A `ReasonCodeEnum` value, or another string (the spec allows extensions).
    public var reasonCode: String
    public var reasonMessage: String

    init(level: Level = .error, item: String, reason: AckReasonCode, message: String) {
        self.level = level
        self.item = item
        self.reasonCode = reason.rawValue
        self.reasonMessage = message
    }
}

/// `Acknowledgement`.
public struct Acknowledgement: Codable, Sendable, Hashable {
    public var status: FlowAckStatus
    public var details: [AcknowledgementDetail]?
}

/// `Flow`: a flow's metadata (`GET /v1/flows/{flowId}`, search results, webhook bodies).
public struct FlowMetadata: Codable, Sendable, Hashable {
    public var flowId: String
    public var submittedAt: Date
    public var updatedAt: Date
    public var trackingId: String?
    public var name: String
    public var processingRule: ProcessingRule
    public var processingRuleSource: ProcessingRuleSource
    public var flowSyntax: FlowSyntax
    public var flowProfile: FlowProfile
    public var flowType: FlowType
    public var flowDirection: FlowDirection
    public var acknowledgement: Acknowledgement
}

/// `SearchFlowFilters`.
public struct SearchFlowFilters: Codable, Sendable, Hashable {
    public var updatedAfter: Date?
    public var updatedBefore: Date?
    public var processingRule: [ProcessingRule]?
    public var flowType: [FlowType]?
    public var flowDirection: [FlowDirection]?
    public var trackingId: String?
    public var ackStatus: FlowAckStatus?

    public init(updatedAfter: Date? = nil, updatedBefore: Date? = nil, processingRule: [ProcessingRule]? = nil,
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

    var isEmpty: Bool {
        updatedAfter == nil && updatedBefore == nil && processingRule == nil && flowType == nil
            && flowDirection == nil && trackingId == nil && ackStatus == nil
    }
}

/// `SearchFlowParams`: the body of `POST /v1/flows/search`.
public struct SearchFlowParams: Codable, Sendable {
    public var limit: Int?
    public var cursor: String?
    public var `where`: SearchFlowFilters
}

/// `SearchFlowContent`: its answer.
public struct SearchFlowContent: Codable, Sendable {
    public var limit: Int
    public var nextCursor: String?
    public var filters: SearchFlowFilters
    public var results: [FlowMetadata]
}

/// `WebhookParams`: the body of `POST /v1/webhooks`.
public struct WebhookParams: Codable, Sendable, Hashable {
    public var callbackUrl: String
    public var flowTypes: [FlowType]?
    public var flowDirection: FlowDirection?
    public var ackStatus: FlowAckStatus?
}

/// `WebhookIdParam`: the 201 answer of `POST /v1/webhooks` (the signing key is base64: `format: byte`).
public struct WebhookIdParam: Codable, Sendable, Hashable {
    public var webhookId: String
    public var signingKey: String
    public var createdAt: Date
}

/// `Webhook`, one item of `GET /v1/webhooks`.
public struct WebhookListItem: Codable, Sendable, Hashable {
    public var webhookId: String
    public var signingKey: String
    public var createdAt: Date
    public var callbackUrl: String
    public var flowTypes: [FlowType]?
    public var flowDirection: FlowDirection?
    public var ackStatus: FlowAckStatus?
}

/// `WebhookListResponse`. Its schema lists `webhooks` as a property but requires `count` and `webhookIds`: both
/// are given.
public struct WebhookList: Codable, Sendable {
    public var count: Int
    public var webhookIds: [String]
    public var webhooks: [WebhookListItem]
}
