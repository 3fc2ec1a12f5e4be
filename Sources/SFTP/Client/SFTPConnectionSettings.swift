import NIOCore

/// Where and how to connect; enough to connect again after a cut.
public struct SFTPConnectionSettings: Sendable {
    public var host: String
    public var port: Int
    public var username: String
    public var authentication: SFTPAuthentication
    public var hostKeyPolicy: HostKeyPolicy
    /// TCP connect, SSH handshake, authentication and subsystem start together.
    public var connectTimeout: Duration
    /// How long one request may wait for its reply.
    public var requestTimeout: Duration
    /// How many READ or WRITE requests a transfer keeps in flight.
    public var requestsInFlight: Int

    public init(
        host: String, port: Int = 22, username: String, authentication: SFTPAuthentication,
        hostKeyPolicy: HostKeyPolicy, connectTimeout: Duration = .seconds(20), requestTimeout: Duration = .seconds(60),
        requestsInFlight: Int = 8
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.authentication = authentication
        self.hostKeyPolicy = hostKeyPolicy
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.requestsInFlight = max(1, requestsInFlight)
    }
}

extension Duration {
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
