import Foundation
import Hummingbird
import NIOCore

/// An error of the token endpoint in the shape of RFC 6749 §5.2: `{"error": "...", "error_description": "..."}`.
struct OAuthError: Error, HTTPResponseError, Sendable {
    enum Code: String, Sendable {
        case invalidRequest = "invalid_request"
        case invalidClient = "invalid_client"
        case invalidGrant = "invalid_grant"
        case unauthorizedClient = "unauthorized_client"
        case unsupportedGrantType = "unsupported_grant_type"
        case invalidScope = "invalid_scope"
    }

    var code: Code
    var description: String
    /// Set when the client authenticated with HTTP Basic: the 401 then names that scheme (§5.2).
    var basicChallenge = false

    var status: HTTPResponse.Status {
        code == .invalidClient ? .unauthorized : .badRequest
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try JSONEncoder().encode(["error": code.rawValue, "error_description": description])
        var headers: HTTPFields = [.contentType: "application/json", .cacheControl: "no-store", .pragma: "no-cache"]
        if code == .invalidClient {
            headers[.wwwAuthenticate] = basicChallenge ? #"Basic realm="passerelle""# : #"Bearer realm="passerelle""#
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
