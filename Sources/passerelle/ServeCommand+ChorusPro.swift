import AsyncHTTPClient
import Channels
import Foundation
import Gateway
import Logging
import ServiceLifecycle

/// Chorus Pro in `passerelle serve` (docs/chorus-pro.md): `--chorus-pro FILE` reads the file's `chorusPro:` section;
/// the dispatch port named `chorus-pro` deposits invoices, and a service follows their statuses.
struct ChorusProWiring {
    let dispatcher: ChorusProDispatcher
    let services: [any Service]
    let http: HTTPClient

    func close() async { try? await http.shutdown() }
}

extension ServeCommand {
    /// The Chorus Pro port and follower, or nil without `--chorus-pro`; a bad file stops start-up (status 2).
    static func chorusPro(_ path: String?, store: any GatewayStore, clock: any GatewayClock, logger: Logger) throws
        -> ChorusProWiring?
    {
        guard let path else { return nil }
        let configuration: ChorusProConfiguration
        do {
            configuration = try ChorusProConfiguration.load(path: path)
        } catch {
            throw fail("--chorus-pro \(path): \(error)", status: 2)
        }
        var httpConfiguration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        httpConfiguration.httpVersion = .http1Only
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        let client = ChorusProClient(configuration: configuration, http: http)
        let follower = ChorusProStatusFollower(
            client: client, store: store, lifecycle: LifecycleService(store: store, clock: clock),
            tenant: configuration.tenant, logger: logger)
        let service = ChannelService(name: ChorusProDispatcher.platformName, interval: configuration.pollInterval,
                                     logger: logger) {
            let round = try await follower.round()
            guard round.recorded > 0 || round.failed > 0 else { return nil }
            return "followed \(round.followed) invoice(s): \(round.recorded) new status(es), \(round.failed) failure(s)"
        }
        logger.info("Chorus Pro: deposits to \(configuration.apiBase)/cpro as \(configuration.login)")
        return ChorusProWiring(dispatcher: ChorusProDispatcher(client: client, store: store, clock: clock),
                               services: [service], http: http)
    }
}
