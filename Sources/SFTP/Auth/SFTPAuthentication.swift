import NIOCore
import NIOSSH

/// How the client proves who it is.
public enum SFTPAuthentication: Sendable {
    case password(String)
    /// An ed25519 or ECDSA key, e.g. from `OpenSSHPrivateKey.load(path:)`.
    case privateKey(NIOSSHPrivateKey)

    /// Reads an unencrypted OpenSSH private key file.
    public static func privateKeyFile(_ path: String) throws -> SFTPAuthentication {
        .privateKey(try OpenSSHPrivateKey.load(path: path))
    }
}

/// Offers the one configured method once; when the server asks again, the offer was refused and the connection fails
/// with `authenticationFailed` (nio-ssh would otherwise wait forever on a nil offer).
final class SingleOfferAuthenticationDelegate: NIOSSHClientUserAuthenticationDelegate {
    private let username: String
    private let authentication: SFTPAuthentication
    private let diagnostics: ConnectionDiagnostics
    private var offered = false

    init(username: String, authentication: SFTPAuthentication, diagnostics: ConnectionDiagnostics) {
        self.username = username
        self.authentication = authentication
        self.diagnostics = diagnostics
    }

    func nextAuthenticationType(
        availableMethods: NIOSSHAvailableUserAuthenticationMethods,
        nextChallengePromise: EventLoopPromise<NIOSSHUserAuthenticationOffer?>
    ) {
        let method: String
        let offer: NIOSSHUserAuthenticationOffer.Offer
        let allowed: Bool
        switch authentication {
        case .password(let password):
            method = "password"
            offer = .password(.init(password: password))
            allowed = availableMethods.contains(.password)
        case .privateKey(let key):
            method = "publickey"
            offer = .privateKey(.init(privateKey: key))
            allowed = availableMethods.contains(.publicKey)
        }
        guard !offered, allowed else {
            let reason =
                offered
                ? "the server refused the \(method) of user \(username)"
                : "the server does not accept \(method) authentication for user \(username)"
            let error = SFTPError(.authenticationFailed, message: reason)
            diagnostics.record(error)
            nextChallengePromise.fail(error)
            return
        }
        offered = true
        nextChallengePromise.succeed(.init(username: username, serviceName: "ssh-connection", offer: offer))
    }
}
