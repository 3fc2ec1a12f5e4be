import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore

/// Where an S3 archive lives, from a path-style URL: `https://s3.eu-west-3.amazonaws.com/BUCKET/PREFIX`
/// (or `http://127.0.0.1:PORT/BUCKET` for an S3-compatible server). The prefix may be empty.
public struct S3Location: Sendable, Hashable, CustomStringConvertible {
    /// `scheme://host[:port]`.
    public var endpoint: String
    /// The `Host` header (host, and port when not the scheme's default).
    public var host: String
    public var bucket: String
    /// "" or a folder ending with `/`.
    public var prefix: String
    public var region: String

    public init(url text: String, region: String) throws {
        guard let url = URL(string: text), let scheme = url.scheme, scheme == "http" || scheme == "https",
            let hostName = url.host, !hostName.isEmpty
        else { throw ArchiveError.s3("\(text) is not an http(s) URL of the form https://host/bucket/prefix") }
        let parts = url.path.split(separator: "/").map(String.init)
        guard let bucket = parts.first else { throw ArchiveError.s3("\(text) names no bucket (path-style URL)") }
        let defaultPort = scheme == "https" ? 443 : 80
        host = url.port.map { $0 == defaultPort ? hostName : "\(hostName):\($0)" } ?? hostName
        endpoint = "\(scheme)://\(host)"
        self.bucket = bucket
        prefix = parts.count > 1 ? parts.dropFirst().joined(separator: "/") + "/" : ""
        self.region = region
    }

    public var description: String { "s3://\(bucket)/\(prefix)" }
}

/// What an S3 request returned.
struct S3Response: Sendable {
    var status: UInt
    var headers: [String: String]
    var body: [UInt8]

    /// The `<Code>` of an S3 error body ("AccessDenied", "PreconditionFailed"…), or "".
    var errorCode: String {
        let text = String(decoding: body, as: UTF8.self)
        guard let start = text.range(of: "<Code>"), let end = text.range(of: "</Code>", range: start.upperBound..<text.endIndex)
        else { return "" }
        return String(text[start.upperBound..<end.lowerBound])
    }
}

/// A minimal S3 REST client: path-style URLs, SigV4-signed, over AsyncHTTPClient.
struct S3Client: Sendable {
    let location: S3Location
    let signer: S3Signer
    var timeout: Duration = .seconds(60)

    init(location: S3Location, credentials: S3Credentials) {
        self.location = location
        self.signer = S3Signer(credentials: credentials, region: location.region)
    }

    /// Sends one request for `key` (relative to the bucket; "" for the bucket itself).
    func send(_ method: String, key: String, query: [(String, String)] = [], headers extra: [String: String] = [:],
              body: [UInt8] = []) async throws -> S3Response {
        let path = "/" + S3Signer.encode(location.bucket) + (key.isEmpty ? "" : "/" + S3Signer.encode(key, keepSlash: true))
        var headers = ["host": location.host]
        for (name, value) in extra { headers[name.lowercased()] = value }
        signer.sign(method: method, path: path, query: query, headers: &headers,
                    payloadSHA256: Digest.sha256(Data(body)), date: Date())
        let queryText = S3Signer.canonicalQuery(query)
        var request = HTTPClientRequest(url: location.endpoint + path + (queryText.isEmpty ? "" : "?" + queryText))
        switch method {  // HEAD must be known as HEAD, or the client would wait for a body
        case "PUT": request.method = .PUT
        case "HEAD": request.method = .HEAD
        case "DELETE": request.method = .DELETE
        case "POST": request.method = .POST
        default: request.method = .GET
        }
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        if !body.isEmpty || method == "PUT" { request.body = .bytes(body) }
        let response: HTTPClientResponse
        do {
            response = try await HTTPClient.shared.execute(request, timeout: .init(timeout))
        } catch {
            throw ArchiveError.s3("\(method) \(location.description)\(key): \(error)")
        }
        let data = try await response.body.collect(upTo: 1 << 30)
        var found: [String: String] = [:]
        for header in response.headers { found[header.name.lowercased()] = header.value }
        return S3Response(status: response.status.code, headers: found, body: Array(buffer: data))
    }

    /// Fails with the request and S3's error code unless the status is 2xx.
    func expectSuccess(_ response: S3Response, _ what: String) throws {
        guard (200..<300).contains(response.status) else {
            throw ArchiveError.s3("\(what) on \(location.description): HTTP \(response.status) \(response.errorCode)")
        }
    }

    /// Every key under `prefix`, in S3's (lexicographic) order: ListObjectsV2, following continuation tokens.
    func list(prefix: String, pageSize: Int = 1000) async throws -> [String] {
        var keys: [String] = []
        var token: String?
        repeat {
            var query = [("list-type", "2"), ("prefix", prefix), ("max-keys", String(pageSize))]
            if let token { query.append(("continuation-token", token)) }
            let response = try await send("GET", key: "", query: query)
            try expectSuccess(response, "LIST \(prefix)")
            let page = S3ListPage(response.body)
            keys += page.keys
            token = page.isTruncated ? page.continuationToken : nil
        } while token != nil
        return keys
    }
}

/// The parts of a `ListBucketResult` (ListObjectsV2) the archive needs.
struct S3ListPage {
    var keys: [String] = []
    var isTruncated = false
    var continuationToken: String?

    init(_ body: [UInt8]) {
        let text = String(decoding: body, as: UTF8.self)
        keys = Self.values(of: "Key", in: text).map(Self.unescape)
        isTruncated = Self.values(of: "IsTruncated", in: text).first == "true"
        continuationToken = Self.values(of: "NextContinuationToken", in: text).first.map(Self.unescape)
    }

    static func values(of element: String, in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "<\(element)>"),
            let close = rest.range(of: "</\(element)>", range: open.upperBound..<rest.endIndex) {
            found.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return found
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
