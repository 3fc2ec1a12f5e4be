import NIOCore
import NIOSSH

/// Which server host keys the client trusts.
public enum HostKeyPolicy: Sendable {
    /// Trust only the keys an OpenSSH known_hosts file lists for the host; refuse unknown hosts and mismatches.
    case knownHosts(path: String)
    /// The entries given directly (e.g. from configuration).
    case knownHostsEntries(KnownHosts)
    /// Trust any key. For tests against a throwaway server only.
    case acceptAnyForTesting
}

/// Checks the server's host key against the policy during key exchange, and records a refusal in the diagnostics so
/// that `connect` reports it with the fingerprints.
final class HostKeyValidator: NIOSSHClientServerAuthenticationDelegate {
    private let knownHosts: KnownHosts?
    private let host: String
    private let port: Int
    private let diagnostics: ConnectionDiagnostics

    init(knownHosts: KnownHosts?, host: String, port: Int, diagnostics: ConnectionDiagnostics) {
        self.knownHosts = knownHosts
        self.host = host
        self.port = port
        self.diagnostics = diagnostics
    }

    func validateHostKey(hostKey: NIOSSHPublicKey, validationCompletePromise: EventLoopPromise<Void>) {
        guard let knownHosts else {
            validationCompletePromise.succeed(())
            return
        }
        do {
            try knownHosts.verify(SSHPublicKeyBlob(hostKey), host: host, port: port)
            validationCompletePromise.succeed(())
        } catch let error as SFTPError {
            diagnostics.record(error)
            validationCompletePromise.fail(error)
        } catch {
            validationCompletePromise.fail(error)
        }
    }
}
