import NIOCore
import NIOPosix
import NIOSSH

/// An SFTP version 3 session over one SSH connection. Every method may be called from any task; requests from
/// several tasks share the connection. Call `close()` when done.
public final class SFTPClient: Sendable {
    let settings: SFTPConnectionSettings
    private let connection: any Channel
    private let sftpChannel: any Channel
    private let handler: NIOLoopBound<SFTPChannelHandler>
    /// The server's VERSION reply.
    public let server: SFTPServerInfo

    private init(
        settings: SFTPConnectionSettings, connection: any Channel, sftpChannel: any Channel,
        handler: NIOLoopBound<SFTPChannelHandler>, server: SFTPServerInfo
    ) {
        self.settings = settings
        self.connection = connection
        self.sftpChannel = sftpChannel
        self.handler = handler
        self.server = server
    }

    /// Connects, checks the host key, logs in and starts the `sftp` subsystem.
    public static func connect(
        host: String, port: Int = 22, username: String, authentication: SFTPAuthentication,
        hostKeyPolicy: HostKeyPolicy
    ) async throws -> SFTPClient {
        try await connect(
            SFTPConnectionSettings(
                host: host, port: port, username: username, authentication: authentication,
                hostKeyPolicy: hostKeyPolicy))
    }

    public static func connect(_ settings: SFTPConnectionSettings) async throws -> SFTPClient {
        let knownHosts: KnownHosts?
        switch settings.hostKeyPolicy {
        case .knownHosts(let path): knownHosts = try KnownHosts.load(path: path)
        case .knownHostsEntries(let entries): knownHosts = entries
        case .acceptAnyForTesting: knownHosts = nil
        }
        let diagnostics = ConnectionDiagnostics()
        let target = "\(settings.host):\(settings.port)"
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(settings.connectTimeout.timeAmount)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let configuration = SSHClientConfiguration(
                        userAuthDelegate: SingleOfferAuthenticationDelegate(
                            username: settings.username, authentication: settings.authentication,
                            diagnostics: diagnostics),
                        serverAuthDelegate: HostKeyValidator(
                            knownHosts: knownHosts, host: settings.host, port: settings.port,
                            diagnostics: diagnostics))
                    let ssh = NIOSSHHandler(
                        role: .client(configuration), allocator: channel.allocator,
                        inboundChildChannelInitializer: nil)
                    try channel.pipeline.syncOperations.addHandler(ssh)
                    try channel.pipeline.syncOperations.addHandler(ConnectionWatcher(diagnostics: diagnostics))
                }
            }
        let connection: any Channel
        do {
            connection = try await bootstrap.connect(host: settings.host, port: settings.port).get()
        } catch {
            throw SFTPError(.connectFailed, path: target, message: "cannot open a TCP connection to \(target): \(error)")
        }
        let deadline = connection.eventLoop.scheduleTask(in: settings.connectTimeout.timeAmount) {
            diagnostics.record(
                SFTPError(.timeout, path: target, message: "the SSH handshake with \(target) did not finish in time"))
            connection.close(promise: nil)
        }
        do {
            let (sftpChannel, handler, server) = try await openSession(on: connection)
            deadline.cancel()
            guard server.version >= SFTPLimits.version else {
                connection.close(promise: nil)
                throw SFTPError(
                    .connectFailed, path: target, message: "the server speaks SFTP version \(server.version); 3 is needed")
            }
            return SFTPClient(
                settings: settings, connection: connection, sftpChannel: sftpChannel, handler: handler, server: server)
        } catch {
            deadline.cancel()
            connection.close(promise: nil)
            throw connectError(diagnostics.error, fallback: error, target: target)
        }
    }

    private static func openSession(
        on connection: any Channel
    ) async throws -> (any Channel, NIOLoopBound<SFTPChannelHandler>, SFTPServerInfo) {
        let loop = connection.eventLoop
        let child = try await loop.flatSubmit { () -> EventLoopFuture<any Channel> in
            let promise = loop.makePromise(of: (any Channel).self)
            do {
                let ssh = try connection.pipeline.syncOperations.handler(type: NIOSSHHandler.self)
                ssh.createChannel(promise, channelType: .session) { child, _ in
                    child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(SFTPChannelHandler())
                    }
                }
            } catch {
                promise.fail(error)
            }
            return promise.futureResult
        }.get()
        let handler = try await child.eventLoop.submit {
            NIOLoopBound(try child.pipeline.syncOperations.handler(type: SFTPChannelHandler.self), eventLoop: child.eventLoop)
        }.get()
        let server = try await child.eventLoop.flatSubmit { handler.value.startSession() }.get()
        return (child, handler, server)
    }

    private static func connectError(_ recorded: SFTPError?, fallback: any Error, target: String) -> SFTPError {
        if let recorded {
            switch recorded.code {
            case .connectionLost:
                return SFTPError(.connectFailed, path: target, message: "SSH connection to \(target) failed: \(recorded.message)")
            default:
                return recorded
            }
        }
        if let error = fallback as? SFTPError, error.code != .connectionLost { return error }
        return SFTPError(.connectFailed, path: target, message: "SSH connection to \(target) failed: \(fallback)")
    }

    /// True while the connection is up.
    public var isConnected: Bool { sftpChannel.isActive }

    /// Closes the SFTP channel and the connection. Requests still running fail with `connectionLost`.
    public func close() async {
        try? await sftpChannel.close()
        try? await connection.close()
    }

    // MARK: Sending

    /// Sends one request and returns the reply.
    func send(_ request: SFTPRequest) async throws -> SFTPResponse {
        try await sendFuture(request).get()
    }

    /// Sends one request now; the future completes with the reply. Used to keep several requests in flight.
    func sendFuture(_ request: SFTPRequest) -> EventLoopFuture<SFTPResponse> {
        let handler = handler
        let timeout = settings.requestTimeout.timeAmount
        return sftpChannel.eventLoop.flatSubmit { handler.value.send(request, timeout: timeout) }
    }

    /// Sends a request whose only reply is a STATUS; throws unless it is OK.
    func sendExpectingOK(_ request: SFTPRequest, path: String) async throws {
        try checkOK(try await send(request), path: path)
    }
}

/// Turns a STATUS reply into success or an `SFTPError` with the path and the server's message.
func checkOK(_ response: SFTPResponse, path: String) throws {
    switch response {
    case .status(_, .ok, _):
        return
    case .status(_, let code, let message):
        throw SFTPError(.status(code), path: path, message: message)
    default:
        throw SFTPError(.unexpectedResponse, path: path, message: "expected a STATUS reply, got \(response.kind)")
    }
}

extension SFTPResponse {
    /// The reply's packet name, for messages.
    var kind: String {
        switch self {
        case .version: "VERSION"
        case .status: "STATUS"
        case .handle: "HANDLE"
        case .data: "DATA"
        case .name: "NAME"
        case .attributes: "ATTRS"
        case .extendedReply: "EXTENDED_REPLY"
        }
    }

    /// Throws the status as an error when the reply is a non-OK STATUS; otherwise returns the reply.
    func failingOnStatus(path: String) throws -> SFTPResponse {
        if case .status(_, let code, let message) = self {
            throw SFTPError(.status(code), path: path, message: message)
        }
        return self
    }
}
