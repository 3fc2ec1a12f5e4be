import Foundation

/// Delivers one webhook: POSTs the stored body, signed, to the subscription's URL. A 2xx marks it delivered; anything
/// else is retried with backoff and dead-lettered when the attempts run out.
struct WebhookStep: PipelineStep {
    struct Payload: Decodable { var deliveryID: String }

    func run(_ job: Job, context: PipelineContext) async throws {
        let deliveryID = try Self.deliveryID(of: job)
        let (delivery, subscription) = try await context.store.read { transaction in
            let delivery = try await transaction.delivery(id: deliveryID, tenant: job.tenant)
            let subscription = try await transaction.subscriptions(tenant: job.tenant)
                .first { $0.id == delivery?.subscriptionID }
            return (delivery, subscription)
        }
        guard let delivery else { throw StepFailure(permanent: true, "webhook delivery \(deliveryID) does not exist") }
        guard delivery.state == .pending, let subscription, subscription.active else {
            try await context.store.transaction { transaction in try await transaction.complete(job, context: context) }
            return
        }
        let epoch = Int64(context.clock.now().timeIntervalSince1970)
        let headers = [
            ("Content-Type", "application/json"),
            (WebhookSignature.signatureHeader,
             WebhookSignature.sign(body: delivery.body, epochSeconds: epoch, secret: subscription.secret)),
            (WebhookSignature.timestampHeader, String(epoch)),
            (WebhookSignature.deliveryHeader, delivery.id),
            (WebhookSignature.eventHeader, delivery.eventType),
        ]
        var updated = delivery
        updated.attempts += 1
        updated.updatedAt = context.clock.now()
        let status: Int
        do {
            status = try await context.webhooks.post(url: subscription.url, headers: headers, body: delivery.body)
        } catch {
            updated.lastError = "\(error)"
            let failed = updated
            try await context.store.transaction { transaction in try await transaction.updateDelivery(failed) }
            throw StepFailure(permanent: false, "POST \(subscription.url) failed: \(error)")
        }
        updated.lastStatusCode = status
        guard (200..<300).contains(status) else {
            updated.lastError = "HTTP \(status)"
            let refused = updated
            try await context.store.transaction { transaction in try await transaction.updateDelivery(refused) }
            throw StepFailure(permanent: false, "POST \(subscription.url) answered HTTP \(status)")
        }
        updated.state = .delivered
        updated.lastError = nil
        let delivered = updated
        try await context.store.transaction { transaction in
            try await transaction.updateDelivery(delivered)
            try await transaction.complete(job, context: context)
        }
    }

    func parked(_ job: Job, reason: String, context: PipelineContext, in transaction: any StoreTransaction)
        async throws
    {
        guard let deliveryID = try? Self.deliveryID(of: job),
            var delivery = try await transaction.delivery(id: deliveryID, tenant: job.tenant)
        else { return }
        delivery.state = .deadLettered
        delivery.lastError = reason
        delivery.updatedAt = context.clock.now()
        try await transaction.updateDelivery(delivery)
    }

    static func deliveryID(of job: Job) throws -> String {
        guard let json = job.payloadJSON,
            let payload = try? JSONDecoder().decode(Payload.self, from: Data(json.utf8))
        else { throw StepFailure(permanent: true, "the webhook job has no delivery id") }
        return payload.deliveryID
    }
}
