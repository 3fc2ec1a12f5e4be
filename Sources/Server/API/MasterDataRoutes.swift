import Foundation
import Gateway
import Hummingbird

/// Customers, products and price lists: `PUT|GET|DELETE /v1/{resource}/{code}`, `GET /v1/{resource}` and
/// `POST /v1/{resource}:bulk`. Every item is versioned: its version is the `ETag`, and `If-Match` refuses a stale
/// write with 412.
enum MasterDataRoutes<DTO: MasterDataDTO> {
    static var base: String { "/v1/\(DTO.resource)" }
    static var kind: String { DTO.Item.kind.rawValue }

    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.put(RouterPath("\(base)/:code")) { request, context in
            try await put(request, context: context, services: services)
        }
        api.get(RouterPath("\(base)/:code")) { request, context in
            let principal = try context.require(.masterDataRead)
            _ = try QueryParameters(request, allowed: [])
            let code = try context.pathParameter("code")
            guard let found = try await services.masterData.get(DTO.Item.self, code: code, tenant: principal.tenant)
            else { throw MasterDataError.notFound(kind: DTO.Item.kind, code: code) }
            let (item, version) = found
            let tag = ETag.of(version: version)
            if ETag.matches(request.headers[.ifNoneMatch], tag) {
                return Response(status: .notModified, headers: [.eTag: tag])
            }
            return try APIResponse.json(DTO(item, version: version), headers: [.eTag: tag])
        }
        api.get(RouterPath(base)) { request, context in
            let principal = try context.require(.masterDataRead)
            let query = try QueryParameters(request, allowed: ["limit", "cursor"])
            let limit = try query.limit()
            let after = try query.string("cursor").map { try PageCursor.read($0, as: CodeCursor.self).code }
            let items = try await services.masterData.list(DTO.Item.self, tenant: principal.tenant, after: after,
                                                           limit: limit + 1)
            let page = Array(items.prefix(limit))
            let next = items.count > limit ? page.last.flatMap { PageCursor.make(CodeCursor(code: $0.0.code)) } : nil
            return try APIResponse.json(PageDTO(items: page.map { DTO($0.0, version: $0.1) }, next: next))
        }
        api.delete(RouterPath("\(base)/:code")) { request, context in
            let principal = try context.require(.masterDataWrite)
            _ = try QueryParameters(request, allowed: [])
            let code = try context.pathParameter("code")
            let expected: Int?
            switch try VersionCondition(request) {
            case .none, .exists: expected = nil
            case .version(let version): expected = version
            case .absent:
                throw ProblemError(.badRequest, title: "Unsupported precondition",
                                   detail: "DELETE takes If-Match, not If-None-Match.")
            }
            let (item, version) = try await services.masterData.deactivate(
                DTO.Item.self, code: code, tenant: principal.tenant, expectedVersion: expected)
            await audit(services).record("\(kind).deactivate", target: code, by: principal, context: context)
            return try APIResponse.json(DTO(item, version: version), headers: [.eTag: ETag.of(version: version)])
        }
        MasterDataBulkRoute<DTO>.register(on: api, services: services)
    }

    /// Creates (201) or replaces (200) one item. The body's `code`, when given, must be the path's.
    static func put(_ request: Request, context: PasserelleRequestContext, services: GatewayServices)
        async throws -> Response
    {
        let principal = try context.require(.masterDataWrite)
        _ = try QueryParameters(request, allowed: [])
        let code = try context.pathParameter("code")
        let body = try await APIBody.json(DTO.self, request, context: context)
        if let bodyCode = body.code, bodyCode != code {
            throw APIBody.invalid([FieldProblem(
                field: "code", message: "the body's code \"\(bodyCode)\" differs from the path's \"\(code)\"")])
        }
        let item = try readItem(body, code: code)
        let expected: Int?
        switch try VersionCondition(request) {
        case .none: expected = body.expectedVersion
        case .version(let version): expected = version
        case .absent: expected = 0
        case .exists:
            guard let current = try await services.masterData.get(DTO.Item.self, code: code, tenant: principal.tenant)
            else { throw APIErrorMapping.stale(currentVersion: 0) }
            expected = current.1
        }
        let result = try await services.masterData.upsert(item, tenant: principal.tenant, expectedVersion: expected)
        switch result {
        case .written(let item, let version):
            await audit(services).record("\(kind).upsert", target: code, outcome: "version \(version)", by: principal,
                                         context: context)
            var headers: HTTPFields = [.eTag: ETag.of(version: version)]
            if version == 1 { headers[.location] = "\(base)/\(percentEncoded(code))" }
            return try APIResponse.json(DTO(item, version: version), status: version == 1 ? .created : .ok,
                                        headers: headers)
        case .invalid(let problems):
            throw APIBody.invalid(problems.map(\.fieldProblem))
        case .stale(let current):
            throw APIErrorMapping.stale(currentVersion: current)
        }
    }

    /// The item of a body, or 422 with the fields that cannot be read.
    static func readItem(_ body: DTO, code: String) throws -> DTO.Item {
        do {
            return try body.item(code: code)
        } catch {
            throw APIBody.invalid(error.problems)
        }
    }

    static func audit(_ services: GatewayServices) -> AuditTrail {
        AuditTrail(store: services.store, clock: services.clock)
    }

    static func percentEncoded(_ code: String) -> String {
        code.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/")))
            ?? code
    }
}
