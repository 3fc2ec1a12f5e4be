import AsyncHTTPClient
import Foundation
import Gateway
import Logging
import NIOSSL
import ServiceLifecycle
import Synchronization

/// Everything the server and its workers share, built once from the configuration and an opened store.
/// ``make(configuration:store:clock:dispatcher:webhooks:logger:)`` checks what can be checked before binding
/// (signing key, OpenAPI document, TLS files); ``shutdown()`` releases the webhook HTTP client.
public struct ServerComponents: Sendable {
    public let configuration: ServerConfiguration
    /// The store as the server uses it: counting into ``metrics``.
    public let store: InstrumentedStore
    public let metrics: PasserelleMetrics
    public let readiness: Readiness
    public let clock: any GatewayClock
    public let logger: Logger
    let credentials: CredentialCache
    let tokens: AccessTokens
    let audit: AuthAuditLog
    let authenticator: Authenticator
    let rateLimiter: RateLimiter
    let openAPI: [UInt8]?
    let tls: TLSConfiguration?
    let dispatcher: any DispatchPort
    let webhooks: any WebhookTransport
    /// The legal archive; nil: invoices go from render straight to dispatch and nothing is sealed.
    public let archive: (any ArchivePort)?
    /// The client behind ``webhooks`` when this value made it (and must shut it down).
    let ownedHTTPClient: HTTPClient?
    /// The directory the dispatch step asks before sending (docs/directory.md); nil: no lookup.
    public var directory: (any DirectoryPort)? = nil
    /// The platforms whose announced lifecycle flows the workers fetch (`platformStatus` jobs), by name.
    public var platforms: [String: any PlatformInboundPort] = [:]

    /// A start-up problem; the message names the setting or file.
    public struct StartupError: Error, CustomStringConvertible {
        public var description: String
    }

    /// `webhooks`: nil = HTTP delivery with AsyncHTTPClient (tests may pass their own transport).
    public static func make(
        configuration: ServerConfiguration, store: any GatewayStore, clock: any GatewayClock = SystemClock(),
        dispatcher: any DispatchPort = HoldDispatcher(), webhooks: (any WebhookTransport)? = nil,
        archive: (any ArchivePort)? = nil, logger: Logger
    ) async throws(StartupError) -> ServerComponents {
        let signingKey = try signingKey(configuration: configuration, logger: logger)
        let openAPI: [UInt8]?
        do {
            let document = try OpenAPIDocument.load(configured: configuration.server.openAPIFile)
            if let document {
                logger.debug("OpenAPI document: \(document.path)")
            } else {
                logger.warning("openapi/passerelle-v1.json not found: /openapi.json answers 404 (set server.openapi_file)")
            }
            openAPI = document?.bytes
        } catch {
            throw StartupError(description: error.description)
        }
        var tls: TLSConfiguration?
        if let certificate = configuration.server.certificateFile, let key = configuration.server.privateKeyFile {
            do {
                tls = try TLSFiles.configuration(certificate: certificate, privateKey: key)
            } catch {
                throw StartupError(description: error.description)
            }
        }
        let metrics = PasserelleMetrics()
        let instrumented = InstrumentedStore(store, metrics: metrics)
        let credentials = CredentialCache(store: instrumented, lifetime: configuration.auth.keyCacheLifetime)
        let tokens = await AccessTokens(signingKey: signingKey, lifetime: configuration.auth.tokenLifetime, clock: clock)
        let audit = AuthAuditLog(store: instrumented, clock: clock, logger: logger)
        var client: HTTPClient?
        let transport: any WebhookTransport
        if let webhooks {
            transport = webhooks
        } else {
            let made = HTTPWebhookTransport.makeClient(connectTimeout: configuration.webhooks.connectTimeout)
            client = made
            transport = HTTPWebhookTransport(client: made, timeout: configuration.webhooks.timeout)
        }
        return ServerComponents(
            configuration: configuration, store: instrumented, metrics: metrics, readiness: Readiness(), clock: clock,
            logger: logger, credentials: credentials, tokens: tokens, audit: audit,
            authenticator: Authenticator(cache: credentials, tokens: tokens),
            rateLimiter: RateLimiter(defaultRate: configuration.limits.ratePerSecond,
                                     defaultBurst: configuration.limits.rateBurst),
            openAPI: openAPI, tls: tls, dispatcher: dispatcher, webhooks: transport, archive: archive,
            ownedHTTPClient: client)
    }

    /// The configured key, else the one kept in the data directory (made on first start).
    static func signingKey(configuration: ServerConfiguration, logger: Logger) throws(StartupError) -> String {
        if let key = configuration.auth.jwtSigningKey { return key }
        if case .postgres = configuration.resolvedDatabase {
            logger.warning("auth.jwt_signing_key is not set: this node signs access tokens with its own key, which other nodes refuse; set PASSERELLE_AUTH_JWT_SIGNING_KEY on every node")
        }
        let directory = configuration.dataDirectory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StartupError(description: "data_dir: \(directory) cannot be created (\(ConfigurationLoader.reason(error)))")
        }
        do {
            return try SigningKeyFile.loadOrCreate(in: directory)
        } catch {
            throw StartupError(description: "data_dir: \(error.description)")
        }
    }

    /// The workers and the queue sampler, run beside the HTTP server.
    func backgroundServices() -> [any Service] {
        var services: [any Service] = []
        if let archive {
            services.append(ArchiveSealService(
                archive: archive, interval: configuration.archive.sealInterval, logger: logger))
        }
        services.append(
            QueueDepthSampler(store: store, metrics: metrics, readiness: readiness, interval: .seconds(5),
                              logger: logger))
        let baseID = PipelineConfiguration.defaultWorkerID()
        let workers = configuration.workers
        for index in 0..<workers.count {
            var workerLogger = logger
            workerLogger[metadataKey: "worker"] = .string("\(index + 1)")
            let pipeline = PipelineConfiguration(
                workerID: "\(baseID)/\(index + 1)", batchSize: workers.batchSize, leaseDuration: workers.lease,
                idleDelay: workers.idleDelay,
                retry: RetryPolicy(base: workers.retryBase, maximum: workers.retryMaximum))
            var context = PipelineContext(
                store: store, clock: clock, dispatcher: dispatcher, webhooks: webhooks, archive: archive,
                configuration: pipeline,
                logger: workerLogger)
            context.directory = directory
            context.platforms = platforms
            services.append(PipelineWorkerService(
                worker: PipelineWorker(context: context), readiness: readiness, name: "pipeline worker \(index + 1)"))
        }
        return services
    }

    /// Migrates, makes the first tenant when there is none, and opens `/ready`.
    func prepareDatabase(firstAdmin: FirstAdminSecret) async throws {
        logger.info("database \(store.displayName): migrating")
        try await store.migrate()
        do {
            let secret = try await Bootstrap(store: store, clock: clock).ensureFirstTenant()
            firstAdmin.set(secret)
        } catch StoreError.duplicate {
            // Another node made the first tenant at the same moment.
            logger.info("the first tenant was made by another node")
        }
        readiness.markMigrated()
        logger.info("database ready; \(configuration.workers.count) pipeline worker(s) in this process")
    }

    /// Releases the webhook HTTP client. Call once the application has stopped.
    public func shutdown() async {
        guard let ownedHTTPClient else { return }
        do {
            try await ownedHTTPClient.shutdown()
        } catch {
            logger.warning("webhook HTTP client shutdown: \(error)")
        }
    }
}

/// The first admin secret, from the migration step to the "listening" message; handed out once.
final class FirstAdminSecret: Sendable {
    private let secret = Mutex<String?>(nil)

    func set(_ value: String?) {
        secret.withLock { $0 = value }
    }

    func peek() -> String? {
        secret.withLock { $0 }
    }

    func take() -> String? {
        secret.withLock { secret in
            defer { secret = nil }
            return secret
        }
    }
}
