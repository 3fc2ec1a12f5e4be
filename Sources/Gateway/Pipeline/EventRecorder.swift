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
        let subscriptions = try await transaction.subscriptions(tenant: record.tenant)
        for subscription in subscriptions where subscription.wants(event.type) {
            let delivery = WebhookDelivery(
                id: UUID().uuidString.lowercased(), tenant: record.tenant, subscriptionID: subscription.id,
                eventType: event.type, body: WebhookBody.make(event: stored, record: record),
                createdAt: event.occurredAt, updatedAt: event.occurredAt)
            try await transaction.insertDelivery(delivery)
            try await transaction.enqueue(NewJob(
                tenant: record.tenant, kind: .webhook, invoiceID: record.id,
                payloadJSON: #"{"deliveryID":"\#(delivery.id)"}"#, runAt: event.occurredAt))
        }
    }
}
