import Gateway
import Hummingbird

/// `GET|PUT /v1/settings`: the tenant's catalogue policy, French rules and dry-run flags. A `PUT` must name the
/// settings it replaces (`If-Match` with the ETag of a `GET`): without it 428, with a stale one 412.
enum SettingsRoutes {
    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.get("/v1/settings") { request, context in
            let principal = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            let settings = try await services.store.transaction { transaction in
                try await transaction.tenant(principal.tenant)?.settings ?? TenantSettings()
            }
            return try APIResponse.json(SettingsDTO(settings), headers: [.eTag: try etag(settings)])
        }
        api.put("/v1/settings") { request, context in
            let principal = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            guard let ifMatch = request.headers[.ifMatch] else {
                throw ProblemError(.preconditionRequired, title: "If-Match required",
                                   detail: "Send the ETag of GET /v1/settings as If-Match, so that another admin's change is not overwritten.",
                                   type: "https://passerelle.dev/problems/precondition-required")
            }
            let body = try await APIBody.json(SettingsDTO.self, request, context: context)
            let audit = AuditTrail(store: services.store, clock: services.clock)
            let settings = body.settings
            try await services.store.transaction { transaction in
                let current = try await transaction.tenant(principal.tenant)?.settings ?? TenantSettings()
                let tag = try etag(current)
                guard ifMatch.trimmingCharacters(in: .whitespaces) == "*" || ETag.matches(ifMatch, tag) else {
                    throw ProblemError(.preconditionFailed, title: "Stale write",
                                       detail: "The settings changed since they were read (ETag \(tag)); read them again.",
                                       type: "https://passerelle.dev/problems/stale")
                }
                try await transaction.updateTenantSettings(principal.tenant, settings: settings)
                try await audit.append("settings.update", target: principal.tenant.rawValue, by: principal,
                                       context: context, in: transaction)
            }
            return try APIResponse.json(SettingsDTO(settings), headers: [.eTag: try etag(settings)])
        }
    }

    /// A hash of the settings' JSON: settings have no version number of their own.
    static func etag(_ settings: TenantSettings) throws -> String {
        ETag.of(hash: String(Hashing.sha256Hex(try APIJSON.encode(SettingsDTO(settings))).prefix(16)))
    }
}
