import Foundation
import Gateway
import Hummingbird

/// Reads `Authorization: Bearer <token>` and sets `context.identity`. No header: the request goes on anonymous, and
/// routes that need a caller answer 401 through `context.require(_:)`. A token that is refused: 401 here, with the
/// reason (unknown key, revoked key, invalid or expired token) in the problem and in the audit log.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = PasserelleRequestContext

    let authenticator: Authenticator
    let audit: AuthAuditLog
    let metrics: PasserelleMetrics

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response
    {
        guard let header = request.headers[.authorization] else {
            return try await next(request, context)
        }
        guard let token = Self.bearerToken(header) else {
            // The token endpoint takes client credentials as HTTP Basic (RFC 6749 §2.3.1).
            if request.uri.path == OAuthTokenRoute.path { return try await next(request, context) }
            throw Self.unauthorized("Send the API key or access token as `Authorization: Bearer <token>`.",
                                    error: "invalid_request")
        }
        let principal: Principal
        do {
            principal = try await authenticator.authenticate(bearer: token)
        } catch let refusal as Authenticator.Refusal {
            metrics.authFailure(refusal.failure.rawValue)
            await audit.refused(refusal, requestID: request.requestID)
            throw Self.unauthorized(Self.explanation(refusal.failure), error: "invalid_token")
        }
        var context = context
        context.identity = principal
        context.logger[metadataKey: "tenant"] = .string(principal.tenant.rawValue)
        context.logger[metadataKey: "actor"] = .string(principal.actor)
        return try await next(request, context)
    }

    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    static func explanation(_ failure: Authenticator.Failure) -> String {
        switch failure {
        case .unknownKey: "The API key is not known."
        case .revokedKey: "The API key was revoked."
        case .invalidToken: "The access token is not valid."
        case .expiredToken: "The access token has expired; ask POST /oauth/token for a new one."
        }
    }

    static func unauthorized(_ detail: String, error: String) -> ProblemError {
        ProblemError(.unauthorized, title: "Authentication failed", detail: detail,
                     headers: [.wwwAuthenticate: #"Bearer realm="passerelle", error="\#(error)""#])
    }
}
