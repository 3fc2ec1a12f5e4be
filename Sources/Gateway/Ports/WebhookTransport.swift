/// Sends one HTTP POST for a webhook delivery. The Server module fills it with an HTTP client.
public protocol WebhookTransport: Sendable {
    /// Posts `body` with `headers`; returns the HTTP status code. Throws on network failure or timeout.
    func post(url: String, headers: [(String, String)], body: [UInt8]) async throws -> Int
}
