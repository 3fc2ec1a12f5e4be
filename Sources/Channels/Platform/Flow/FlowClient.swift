import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// A client of an accredited platform's AFNOR XP Z12-013 Flow Service 1.3.0: submit flows, search them, download
/// their documents, manage webhooks. OAuth2 client credentials, the token cached until shortly before it expires
/// and fetched again once when the platform answers 401.
///
/// Every failure is a ``FlowClientError`` carrying the spec's `errorCode`/`errorMessage` and saying whether it is
/// transient. The client owns its HTTP connections: call ``shutdown()`` when done.
public struct FlowClient: Sendable {
    public let configuration: FlowClientConfiguration
    let http: HTTPClient
    let tokens: FlowTokenSource

    /// An answer of the platform.
    struct Answer: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    /// `now` is the clock the token's expiry is read with (tests move it).
    public init(configuration: FlowClientConfiguration, now: @escaping @Sendable () -> Date = { Date() })
        throws(FlowClientError)
    {
        for (name, url) in [("flow URL", configuration.flowURL), ("token URL", configuration.tokenURL)] {
            guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", parsed.host != nil else {
                throw FlowClientError(.configuration, operation: "configure",
                                      errorMessage: "the \(name) \"\(url)\" is not an absolute http(s) URL")
            }
        }
        var httpConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: Self.timeAmount(configuration.connectTimeout),
                           read: Self.timeAmount(configuration.requestTimeout)))
        if let caFile = configuration.caFile {
            let roots: [NIOSSLCertificate]
            do {
                roots = try NIOSSLCertificate.fromPEMFile(caFile)
            } catch {
                throw FlowClientError(.configuration, operation: "configure",
                                      errorMessage: "the CA file \(caFile) is not a readable PEM file (\(error))")
            }
            guard !roots.isEmpty else {
                throw FlowClientError(.configuration, operation: "configure",
                                      errorMessage: "the CA file \(caFile) holds no certificate")
            }
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(roots)
            httpConfiguration.tlsConfiguration = tls
        }
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        self.configuration = configuration
        self.http = http
        self.tokens = FlowTokenSource(margin: configuration.tokenRefreshMargin, now: now) {
            try await Self.fetchToken(configuration: configuration, http: http)
        }
    }

    /// Closes the connections; the client cannot be used afterwards.
    public func shutdown() async {
        try? await http.shutdown()
    }

    /// How many access tokens this client has fetched.
    public var tokenFetches: Int {
        get async { await tokens.fetches }
    }

    // MARK: Calls

    /// Sends an authorized request to `<flowURL><path>`; on 401 fetches a new token and tries once more. Answers
    /// with a status outside `expected` become a ``FlowClientError``.
    func call(_ method: HTTPMethod, _ path: String, body: [UInt8]? = nil, contentType: String? = nil,
              expected: Set<Int> = [200], operation: String) async throws(FlowClientError) -> Answer
    {
        var answer = try await authorizedCall(method, path, body: body, contentType: contentType, operation: operation,
                                              retryingUnauthorized: true)
        if answer.status == 401 {
            answer = try await authorizedCall(method, path, body: body, contentType: contentType,
                                              operation: operation, retryingUnauthorized: false)
        }
        guard expected.contains(answer.status) else {
            throw FlowClientError.answer(status: answer.status, body: answer.body, operation: operation)
        }
        return answer
    }

    private func authorizedCall(_ method: HTTPMethod, _ path: String, body: [UInt8]?, contentType: String?,
                                operation: String, retryingUnauthorized: Bool) async throws(FlowClientError)
        -> Answer
    {
        let token: String
        do {
            token = try await tokens.token()
        } catch let error as FlowClientError {
            throw error
        } catch {
            throw FlowClientError(.connection, operation: "POST token", errorMessage: "\(error)")
        }
        var request = HTTPClientRequest(url: configuration.serviceRoot + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept", value: "application/json, application/octet-stream")
        request.headers.add(name: "Request-Id", value: UUID().uuidString.lowercased())
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let answer = try await Self.execute(request, http: http, configuration: configuration, operation: operation)
        if answer.status == 401, retryingUnauthorized { await tokens.reject(token) }
        return answer
    }

    /// Runs one request and reads the whole answer; transport failures become ``FlowClientError``.
    static func execute(_ request: HTTPClientRequest, http: HTTPClient, configuration: FlowClientConfiguration,
                        operation: String) async throws(FlowClientError) -> Answer
    {
        do {
            let response = try await http.execute(request, timeout: timeAmount(configuration.requestTimeout))
            let buffer = try await response.body.collect(upTo: configuration.maximumAnswerBytes)
            return Answer(status: Int(response.status.code), headers: response.headers,
                          body: Array(buffer.readableBytesView))
        } catch let error as HTTPClientError where [.deadlineExceeded, .connectTimeout, .readTimeout].contains(error) {
            throw FlowClientError(.timeout, operation: operation, errorMessage: "\(error)")
        } catch let error as NIOTooManyBytesError {
            throw FlowClientError(.invalidAnswer, operation: operation,
                                  errorMessage: "the answer exceeds \(configuration.maximumAnswerBytes) bytes (\(error))")
        } catch {
            throw FlowClientError(.connection, operation: operation, errorMessage: "\(error)")
        }
    }

    /// Decodes a JSON answer; an answer that does not fit the spec is an ``FlowClientError/Kind/invalidAnswer``.
    static func decode<T: Decodable>(_ type: T.Type, _ answer: Answer, operation: String) throws(FlowClientError) -> T {
        do {
            return try FlowJSON.decoder().decode(T.self, from: Data(answer.body))
        } catch {
            throw FlowClientError(.invalidAnswer, operation: operation, errorMessage: FlowJSON.describe(error))
        }
    }

    static func encode(_ value: some Encodable, operation: String) throws(FlowClientError) -> [UInt8] {
        do {
            return Array(try FlowJSON.encoder().encode(value))
        } catch {
            throw FlowClientError(.configuration, operation: operation, errorMessage: "cannot encode: \(error)")
        }
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// A path segment with everything but unreserved characters percent-encoded.
    static func segment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
