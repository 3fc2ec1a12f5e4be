import Channels
import Foundation
import Gateway
import Server

/// The accredited platform of `passerelle serve` (docs/platform.md): with a `platform:` section, invoices are sent
/// through its AFNOR Flow Service by a ``FlowDispatcher`` behind a circuit breaker; without one they are held.
extension ServeCommand {
    static func platformDispatcher(_ settings: PlatformSettings) throws -> FlowDispatcher? {
        guard settings.isConfigured, let flowURL = settings.flowURL, let tokenURL = settings.tokenURL,
              let clientID = settings.clientID, let secretFile = settings.clientSecretFile else { return nil }
        let secret: String
        do {
            secret = try String(contentsOfFile: secretFile, encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw fail("platform.client_secret_file: \(secretFile) cannot be read (\(error.localizedDescription))",
                       status: 2)
        }
        guard !secret.isEmpty else { throw fail("platform.client_secret_file: \(secretFile) is empty", status: 2) }
        let client: FlowClient
        do {
            client = try FlowClient(configuration: FlowClientConfiguration(
                flowURL: flowURL, tokenURL: tokenURL, clientID: clientID, clientSecret: secret,
                caFile: settings.caFile, requestTimeout: settings.timeout, connectTimeout: settings.connectTimeout))
        } catch {
            throw fail("platform: \(error.errorMessage ?? error.description)", status: 2)
        }
        let name = settings.resolvedName
        return FlowDispatcher(name: name, client: client, breaker: CircuitBreaker(
            service: name, settings: .init(failureThreshold: settings.breakerFailures,
                                           cooldown: settings.breakerCooldown)))
    }
}
