import Foundation
import Gateway
import Hummingbird
import NIOCore

/// `POST /oauth/token`: the OAuth2 client-credentials grant (RFC 6749 §4.4). The client id is an API key id and the
/// client secret is that key's secret, sent as form fields or HTTP Basic. The answer is a short-lived JWT access
/// token, optionally narrowed to some of the key's scopes.
struct OAuthTokenRoute: Sendable {
    static let path = "/oauth/token"

    struct Answer: Encodable {
        var access_token: String
        var token_type = "Bearer"
        var expires_in: Int
        var scope: String
    }

    let cache: CredentialCache
    let tokens: AccessTokens
    let audit: AuthAuditLog
    let metrics: PasserelleMetrics

    func register(on router: Router<PasserelleRequestContext>) {
        router.post(RouterPath(stringLiteral: Self.path)) { request, context in
            try await self.handle(request, context: context)
        }
    }

    func handle(_ request: Request, context: PasserelleRequestContext) async throws -> Response {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            throw OAuthError(code: .invalidRequest,
                             description: "send the parameters as application/x-www-form-urlencoded")
        }
        let body = try await request.body.collect(upTo: 16 * 1024)
        let fields: [String: String]
        do {
            fields = try FormBody.fields(of: String(buffer: body))
        } catch .repeated(let name) {
            throw OAuthError(code: .invalidRequest, description: "the parameter \(name) is sent more than once")
        } catch {
            throw OAuthError(code: .invalidRequest, description: "the form body is malformed")
        }
        guard let grantType = fields["grant_type"] else {
            throw OAuthError(code: .invalidRequest, description: "grant_type is missing")
        }
        guard grantType == "client_credentials" else {
            throw OAuthError(code: .unsupportedGrantType, description: "only client_credentials is supported")
        }
        let credentials = try Self.clientCredentials(fields: fields, authorization: request.headers[.authorization])
        let record = try await client(credentials, request: request)
        let scopes = try Self.grantedScopes(requested: fields["scope"], held: record.scopes)
        let issued = try await tokens.issue(keyID: record.id, tenant: record.tenant, scopes: scopes)
        await audit.tokenIssued(keyID: record.id, tenant: record.tenant, scopes: issued.claims.scopes,
                                tokenID: issued.claims.id.value, requestID: request.requestID)
        let answer = Answer(access_token: issued.token, expires_in: issued.expiresInSeconds,
                            scope: issued.claims.scopes.joined(separator: " "))
        let data = try JSONEncoder().encode(answer)
        return Response(
            status: .ok,
            headers: [.contentType: "application/json", .cacheControl: "no-store", .pragma: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct ClientCredentials {
        var id: String
        var secret: String
        var viaBasic: Bool
    }

    /// From HTTP Basic or from the form, not both (RFC 6749 §2.3).
    static func clientCredentials(fields: [String: String], authorization: String?) throws -> ClientCredentials {
        if let authorization, authorization.lowercased().hasPrefix("basic ") {
            guard fields["client_secret"] == nil else {
                throw OAuthError(code: .invalidRequest, description: "use HTTP Basic or client_secret, not both")
            }
            let encoded = authorization.dropFirst("basic ".count).trimmingCharacters(in: .whitespaces)
            guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8),
                let colon = text.firstIndex(of: ":")
            else {
                throw OAuthError(code: .invalidClient, description: "the Basic credentials are malformed",
                                 basicChallenge: true)
            }
            // RFC 6749 §2.3.1: both parts are form-urlencoded before Basic encoding.
            let id = String(text[..<colon]).removingPercentEncoding ?? ""
            let secret = String(text[text.index(after: colon)...]).removingPercentEncoding ?? ""
            return ClientCredentials(id: id, secret: secret, viaBasic: true)
        }
        guard let id = fields["client_id"], let secret = fields["client_secret"], !id.isEmpty, !secret.isEmpty else {
            throw OAuthError(code: .invalidClient,
                             description: "client_id and client_secret (an API key id and its secret) are required")
        }
        return ClientCredentials(id: id, secret: secret, viaBasic: false)
    }

    /// The key the credentials name, when the secret is its secret and it is not revoked.
    func client(_ credentials: ClientCredentials, request: Request) async throws -> APIKeyRecord {
        let refused = OAuthError(code: .invalidClient, description: "the client credentials are not valid",
                                 basicChallenge: credentials.viaBasic)
        guard let record = try await cache.key(secretSHA256: APIKeys.lookupHash(of: credentials.secret)) else {
            metrics.authFailure(Authenticator.Failure.unknownKey.rawValue)
            await audit.refused(Authenticator.Refusal(failure: .unknownKey), requestID: request.requestID)
            throw refused
        }
        guard record.id == credentials.id else {
            metrics.authFailure(Authenticator.Failure.unknownKey.rawValue)
            await audit.refused(Authenticator.Refusal(failure: .unknownKey, tenant: record.tenant, keyID: record.id),
                                requestID: request.requestID)
            throw refused
        }
        guard !record.isRevoked else {
            metrics.authFailure(Authenticator.Failure.revokedKey.rawValue)
            await audit.refused(Authenticator.Refusal(failure: .revokedKey, tenant: record.tenant, keyID: record.id),
                                requestID: request.requestID)
            throw refused
        }
        return record
    }

    /// The scopes asked for (space separated), each held by the key (`admin` holds them all); none asked: the key's.
    static func grantedScopes(requested: String?, held: Set<Scope>) throws -> Set<Scope> {
        guard let requested, !requested.trimmingCharacters(in: .whitespaces).isEmpty else { return held }
        var granted: Set<Scope> = []
        for name in requested.split(separator: " ", omittingEmptySubsequences: true) {
            guard let scope = Scope(rawValue: String(name)) else {
                throw OAuthError(code: .invalidScope, description: "\(name) is not a scope")
            }
            guard held.contains(scope) || held.contains(.admin) else {
                throw OAuthError(code: .invalidScope, description: "the key does not hold the scope \(name)")
            }
            granted.insert(scope)
        }
        return granted
    }
}
