import Gateway
import Hummingbird

/// `GET /v1/audit`: who did what, oldest first, paged.
enum AuditRoutes {
    struct Position: Codable { var after: Int64 }

    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.get("/v1/audit") { request, context in
            let principal = try context.require(.admin)
            let query = try QueryParameters(request, allowed: ["cursor", "limit"])
            let limit = try query.limit(default: 100, maximum: 500)
            let after = try query.string("cursor").map { try PageCursor.read($0, as: Position.self).after } ?? 0
            let entries = try await services.store.transaction { transaction in
                try await transaction.auditEntries(tenant: principal.tenant, after: after, limit: limit + 1)
            }
            let page = Array(entries.prefix(limit))
            let next = entries.count > limit ? page.last?.sequence.flatMap { PageCursor.make(Position(after: $0)) } : nil
            return try APIResponse.json(PageDTO(items: page.map(AuditEntryDTO.init), next: next))
        }
    }
}
