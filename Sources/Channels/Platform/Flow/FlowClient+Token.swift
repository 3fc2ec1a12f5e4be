import AsyncHTTPClient
import Foundation
import NIOCore

extension FlowClient {
    /// `POST tokenURL` with `grant_type=client_credentials`, the client authenticated by HTTP Basic (RFC 6749 §2.3.1,
    /// §4.4). The answer's `expires_in` (seconds) sets how long the token is kept; without one, five minutes.
    static func fetchToken(configuration: FlowClientConfiguration, http: HTTPClient) async throws(FlowClientError)
        -> (value: String, lifetime: TimeInterval)
    {
        let operation = "POST token"
        var request = HTTPClientRequest(url: configuration.tokenURL)
        request.method = .POST
        let credentials = formEncode(configuration.clientID) + ":" + formEncode(configuration.clientSecret)
        request.headers.add(name: "Authorization", value: "Basic " + Data(credentials.utf8).base64EncodedString())
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: "grant_type=client_credentials"))
        let answer = try await execute(request, http: http, configuration: configuration, operation: operation)
        guard answer.status == 200 else {
            throw FlowClientError.answer(status: answer.status, body: answer.body, operation: operation,
                                         authentication: true)
        }
        struct TokenAnswer: Decodable {
            var access_token: String
            var token_type: String?
            var expires_in: Double?
        }
        let token = try decode(TokenAnswer.self, answer, operation: operation)
        if let type = token.token_type, type.lowercased() != "bearer" {
            throw FlowClientError(.invalidAnswer, operation: operation,
                                  errorMessage: "token_type \"\(type)\": only Bearer tokens are supported")
        }
        return (token.access_token, max(0, token.expires_in ?? 300))
    }

    /// `application/x-www-form-urlencoded` encoding of a client id or secret (RFC 6749 §2.3.1, Appendix B).
    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text)
    }
}
