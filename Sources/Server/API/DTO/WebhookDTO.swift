import Foundation
import Gateway

/// A webhook subscription; `secret` only in the answer that creates it.
struct WebhookDTO: Encodable, Sendable {
    var id: String
    var url: String
    var eventTypes: [String]
    var active: Bool
    var createdAt: Date
    /// The HMAC key deliveries are signed with (`Passerelle-Signature`). Shown once.
    var secret: String?

    init(_ subscription: WebhookSubscription, showSecret: Bool = false) {
        id = subscription.id
        url = subscription.url
        eventTypes = subscription.eventTypes.sorted()
        active = subscription.active
        createdAt = subscription.createdAt
        secret = showSecret ? subscription.secret : nil
    }
}

/// `POST /v1/webhooks`
struct WebhookCreateRequest: StrictJSON {
    static let shape = JSONShape.leaves("url", "eventTypes")
    var url: String
    /// Event types (`invoice.rejected`…) or `*` for all.
    var eventTypes: [String]
}

/// One webhook delivery (the body is not repeated here: it is the event).
struct WebhookDeliveryDTO: Encodable, Sendable {
    var id: String
    var subscriptionID: String
    var eventType: String
    /// `pending`, `delivered` or `dead-lettered`.
    var state: String
    var attempts: Int
    var lastStatusCode: Int?
    var lastError: String?
    var createdAt: Date
    var updatedAt: Date

    init(_ delivery: WebhookDelivery) {
        id = delivery.id
        subscriptionID = delivery.subscriptionID
        eventType = delivery.eventType
        state = delivery.state.rawValue
        attempts = delivery.attempts
        lastStatusCode = delivery.lastStatusCode
        lastError = delivery.lastError
        createdAt = delivery.createdAt
        updatedAt = delivery.updatedAt
    }
}
