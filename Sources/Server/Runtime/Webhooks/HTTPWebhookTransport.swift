import AsyncHTTPClient
import Foundation
import Gateway
import NIOCore
import NIOHTTP1

/// Delivers webhooks with AsyncHTTPClient: bounded time, no redirects (a 3xx is a failed attempt: the receiver's
/// URL must be the final one), and at most ``responseBytesRead`` of the answer read (and ignored).
struct HTTPWebhookTransport: WebhookTransport {
    static let responseBytesRead = 4 * 1024

    let client: HTTPClient
    let timeout: Duration

    /// A client for webhooks: redirects off, the given connect timeout. Shut it down after use.
    static func makeClient(connectTimeout: Duration) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .init(connectTimeout), read: .seconds(30)))
        configuration.httpVersion = .http1Only
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func post(url: String, headers: [(String, String)], body: [UInt8]) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.headers.replaceOrAdd(name: "User-Agent", value: "Passerelle-Webhooks/1")
        request.body = .bytes(body)
        let response = try await client.execute(request, timeout: .init(timeout))
        var read = 0
        for try await chunk in response.body {
            read += chunk.readableBytes
            if read >= Self.responseBytesRead { break }
        }
        return Int(response.status.code)
    }
}
