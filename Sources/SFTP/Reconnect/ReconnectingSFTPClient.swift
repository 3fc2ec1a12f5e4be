/// How long to wait between connection attempts: doubling from `initial` up to `maximum`, `attempts` tries in all.
public struct SFTPBackoff: Sendable {
    public var initial: Duration
    public var maximum: Duration
    public var attempts: Int

    public init(initial: Duration = .milliseconds(250), maximum: Duration = .seconds(10), attempts: Int = 8) {
        self.initial = initial
        self.maximum = maximum
        self.attempts = max(1, attempts)
    }

    func delay(beforeRetry retry: Int) -> Duration {
        var delay = initial
        for _ in 0..<min(retry, 30) where delay < maximum { delay *= 2 }
        return min(delay, maximum)
    }
}

/// Keeps one SFTP connection and makes a new one when it is cut. An operation that fails with a connection problem
/// (`connectionLost`, `timeout`, `connectFailed`) is run again on a fresh connection after a backoff; any other error
/// (a missing file, a refused host key or password) is thrown at once.
public actor ReconnectingSFTPClient {
    public nonisolated let settings: SFTPConnectionSettings
    public nonisolated let backoff: SFTPBackoff
    private var client: SFTPClient?
    /// How many connections were opened so far.
    public private(set) var connectionCount = 0

    public init(settings: SFTPConnectionSettings, backoff: SFTPBackoff = SFTPBackoff()) {
        self.settings = settings
        self.backoff = backoff
    }

    /// Runs `operation`, again on a new connection after each connection problem, up to `backoff.attempts` times.
    /// The operation must be safe to repeat.
    public func withReconnect<T: Sendable>(_ operation: @Sendable (SFTPClient) async throws -> T) async throws -> T {
        try await retrying(operation)
    }

    /// Closes the current connection.
    public func close() async {
        let current = client
        client = nil
        await current?.close()
    }

    func retrying<T>(_ operation: (SFTPClient) async throws -> T) async throws -> T {
        var retry = 0
        while true {
            do {
                let client = try await connectedClient()
                return try await operation(client)
            } catch let error as SFTPError where error.isConnectionProblem && retry + 1 < backoff.attempts {
                await close()
                try await Task.sleep(for: backoff.delay(beforeRetry: retry))
                retry += 1
            }
        }
    }

    private func connectedClient() async throws -> SFTPClient {
        if let client, client.isConnected { return client }
        await close()
        let fresh = try await SFTPClient.connect(settings)
        connectionCount += 1
        client = fresh
        return fresh
    }
}
