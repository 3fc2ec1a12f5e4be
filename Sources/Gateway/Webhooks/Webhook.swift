import Foundation

/// An ERP endpoint that wants to hear about some event types.
public struct WebhookSubscription: Hashable, Sendable {
    public var id: String
    public var tenant: TenantID
    public var url: String
    /// Event types (``InvoiceEvent/type``, e.g. `invoice.rejected`), or `*` for all.
    public var eventTypes: Set<String>
    /// The HMAC key deliveries are signed with. Shown once, at creation.
    public var secret: String
    public var active: Bool
    public var createdAt: Date

    public init(id: String, tenant: TenantID, url: String, eventTypes: Set<String>, secret: String,
                active: Bool = true, createdAt: Date) {
        self.id = id
        self.tenant = tenant
        self.url = url
        self.eventTypes = eventTypes
        self.secret = secret
        self.active = active
        self.createdAt = createdAt
    }

    public func wants(_ eventType: String) -> Bool {
        active && (eventTypes.contains("*") || eventTypes.contains(eventType))
    }
}

/// Where a delivery is.
public enum WebhookDeliveryState: String, Sendable, Codable, CaseIterable {
    case pending
    case delivered
    /// Failed every attempt; can be replayed.
    case deadLettered = "dead-lettered"
}

/// One event to deliver to one subscription. The body is fixed at creation so that every retry sends (and signs)
/// the same bytes; the receiver deduplicates by ``id``.
public struct WebhookDelivery: Hashable, Sendable {
    public var id: String
    public var tenant: TenantID
    public var subscriptionID: String
    public var eventType: String
    public var body: [UInt8]
    public var state: WebhookDeliveryState
    public var attempts: Int
    public var lastStatusCode: Int?
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, tenant: TenantID, subscriptionID: String, eventType: String, body: [UInt8],
                state: WebhookDeliveryState = .pending, attempts: Int = 0, lastStatusCode: Int? = nil,
                lastError: String? = nil, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.tenant = tenant
        self.subscriptionID = subscriptionID
        self.eventType = eventType
        self.body = body
        self.state = state
        self.attempts = attempts
        self.lastStatusCode = lastStatusCode
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
