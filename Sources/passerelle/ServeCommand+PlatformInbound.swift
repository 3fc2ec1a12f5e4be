import Channels
import Foundation
import Gateway
import GatewayStorage
import Logging
import Server
import ServiceLifecycle

/// The inbound side of the platform in `passerelle serve` (docs/platform.md): the lifecycle flows the workers fetch,
/// the webhook route and its enrolment, the polling fallback.
struct PlatformInbound: Sendable {
    var source: FlowLifecycleSource
    var routes: PlatformWebhookRoutes?
    var services: [any Service]
}

extension ServeCommand {
    /// Wires the inbound side for `dispatcher`'s platform; nil without a platform.
    static func platformInbound(_ configuration: ServerConfiguration, dispatcher: FlowDispatcher?,
                                components: ServerComponents, cursors: SQLGatewayStore, logger: Logger) throws
        -> PlatformInbound?
    {
        guard let dispatcher else { return nil }
        let settings = configuration.platformInbound
        let source = FlowLifecycleSource(name: dispatcher.name, client: dispatcher.client)
        let tenant = TenantID(settings.tenant)
        let inbox = PlatformStatusInbox(store: components.store, clock: components.clock)
        var services: [any Service] = []
        var routes: PlatformWebhookRoutes?
        if settings.usesWebhooks && settings.publicURL == nil {
            throw fail("platform.webhooks: on, but platform.public_url is not set (the URL the platform calls)", status: 2)
        }
        if settings.usesWebhooks, let publicURL = settings.publicURL {
            var root = publicURL
            while root.hasSuffix("/") { root.removeLast() }
            let enrolment = FlowWebhookEnrolment(
                client: dispatcher.client, callbackURL: root + PlatformWebhookEndpoint.path(platform: source.name),
                keyFile: configuration.resolvedPlatformWebhookKeyFile)
            let keys = PlatformSigningKeys()
            do {
                if let saved = try enrolment.savedKey() { keys.install(saved) }
            } catch {
                throw fail("platform.webhook_key_file: \(error)", status: 2)
            }
            routes = PlatformWebhookRoutes(
                endpoints: [PlatformWebhookEndpoint(name: source.name, tenant: tenant, keys: keys,
                                                    tolerance: settings.webhookTolerance)],
                inbox: inbox)
            services.append(PlatformWebhookEnrolmentService(enrolment: enrolment, keys: keys, logger: logger))
        }
        if settings.usesPolling {
            services.append(PlatformPollingService(
                poller: PlatformStatusPoller(platform: source, tenant: tenant, inbox: inbox, cursors: cursors),
                interval: settings.pollInterval, readiness: components.readiness, logger: logger))
        }
        logger.info("platform \(source.name): statuses by \(routes == nil ? "" : "webhook")\(routes != nil && settings.usesPolling ? " and " : "")\(settings.usesPolling ? "polling every \(settings.pollInterval)" : "")")
        return PlatformInbound(source: source, routes: routes, services: services)
    }
}

/// Registers the gateway's webhook on the platform at start, retrying with backoff while the
/// platform does not answer, and installs its signing key; then waits for the shutdown.
struct PlatformWebhookEnrolmentService: Service {
    let enrolment: FlowWebhookEnrolment
    let keys: PlatformSigningKeys
    let logger: Logger

    func run() async throws {
        var delay: Duration = .seconds(1)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let (key, outcome) = try await enrolment.enrol()
                keys.install(key)
                logger.info("platform webhook \(enrolment.callbackURL): \(outcome.rawValue)")
                break
            } catch {
                logger.warning("platform webhook \(enrolment.callbackURL) not registered (retried in \(delay)): \(error)")
                let wait = delay
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
                delay = min(delay * 2, .seconds(300))
            }
        }
        try? await gracefulShutdown()
    }
}
