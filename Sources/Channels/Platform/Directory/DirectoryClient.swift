import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A client of an AFNOR XP Z12-013 Directory Service 1.3.0: the lookups by SIREN, SIRET, routing code and
/// addressing identifier, and the four searches. OAuth2 client credentials; a refused token is fetched again once.
/// Lookups answer nil for 404; every other failure is a ``DirectoryClientError`` (``DirectoryClientError/isTransient``
/// says whether to retry).
public struct DirectoryClient: Sendable {
    public let configuration: DirectoryClientConfiguration
    let http: HTTPClient
    let tokens: DirectoryTokenProvider

    /// `http` is the caller's (it shuts it down); by default the process-wide shared client.
    public init(configuration: DirectoryClientConfiguration, http: HTTPClient = .shared) {
        self.configuration = configuration
        self.http = http
        self.tokens = DirectoryTokenProvider(
            http: http, tokenURL: configuration.tokenURL, clientID: configuration.clientID,
            clientSecret: configuration.clientSecret, margin: configuration.refreshMarginSeconds,
            timeout: .milliseconds(configuration.timeoutMilliseconds))
    }

    // MARK: Lookups

    /// `GET /v1/siren/code-insee:{siren}`.
    public func company(siren: String) async throws -> AFNORDirectory.LegalUnit? {
        try Self.check(siren, digits: 9, name: "SIREN")
        return try await get("/v1/siren/code-insee:\(siren)")
    }

    /// `GET /v1/siret/code-insee:{siret}?include=siren`.
    public func facility(siret: String) async throws -> AFNORDirectory.Facility? {
        try Self.check(siret, digits: 14, name: "SIRET")
        return try await get("/v1/siret/code-insee:\(siret)", query: "include=siren")
    }

    /// `GET /v1/routing-code/siret:{siret}/code:{routing-identifier}?include=siren,siret`.
    public func routingCode(siret: String, code: String) async throws -> AFNORDirectory.RoutingCode? {
        try Self.check(siret, digits: 14, name: "SIRET")
        return try await get("/v1/routing-code/siret:\(siret)/code:\(try Self.pathSegment(code, name: "routing code"))",
                             query: "include=siren,siret")
    }

    /// `GET /v1/directory-line/code:{addressing-identifier}?include=siren,siret,routingCode`.
    public func directoryLine(addressingIdentifier: String) async throws -> AFNORDirectory.DirectoryLine? {
        guard addressingIdentifier.count <= 125 else {
            throw DirectoryClientError.invalidRequest("an addressing identifier has at most 125 characters")
        }
        let segment = try Self.pathSegment(addressingIdentifier, name: "addressing identifier")
        return try await get("/v1/directory-line/code:\(segment)", query: "include=siren,siret,routingCode")
    }

    // MARK: Searches

    /// `POST /v1/siren/search`.
    public func searchCompanies(_ search: AFNORDirectory.Search) async throws
        -> AFNORDirectory.SearchPage<AFNORDirectory.LegalUnit>
    {
        try await post("/v1/siren/search", search)
    }

    /// `POST /v1/siret/search`.
    public func searchFacilities(_ search: AFNORDirectory.Search) async throws
        -> AFNORDirectory.SearchPage<AFNORDirectory.Facility>
    {
        try await post("/v1/siret/search", search)
    }

    /// `POST /v1/routing-code/search`.
    public func searchRoutingCodes(_ search: AFNORDirectory.Search) async throws
        -> AFNORDirectory.SearchPage<AFNORDirectory.RoutingCode>
    {
        try await post("/v1/routing-code/search", search)
    }

    /// `POST /v1/directory-line/search`.
    public func searchDirectoryLines(_ search: AFNORDirectory.Search) async throws
        -> AFNORDirectory.SearchPage<AFNORDirectory.DirectoryLine>
    {
        try await post("/v1/directory-line/search", search)
    }

    /// `GET /v1/healthcheck`: true when it answers 200.
    public func healthy() async throws -> Bool {
        try await call(.GET, "/v1/healthcheck", query: nil, body: nil).status == 200
    }

    // MARK: HTTP

    private func get<Resource: Decodable>(_ path: String, query: String? = nil) async throws -> Resource? {
        let answer = try await call(.GET, path, query: query, body: nil)
        if answer.status == 404 { return nil }
        return try decode(answer, path: path)
    }

    private func post<Resource: Decodable>(_ path: String, _ search: AFNORDirectory.Search) async throws -> Resource {
        let answer = try await call(.POST, path, query: nil, body: try JSONEncoder().encode(search))
        return try decode(answer, path: path)
    }

    private func decode<Resource: Decodable>(_ answer: (status: Int, body: [UInt8]), path: String) throws -> Resource {
        guard (200..<300).contains(answer.status) else {
            throw DirectoryClientError.service(
                status: answer.status, path: path,
                error: try? JSONDecoder().decode(DirectoryErrorBody.self, from: Data(answer.body)))
        }
        do {
            return try JSONDecoder().decode(Resource.self, from: Data(answer.body))
        } catch {
            throw DirectoryClientError.malformedAnswer(path: path, message: "\(error)")
        }
    }

    /// One call with a bearer token; a 401 fetches a new token and tries once more.
    private func call(_ method: HTTPMethod, _ path: String, query: String?, body: Data?) async throws
        -> (status: Int, body: [UInt8])
    {
        let url = configuration.serviceRoot + path + (query.map { "?" + $0 } ?? "")
        for attempt in 0..<2 {
            let token = try await tokens.token()
            var request = HTTPClientRequest(url: url)
            request.method = method
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Accept", value: "application/json")
            if let body {
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: body))
            }
            let status: Int
            let bytes: [UInt8]
            do {
                let response = try await http.execute(request, timeout: .milliseconds(configuration.timeoutMilliseconds))
                status = Int(response.status.code)
                bytes = Array(try await response.body.collect(upTo: 16 << 20).readableBytesView)
            } catch {
                throw DirectoryClientError.unreachable(url: url, message: "\(error)")
            }
            if status == 401, attempt == 0 {
                await tokens.reject(token)
                continue
            }
            return (status, bytes)
        }
        throw DirectoryClientError.service(status: 401, path: path, error: nil)
    }

    private static func check(_ value: String, digits: Int, name: String) throws {
        guard value.count == digits, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw DirectoryClientError.invalidRequest("a \(name) has \(digits) digits, got \"\(value)\"")
        }
    }

    private static func pathSegment(_ value: String, name: String) throws -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        guard !value.isEmpty, let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) else {
            throw DirectoryClientError.invalidRequest("the \(name) is empty")
        }
        return encoded
    }
}
