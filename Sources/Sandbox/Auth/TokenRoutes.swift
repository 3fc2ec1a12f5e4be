import Foundation
import Hummingbird
import NIOCore

/// `POST /auth-service/token` (and `/auth-service/{custId}/token`, the spec's tokenUrl shape): the OAuth2 client
/// credentials grant (RFC 6749 §4.4), the client authenticated by HTTP Basic or by `client_id`/`client_secret` in
/// the form body. Errors are RFC 6749 §5.2 bodies.
struct TokenRoutes {
    let issuer: TokenIssuer

    struct TokenAnswer: Codable {
        var access_token: String
        var token_type = "Bearer"
        var expires_in: Int
    }

    struct OAuthError: Codable {
        var error: String
        var error_description: String
    }

    func register(on router: Router<SandboxContext>) {
        router.post("/auth-service/token") { request, _ in try await token(request) }
        router.post("/auth-service/{custId}/token") { request, _ in try await token(request) }
        // PISTE's token endpoint, for the Chorus Pro stand-in (same clients, same tokens).
        router.post("/api/oauth/token") { request, _ in try await token(request) }
    }

    private func failure(_ status: HTTPResponse.Status, _ error: String, _ description: String) -> Response {
        var response = JSONResponse.make(OAuthError(error: error, error_description: description), status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Basic realm=\"sandbox\"" }
        return response
    }

    private func token(_ request: Request) async throws -> Response {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        let fields = Self.form(String(decoding: buffer.readableBytesView, as: UTF8.self))
        guard let grant = fields["grant_type"] else {
            return failure(.badRequest, "invalid_request", "grant_type is required")
        }
        guard grant == "client_credentials" else {
            return failure(.badRequest, "unsupported_grant_type", "only client_credentials is supported")
        }
        var clientId = fields["client_id"]
        var secret = fields["client_secret"]
        if let basic = request.headers[.authorization], basic.lowercased().hasPrefix("basic "),
           let decoded = Data(base64Encoded: String(basic.dropFirst(6)).trimmingCharacters(in: .whitespaces)) {
            let pair = String(decoding: decoded, as: UTF8.self).split(separator: ":", maxSplits: 1,
                                                                       omittingEmptySubsequences: false)
            if pair.count == 2 {
                clientId = String(pair[0]).removingPercentEncoding ?? String(pair[0])
                secret = String(pair[1]).removingPercentEncoding ?? String(pair[1])
            }
        }
        guard let clientId, let secret else {
            return failure(.unauthorized, "invalid_client", "client_id and client_secret are required")
        }
        guard issuer.authenticates(clientId: clientId, secret: secret) else {
            return failure(.unauthorized, "invalid_client", "unknown client or wrong secret")
        }
        let token = try await issuer.issue(clientId: clientId)
        var response = JSONResponse.make(TokenAnswer(access_token: token, expires_in: issuer.lifetimeSeconds))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// `application/x-www-form-urlencoded` fields; the first of a repeated name wins.
    static func form(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            let value = parts.count == 2
                ? String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" : ""
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }
}

/// Requires a valid bearer token on every route but the token endpoint; answers 401 with the spec's error body.
struct BearerMiddleware: RouterMiddleware {
    typealias Context = SandboxContext
    let issuer: TokenIssuer

    func handle(_ request: Request, context: SandboxContext,
                next: (Request, SandboxContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard !path.hasPrefix("/auth-service/") && path != "/api/oauth/token" else {
            return try await next(request, context)
        }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            return APIError.unauthorized("MISSING_TOKEN", "an Authorization: Bearer token is required").response()
        }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        var context = context
        do {
            context.clientID = try await issuer.verify(token)
        } catch .expired {
            return APIError.unauthorized("TOKEN_EXPIRED", "the bearer token has expired").response()
        } catch {
            return APIError.unauthorized("INVALID_TOKEN", "the bearer token is not valid").response()
        }
        return try await next(request, context)
    }
}
