import Channels
import Foundation
import Gateway
import GatewayStorage
import Server
import ServiceLifecycle

/// The gateway wired to a sandbox platform the way `passerelle serve` wires a `platform:` section: the Flow client,
/// the FlowDispatcher, the inbound source, the webhook endpoint (its key installed once the webhook is enrolled)
/// and, when asked, the polling fallback.
struct SandboxPlatformWiring: Sendable {
    static let name = "sandbox"

    let client: FlowClient
    let source: FlowLifecycleSource
    let keys = PlatformSigningKeys()
    let keyFile: String

    init(sandbox: PlatformSandbox, requestTimeout: Duration = .seconds(10)) throws {
        client = try FlowClient(configuration: FlowClientConfiguration(
            flowURL: sandbox.flowURL, tokenURL: sandbox.tokenURL, clientID: PlatformSandbox.clientID,
            clientSecret: PlatformSandbox.clientSecret, requestTimeout: requestTimeout,
            connectTimeout: .seconds(2)))
        source = FlowLifecycleSource(name: Self.name, client: client)
        keyFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("inbound-key-\(UUID().uuidString).json").path
    }

    /// `webhooks`: the gateway takes webhooks (enrol with ``enrol(gatewayURL:)``); `polling`: the poller runs
    /// every `interval`.
    func wiring(webhooks: Bool, polling: Bool, interval: Duration = .milliseconds(200)) -> InboundGateway.Wiring {
        var wiring = InboundGateway.Wiring()
        wiring.dispatcher = FlowDispatcher(
            name: Self.name, client: client,
            breaker: CircuitBreaker(service: Self.name, settings: .init(failureThreshold: 50, cooldown: .milliseconds(200))))
        wiring.platforms = [source]
        if webhooks {
            wiring.endpoints = [PlatformWebhookEndpoint(name: Self.name, tenant: InboundGateway.tenant, keys: keys)]
        }
        if polling {
            let source = self.source
            wiring.services = { components, sqlStore in
                [PlatformPollingService(
                    poller: PlatformStatusPoller(
                        platform: source, tenant: InboundGateway.tenant,
                        inbox: PlatformStatusInbox(store: components.store, clock: components.clock),
                        cursors: sqlStore),
                    interval: interval, readiness: components.readiness, logger: components.logger)]
            }
        }
        return wiring
    }

    /// Registers the gateway's webhook on the sandbox and installs its key.
    @discardableResult
    func enrol(gatewayURL: String) async throws -> FlowWebhookEnrolment.Outcome {
        let enrolment = FlowWebhookEnrolment(
            client: client, callbackURL: gatewayURL + PlatformWebhookEndpoint.path(platform: Self.name),
            keyFile: keyFile)
        let (key, outcome) = try await enrolment.enrol()
        keys.install(key)
        return outcome
    }

    func close() async {
        await client.shutdown()
        try? FileManager.default.removeItem(atPath: keyFile)
    }

    /// Runs `body` with a sandbox, a gateway wired to it, and an ERP receiver subscribed to every event.
    static func run<Value: Sendable>(
        scenario: String, webhooks: Bool, polling: Bool, workers: Int = 2, requestTimeout: Duration = .seconds(10),
        _ body: @Sendable (PlatformSandbox, InboundGateway, ERPReceiver, SandboxPlatformWiring) async throws -> Value
    ) async throws -> Value {
        try await PlatformSandbox.with(try PlatformSandbox.configuration(scenario: scenario)) { sandbox in
            let platform = try SandboxPlatformWiring(sandbox: sandbox, requestTimeout: requestTimeout)
            do {
                let value = try await InboundGateway.with(
                    workers: workers, wiring: { _ in platform.wiring(webhooks: webhooks, polling: polling) }
                ) { gateway in
                    try await gateway.withoutCatalogue()
                    if webhooks { try await platform.enrol(gatewayURL: gateway.url) }
                    let erp = ERPReceiver()
                    return try await erp.serve { erpURL in
                        try await gateway.subscribe(url: erpURL)
                        return try await body(sandbox, gateway, erp, platform)
                    }
                }
                await platform.close()
                return value
            } catch {
                await platform.close()
                throw error
            }
        }
    }
}
