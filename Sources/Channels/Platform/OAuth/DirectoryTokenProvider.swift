import AsyncHTTPClient
import Foundation
import NIOCore

/// The OAuth2 client-credentials access token (RFC 6749 §4.4) of the Directory client: fetched once, reused until
/// shortly before it expires, forgotten when the service refuses it. Concurrent callers share one fetch.
///
/// The Flow client has its own; the two are meant to become one at merge.
actor DirectoryTokenProvider {
    private struct Token {
        var value: String
        var expiresAt: Date
    }

    private struct Answer: Decodable {
        var access_token: String
        var expires_in: Double?
    }

    private let http: HTTPClient
    private let tokenURL: String
    private let clientID: String
    private let clientSecret: String
    private let margin: TimeInterval
    private let timeout: TimeAmount
    private var current: Token?
    private var inFlight: Task<Token, any Error>?

    init(http: HTTPClient, tokenURL: String, clientID: String, clientSecret: String, margin: TimeInterval = 60,
         timeout: TimeAmount = .seconds(30)) {
        self.http = http
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.margin = margin
        self.timeout = timeout
    }

    /// A token valid for at least the margin, as far as we know.
    func token() async throws -> String {
        if let current, Date() < current.expiresAt.addingTimeInterval(-margin) { return current.value }
        if let inFlight { return try await inFlight.value.value }
        let task = Task { try await self.fetch() }
        inFlight = task
        defer { inFlight = nil }
        let token = try await task.value
        current = token
        return token.value
    }

    /// The service refused this token (401): forget it, unless a newer one already replaced it.
    func reject(_ value: String) {
        if current?.value == value { current = nil }
    }

    private func fetch() async throws -> Token {
        var request = HTTPClientRequest(url: tokenURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        let form = "grant_type=client_credentials&client_id=\(Self.formEncoded(clientID))"
            + "&client_secret=\(Self.formEncoded(clientSecret))"
        request.body = .bytes(ByteBuffer(string: form))
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await http.execute(request, timeout: timeout)
            body = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw DirectoryClientError.unreachable(url: tokenURL, message: "\(error)")
        }
        let bytes = Array(body.readableBytesView)
        guard response.status.code == 200 else {
            throw DirectoryClientError.tokenRefused(status: Int(response.status.code),
                                                    body: String(decoding: bytes.prefix(500), as: UTF8.self))
        }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(bytes)), !answer.access_token.isEmpty else {
            throw DirectoryClientError.malformedAnswer(path: tokenURL, message: "no access_token in the token answer")
        }
        return Token(value: answer.access_token, expiresAt: Date().addingTimeInterval(answer.expires_in ?? 300))
    }

    /// `application/x-www-form-urlencoded` value.
    private static func formEncoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
