import Gateway
import Hummingbird
import ServiceLifecycle

/// Runs the application until SIGTERM or SIGINT, then shuts down gracefully: the server stops accepting and
/// answers the requests in flight, each worker finishes its job and stops claiming, then the webhook client closes.
/// The caller closes the store afterwards.
public enum PasserelleServer {
    public static func run(components: ServerComponents, services: GatewayServices,
                           onFirstAdminKey: @escaping @Sendable (String) async -> Void,
                           onStarted: @escaping @Sendable (PasserelleApplication.Started) async -> Void) async throws
    {
        do {
            let application = try PasserelleApplication.make(
                components: components, services: services, onFirstAdminKey: onFirstAdminKey, onStarted: onStarted)
            try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            await components.shutdown()
            throw error
        }
        await components.shutdown()
    }
}
