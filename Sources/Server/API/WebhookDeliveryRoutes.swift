import Foundation
import Gateway
import Hummingbird

/// `GET /v1/webhook-deliveries?state=dead-lettered` and `POST /v1/webhook-deliveries/{id}/replay`.
enum WebhookDeliveryRoutes {
    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.get("/v1/webhook-deliveries") { request, context in
            let principal = try context.require(.admin)
            let query = try QueryParameters(request, allowed: ["state", "limit"])
            let state = try query.choice("state", as: WebhookDeliveryState.self)
            let limit = try query.limit(default: 100, maximum: 500)
            let deliveries = try await services.store.transaction { transaction in
                try await transaction.deliveries(tenant: principal.tenant, state: state, limit: limit)
            }
            return try APIResponse.json(ListDTO(items: deliveries.map(WebhookDeliveryDTO.init)))
        }
        api.post("/v1/webhook-deliveries/:id/replay") { request, context in
            let principal = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            let id = try context.pathParameter("id")
            let delivery = try await replay(id, principal: principal, context: context, services: services)
            return try APIResponse.json(WebhookDeliveryDTO(delivery))
        }
    }

    /// Replays the parked job of a dead-lettered delivery, which sets the delivery pending again.
    static func replay(_ id: String, principal: Principal, context: PasserelleRequestContext,
                       services: GatewayServices) async throws -> WebhookDelivery
    {
        let (delivery, job) = try await services.store.transaction { transaction -> (WebhookDelivery?, Job?) in
            guard let delivery = try await transaction.delivery(id: id, tenant: principal.tenant) else {
                return (nil, nil)
            }
            return (delivery, try await Self.deliveryJob(of: delivery, in: transaction))
        }
        guard let delivery else {
            throw ProblemError(.notFound, title: "Delivery not found", detail: "No webhook delivery \(id) in this tenant.")
        }
        guard delivery.state == .deadLettered else {
            throw ProblemError(.conflict, title: "Delivery not dead-lettered",
                               detail: "Only a dead-lettered delivery can be replayed; this one is \(delivery.state.rawValue).")
        }
        guard let job else {
            throw ProblemError(.conflict, title: "Delivery job not found",
                               detail: "The job that delivers \(id) is gone; the delivery cannot be replayed.")
        }
        _ = try await services.pipelineAdmin.replay(job.id, tenant: principal.tenant, actor: principal.actor,
                                                    requestID: context.requestID)
        let replayed = try await services.store.transaction { transaction in
            try await transaction.delivery(id: id, tenant: principal.tenant)
        }
        return replayed ?? delivery
    }

    /// The webhook job carrying this delivery: among the jobs of the delivery's invoice (named in its body).
    static func deliveryJob(of delivery: WebhookDelivery, in transaction: any StoreTransaction) async throws -> Job? {
        struct Body: Decodable { var invoiceID: String }
        struct Payload: Decodable { var deliveryID: String }
        guard let body = try? JSONDecoder().decode(Body.self, from: Data(delivery.body)) else { return nil }
        let jobs = try await transaction.jobs(invoice: InvoiceID(body.invoiceID), tenant: delivery.tenant)
        return jobs.last { job in
            guard job.kind == .webhook, let json = job.payloadJSON,
                let payload = try? JSONDecoder().decode(Payload.self, from: Data(json.utf8))
            else { return false }
            return payload.deliveryID == delivery.id
        }
    }
}
