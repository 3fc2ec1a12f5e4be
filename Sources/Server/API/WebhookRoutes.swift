import Foundation
import Gateway
import Hummingbird

/// `POST|GET /v1/webhooks` and `DELETE /v1/webhooks/{id}`: the ERP endpoints that hear about invoice events.
enum WebhookRoutes {
    /// The event types a subscription may name, besides `*`.
    static let eventTypes: Set<String> = [
        "invoice.received", "invoice.checked", "invoice.rejected", "invoice.rendered", "invoice.archived",
        "invoice.held", "invoice.submitted", "job.parked", "job.replayed",
    ]

    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.post("/v1/webhooks") { request, context in
            let principal = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            let body = try await APIBody.json(WebhookCreateRequest.self, request, context: context)
            try validate(body)
            let subscription = WebhookSubscription(
                id: "wh_" + APIKeys.randomToken(bytes: 9), tenant: principal.tenant, url: body.url,
                eventTypes: Set(body.eventTypes), secret: "whsec_" + APIKeys.randomToken(bytes: 32),
                createdAt: services.clock.now())
            let audit = AuditTrail(store: services.store, clock: services.clock)
            try await services.store.transaction { transaction in
                try await transaction.insertSubscription(subscription)
                try await audit.append("webhook.create", target: subscription.id, by: principal, context: context,
                                       in: transaction)
            }
            return try APIResponse.json(WebhookDTO(subscription, showSecret: true), status: .created,
                                        headers: [.location: "/v1/webhooks/\(subscription.id)"])
        }
        api.get("/v1/webhooks") { request, context in
            let principal = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            let subscriptions = try await services.store.transaction { transaction in
                try await transaction.subscriptions(tenant: principal.tenant)
            }
            return try APIResponse.json(ListDTO(items: subscriptions.map { WebhookDTO($0) }))
        }
        api.delete("/v1/webhooks/:id") { request, context in
            let principal = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            let id = try context.pathParameter("id")
            let audit = AuditTrail(store: services.store, clock: services.clock)
            let deleted = try await services.store.transaction { transaction in
                let active = try await transaction.subscriptions(tenant: principal.tenant)
                    .contains { $0.id == id && $0.active }
                guard active, try await transaction.deleteSubscription(id: id, tenant: principal.tenant) else {
                    return false
                }
                try await audit.append("webhook.delete", target: id, by: principal, context: context, in: transaction)
                return true
            }
            guard deleted else {
                throw ProblemError(.notFound, title: "Webhook not found", detail: "No webhook \(id) in this tenant.")
            }
            return APIResponse.noContent()
        }
    }

    static func validate(_ body: WebhookCreateRequest) throws {
        var problems: [FieldProblem] = []
        let url = URL(string: body.url)
        if body.url.count > 2_048 || url == nil || !["http", "https"].contains(url?.scheme?.lowercased() ?? "")
            || (url?.host ?? "").isEmpty
        {
            problems.append(FieldProblem(field: "url", message: "expected an absolute http or https URL"))
        }
        if body.eventTypes.isEmpty {
            problems.append(FieldProblem(field: "eventTypes", message: "name at least one event type, or \"*\""))
        }
        for (index, type) in body.eventTypes.enumerated() where type != "*" && !eventTypes.contains(type) {
            problems.append(FieldProblem(
                field: "eventTypes[\(index)]",
                message: "unknown event type \"\(type)\"; known: *, \(eventTypes.sorted().joined(separator: ", "))"))
        }
        guard problems.isEmpty else { throw APIBody.invalid(problems) }
    }
}
