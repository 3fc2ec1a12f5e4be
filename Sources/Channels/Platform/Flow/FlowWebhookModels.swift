import Foundation

/// `WebhookParams`: what a webhook wants to hear about (`POST /v1/webhooks`).
public struct FlowWebhookParams: Codable, Sendable, Hashable {
    public var callbackUrl: String
    public var flowTypes: [FlowType]?
    public var flowDirection: FlowDirection?
    public var ackStatus: FlowAckStatus?

    public init(callbackUrl: String, flowTypes: [FlowType]? = nil, flowDirection: FlowDirection? = nil,
                ackStatus: FlowAckStatus? = nil) {
        self.callbackUrl = callbackUrl
        self.flowTypes = flowTypes
        self.flowDirection = flowDirection
        self.ackStatus = ackStatus
    }
}

/// `WebhookIdParam`: the 201 answer of `POST /v1/webhooks`. Keep the signing key secret: it checks the
/// `Afnor-Signature` of every call (base64 of 32 bytes, `format: byte`).
public struct FlowWebhookRegistration: Codable, Sendable, Hashable {
    public var webhookId: String
    public var signingKey: String
    public var createdAt: Date?
}

/// `Webhook`: one item of `GET /v1/webhooks`.
public struct FlowWebhook: Codable, Sendable, Hashable {
    public var webhookId: String
    public var signingKey: String?
    public var createdAt: Date?
    public var callbackUrl: String
    public var flowTypes: [FlowType]?
    public var flowDirection: FlowDirection?
    public var ackStatus: FlowAckStatus?
}

/// `WebhookListResponse`: the schema requires `count` and `webhookIds` and describes `webhooks`; a platform may give
/// only the ids.
public struct FlowWebhookList: Codable, Sendable {
    public var count: Int?
    public var webhookIds: [String]
    public var webhooks: [FlowWebhook]?
}
