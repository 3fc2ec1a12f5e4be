import Gateway
import Hummingbird
import Server

/// TEMPORARY stand-in for the runtime's authentication middleware (Sources/Server/Runtime, branch `runtime`): looks
/// the bearer API key up by its hash and sets the caller. Replaced by the real middleware once it merges.
struct TestAuthMiddleware: RouterMiddleware {
    typealias Context = PasserelleRequestContext
    var store: any GatewayStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let secret = String(header.dropFirst("Bearer ".count))
            let record = try await store.transaction { transaction in
                try await transaction.apiKey(secretSHA256: APIKeys.lookupHash(of: secret))
            }
            guard let record, !record.isRevoked else {
                throw ProblemError(.unauthorized, title: "Invalid API key", detail: "The key is unknown or revoked.")
            }
            context.identity = Principal(tenant: record.tenant, actor: record.id, scopes: record.scopes)
        }
        return try await next(request, context)
    }
}
