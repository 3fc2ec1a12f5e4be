import Gateway
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// The server and its workers as one service group.
///
/// On SIGTERM or SIGINT the group shuts its services down in reverse order: first the pipeline workers — each
/// finishes the job in hand, starts no other and hands the jobs it claimed back to the queue — and the queue
/// sampler, then the HTTP server, which stops accepting and answers the requests in flight. Workers go first so that
/// they stop claiming at once, not after the server has drained. The caller closes the store afterwards.
public enum PasserelleServer {
    /// The group: the application, then the background services (shut down first).
    public static func serviceGroup(
        components: ServerComponents, services: GatewayServices, gracefulShutdownSignals: [UnixSignal],
        additionalRoutes: @escaping @Sendable (Router<PasserelleRequestContext>) -> Void = { _ in },
        onFirstAdminKey: @escaping @Sendable (String) async -> Void = { _ in },
        onStarted: @escaping @Sendable (PasserelleApplication.Started) async -> Void,
        additionalServices: [any Service] = []
    ) throws -> ServiceGroup {
        let application = try PasserelleApplication.make(
            components: components, services: services, additionalRoutes: additionalRoutes,
            onFirstAdminKey: onFirstAdminKey, onStarted: onStarted)
        return ServiceGroup(configuration: .init(
            services: [application] + components.backgroundServices() + additionalServices,
            gracefulShutdownSignals: gracefulShutdownSignals, logger: components.logger))
    }

    /// Runs until SIGTERM or SIGINT, then releases the webhook client.
    public static func run(components: ServerComponents, services: GatewayServices,
                           onFirstAdminKey: @escaping @Sendable (String) async -> Void,
                           onStarted: @escaping @Sendable (PasserelleApplication.Started) async -> Void,
                           additionalServices: [any Service] = [],
                           additionalRoutes: @escaping @Sendable (Router<PasserelleRequestContext>) -> Void = { _ in })
        async throws
    {
        do {
            let group = try serviceGroup(
                components: components, services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                additionalRoutes: additionalRoutes, onFirstAdminKey: onFirstAdminKey, onStarted: onStarted, additionalServices: additionalServices)
            try await group.run()
        } catch {
            await components.shutdown()
            throw error
        }
        await components.shutdown()
    }
}
