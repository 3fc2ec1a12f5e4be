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
        let service = ChorusProFollowerService(follower: follower, interval: configuration.pollInterval, logger: logger)
        logger.info("Chorus Pro: deposits to \(configuration.apiBase)/cpro as \(configuration.login)")
        return ChorusProWiring(dispatcher: ChorusProDispatcher(client: client, store: store, clock: clock),
                               services: [service], http: http)
    }
}

/// The status follower as a service of `serve`: a round every interval, the first one an interval after start (the
/// database is migrated meanwhile); stops between two rounds on SIGTERM.
struct ChorusProFollowerService: Service {
    let follower: ChorusProStatusFollower
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            guard !Task.isShuttingDownGracefully && !Task.isCancelled else { return }
            do {
                let round = try await follower.round()
                if round.recorded > 0 || round.failed > 0 {
                    logger.info("Chorus Pro: followed \(round.followed) invoice(s): \(round.recorded) new status(es), \(round.failed) failure(s)")
                }
            } catch {
                logger.error("Chorus Pro status round failed: \(error)")
            }
        }
    }
}
