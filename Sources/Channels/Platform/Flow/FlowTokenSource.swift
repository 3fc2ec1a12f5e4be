import Foundation

/// The OAuth2 access token of a Flow client: fetched once, reused until shortly before it expires, fetched again
/// when the platform says it is no longer valid. Concurrent callers share one fetch.
actor FlowTokenSource {
    struct Token: Sendable {
        var value: String
        var expiresAt: Date
    }

    typealias Fetch = @Sendable () async throws -> (value: String, lifetime: TimeInterval)

    private let fetch: Fetch
    private let now: @Sendable () -> Date
    private let margin: TimeInterval
    private var current: Token?
    private var inFlight: Task<Token, any Error>?
    /// How many tokens were fetched (for tests and logs).
    private(set) var fetches = 0

    init(margin: Duration, now: @escaping @Sendable () -> Date, fetch: @escaping Fetch) {
        let (seconds, attoseconds) = margin.components
        self.margin = TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
        self.now = now
        self.fetch = fetch
    }

    /// A token valid for at least the margin, as far as we know.
    func token() async throws -> String {
        if let current, now() < current.expiresAt.addingTimeInterval(-margin) { return current.value }
        if let inFlight { return try await inFlight.value.value }
        let task = Task { [fetch, now] in
            let answer = try await fetch()
            return Token(value: answer.value, expiresAt: now().addingTimeInterval(answer.lifetime))
        }
        inFlight = task
        defer { inFlight = nil }
        let token = try await task.value
        fetches += 1
        current = token
        return token.value
    }

    /// The platform refused this token (401): forget it, unless a newer one already replaced it.
    func reject(_ value: String) {
        if current?.value == value { current = nil }
    }
}
