import Gateway
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle

/// Builds the Hummingbird application: the router with its middlewares in order, the public routes, the token
/// endpoint and the v1 API, HTTP or HTTPS. The workers run beside it in ``PasserelleServer/serviceGroup``.
public enum PasserelleApplication {
    /// What the caller learns once the server listens.
    public struct Started: Sendable {
        /// `http://127.0.0.1:8080` (the real port when 0 was asked).
        public var url: String
        public var port: Int
        /// The first admin API key when this start made the first tenant; shown once, stored hashed.
        public var firstAdminSecret: String?
    }

    /// The router. Middlewares apply to the routes registered after them, so they all come first, outermost first:
    /// request id, log, metrics, body limits, authentication, rate limit, error mapping.
    static func router(components: ServerComponents, services: GatewayServices,
                       additionalRoutes: @Sendable (Router<PasserelleRequestContext>) -> Void) -> Router<PasserelleRequestContext>
    {
        let router = Router(context: PasserelleRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: RequestMetricsMiddleware(metrics: components.metrics))
        router.add(middleware: BodyLimitMiddleware(limits: components.configuration.limits))
        router.add(middleware: AuthenticationMiddleware(
            authenticator: components.authenticator, audit: components.audit, metrics: components.metrics))
        router.add(middleware: RateLimitMiddleware(limiter: components.rateLimiter, metrics: components.metrics))
        router.add(middleware: ErrorMappingMiddleware())
        PublicRoutes(store: components.store, readiness: components.readiness, metrics: components.metrics,
                     openAPI: components.openAPI).register(on: router)
        OAuthTokenRoute(cache: components.credentials, tokens: components.tokens, audit: components.audit,
                        metrics: components.metrics).register(on: router)
        APIRoutes.register(on: router, services: services)
        additionalRoutes(router)
        return router
    }

    /// The application. Before the server accepts connections it migrates the database and
    /// makes the first tenant when there is none. `onFirstAdminKey` gets that tenant's admin secret at once — before
    /// binding, so that a start that then fails (port taken) does not lose it; `onStarted` is called once the server
    /// listens. `additionalRoutes` adds routes behind the same middlewares (for embedding and tests).
    public static func make(
        components: ServerComponents, services: GatewayServices,
        additionalRoutes: @Sendable (Router<PasserelleRequestContext>) -> Void = { _ in },
        onFirstAdminKey: @escaping @Sendable (String) async -> Void = { _ in },
        onStarted: @escaping @Sendable (Started) async -> Void
    ) throws -> some ApplicationProtocol {
        let configuration = components.configuration
        var server = HTTPServerBuilder.http1()
        if let tls = components.tls {
            server = try .tls(.http1(), tlsConfiguration: tls)
        }
        let firstAdmin = FirstAdminSecret()
        var application = Application(
            router: router(components: components, services: services, additionalRoutes: additionalRoutes),
            server: server,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.server.host, port: configuration.server.port),
                serverName: "Passerelle"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.server.port
                let scheme = components.tls == nil ? "http" : "https"
                let host = configuration.server.host.contains(":") ? "[\(configuration.server.host)]"
                    : configuration.server.host
                await onStarted(Started(url: "\(scheme)://\(host):\(port)", port: port,
                                        firstAdminSecret: firstAdmin.take()))
            },
            logger: components.logger)
        application.beforeServerStarts {
            try await components.prepareDatabase(firstAdmin: firstAdmin)
            if let secret = firstAdmin.peek() { await onFirstAdminKey(secret) }
        }
        return application
    }
}
