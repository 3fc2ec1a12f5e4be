import Gateway
import Hummingbird

/// `POST|GET /v1/api-keys` and `DELETE /v1/api-keys/{id}`: the tenant's keys. A new key's secret is in the answer
/// that creates it and nowhere else.
enum APIKeyRoutes {
    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.post("/v1/api-keys") { request, context in
            let principal = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            let body = try await APIBody.json(APIKeyCreateRequest.self, request, context: context)
            let scopes = try validate(body)
            let made = APIKeys.make(tenant: principal.tenant, name: body.name, scopes: scopes, now: services.clock.now())
            let secret = made.secret
            var record = made.record
            record.rateLimitPerSecond = body.rateLimitPerSecond
            let stored = record
            let audit = AuditTrail(store: services.store, clock: services.clock)
            try await services.store.transaction { transaction in
                try await transaction.insertAPIKey(stored)
                try await audit.append("apikey.create", target: stored.id, by: principal, context: context,
                                       in: transaction)
            }
            return try APIResponse.json(APIKeyDTO(stored, secret: secret), status: .created,
                                        headers: [.location: "/v1/api-keys/\(stored.id)"])
        }
        api.get("/v1/api-keys") { request, context in
            let principal = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            let keys = try await services.store.transaction { transaction in
                try await transaction.apiKeys(tenant: principal.tenant)
            }
            return try APIResponse.json(ListDTO(items: keys.map { APIKeyDTO($0) }))
        }
        api.delete("/v1/api-keys/:id") { request, context in
            let principal = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            let id = try context.pathParameter("id")
            let now = services.clock.now()
            let audit = AuditTrail(store: services.store, clock: services.clock)
            let revoked = try await services.store.transaction { transaction in
                guard try await transaction.revokeAPIKey(id: id, tenant: principal.tenant, at: now) else { return false }
                try await audit.append("apikey.revoke", target: id, by: principal, context: context, in: transaction)
                return true
            }
            guard revoked else {
                throw ProblemError(.notFound, title: "API key not found", detail: "No API key \(id) in this tenant.")
            }
            return APIResponse.noContent()
        }
    }

    static func validate(_ body: APIKeyCreateRequest) throws -> Set<Scope> {
        var problems: [FieldProblem] = []
        let name = body.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 100 {
            problems.append(FieldProblem(field: "name", message: "a name of 1 to 100 characters, e.g. \"SAP production\""))
        }
        if body.scopes.isEmpty { problems.append(FieldProblem(field: "scopes", message: "name at least one scope")) }
        var scopes = Set<Scope>()
        for (index, text) in body.scopes.enumerated() {
            if let scope = Scope(rawValue: text) {
                scopes.insert(scope)
            } else {
                let known = Scope.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append(FieldProblem(field: "scopes[\(index)]", message: "unknown scope \"\(text)\"; known: \(known)"))
            }
        }
        if let limit = body.rateLimitPerSecond, !(1...100_000).contains(limit) {
            problems.append(FieldProblem(field: "rateLimitPerSecond", message: "from 1 to 100000 requests a second"))
        }
        guard problems.isEmpty else { throw APIBody.invalid(problems) }
        return scopes
    }
}
