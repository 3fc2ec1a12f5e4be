/// Everything that can go wrong with SFTP, with a code to switch on, the path concerned and what the server said.
public struct SFTPError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The server answered a request with a status other than OK (see `status`).
        case status(SFTPStatusCode)
        /// A version 3 rename refuses to replace an existing file: the target is there already.
        case renameTargetExists
        /// The TCP connection or the SSH channel closed under a running request, or before it.
        case connectionLost
        /// No answer within the time allowed.
        case timeout
        /// TCP connect, SSH handshake or subsystem start failed (see `message`).
        case connectFailed
        /// The server's host key is not the one known_hosts lists for it.
        case hostKeyMismatch
        /// known_hosts has no entry for this host: it is refused rather than trusted on first use.
        case hostKeyUnknown
        /// The server refused our password or key.
        case authenticationFailed
        /// A reply that breaks the protocol: truncated, a hostile length, an unknown type.
        case malformedPacket
        /// A well-formed reply that does not answer the request (e.g. DATA to a STAT).
        case unexpectedResponse
        /// A private key or known_hosts file we cannot use.
        case invalidKey
        /// The file is larger than the caller allowed.
        case tooLarge
        /// A local file could not be read or written.
        case localFile
    }

    public var code: Code
    /// The remote (or, for `localFile`, local) path concerned; "" when none.
    public var path: String
    /// The server's own message for a status; otherwise our explanation.
    public var message: String

    public init(_ code: Code, path: String = "", message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// The SFTP status, when the server answered with one.
    public var status: SFTPStatusCode? {
        if case .status(let status) = code { return status }
        return nil
    }

    /// Errors after which a new connection may succeed where this one failed.
    public var isConnectionProblem: Bool {
        switch code {
        case .connectionLost, .timeout, .connectFailed: true
        case .status(.connectionLost), .status(.noConnection): true
        default: false
        }
    }

    public var description: String {
        let location = path.isEmpty ? "" : " (\(path))"
        switch code {
        case .status(let status):
            return "SFTP \(status)\(location): \(message.isEmpty ? "no message from the server" : message)"
        default:
            return "SFTP \(code)\(location): \(message)"
        }
    }

    static func malformedPacket(_ detail: String) -> SFTPError {
        SFTPError(.malformedPacket, message: "malformed packet from the server: \(detail)")
    }

    static func connectionLost(_ detail: String) -> SFTPError {
        SFTPError(.connectionLost, message: detail)
    }
}
