import Foundation

/// Writes an invoice event together with what follows from it, in the caller's transaction: the change-feed entry
/// and one webhook delivery (and its job) per subscription that wants the event.
public struct EventRecorder: Sendable {
    public var clock: any GatewayClock

    public init(clock: any GatewayClock) {
        self.clock = clock
    }

    public func record(_ event: InvoiceEvent, record: InvoiceRecord, in transaction: any StoreTransaction)
        async throws
    {
        let stored = try await transaction.appendEvent(event)
        try await transaction.appendChange(
            tenant: record.tenant, subject: .invoice, key: record.id.rawValue, version: record.version,
            change: "state:\(record.state.rawValue)", at: event.occurredAt)
        try await queueDeliveries(
            eventType: event.type, body: { WebhookBody.make(event: stored, record: record) }, tenant: record.tenant,
            invoiceID: record.id, at: event.occurredAt, in: transaction)
    }

    /// One webhook delivery (and its job) per subscription of the tenant that wants `eventType`, with this body.
    public func queueDeliveries(eventType: String, body: [UInt8], tenant: TenantID, invoiceID: InvoiceID?, at: Date,
                                in transaction: any StoreTransaction) async throws
    {
        try await queueDeliveries(eventType: eventType, body: { body }, tenant: tenant, invoiceID: invoiceID, at: at,
                                  in: transaction)
    }

    /// The body is encoded only when a subscription wants the event (most events of a bulk import have none).
    func queueDeliveries(eventType: String, body makeBody: () -> [UInt8], tenant: TenantID, invoiceID: InvoiceID?,
                         at: Date, in transaction: any StoreTransaction) async throws
    {
        let subscriptions = try await transaction.subscriptions(tenant: tenant)
        var encoded: [UInt8]?
        for subscription in subscriptions where subscription.wants(eventType) {
            let body = encoded ?? makeBody()
            encoded = body
            let delivery = WebhookDelivery(
                id: UUID().uuidString.lowercased(), tenant: tenant, subscriptionID: subscription.id,
                eventType: eventType, body: body, createdAt: at, updatedAt: at)
            try await transaction.insertDelivery(delivery)
            try await transaction.enqueue(NewJob(
                tenant: tenant, kind: .webhook, invoiceID: invoiceID,
                payloadJSON: #"{"deliveryID":"\#(delivery.id)"}"#, runAt: at))
        }
    }
}
