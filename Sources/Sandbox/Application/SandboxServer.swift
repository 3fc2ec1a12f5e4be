import AsyncHTTPClient
import FacturX
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import ServiceLifecycle

/// Runs the sandbox: the HTTP(S) server with the Flow, Directory, token and admin routes, the webhook sender and
/// the lifecycle timer, until SIGTERM/SIGINT (in the CLI) or until the calling task is cancelled (in tests).
public enum SandboxServer {
    /// What the caller learns once the server listens.
    public struct Started: Sendable {
        /// `http://127.0.0.1:PORT` or `https://…`: append `/flow-service`, `/directory-service`, `/auth-service/token`.
        public var url: String
        public var port: Int
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Stops a running sandbox gracefully (answers in flight finish, hanging faults are released).
    public final class Stopper: Sendable {
        private let stream: AsyncStream<Void>
        private let continuation: AsyncStream<Void>.Continuation

        public init() { (stream, continuation) = AsyncStream.makeStream(of: Void.self) }

        public func stop() { continuation.finish() }

        func wait() async {
            for await _ in stream {}
        }
    }

    public static func run(_ configuration: SandboxConfiguration, logger: Logger = Logger(label: "sandbox"),
                           handlesSignals: Bool = false, stopper: Stopper? = nil,
                           onStarted: @escaping @Sendable (Started) async -> Void) async throws {
        guard !configuration.clients.isEmpty else {
            throw Failure(description: "no client: give at least one client id and secret")
        }
        let clock = SandboxClock(start: configuration.startDate ?? Date(), scale: configuration.timeScale)
        let platform = SandboxPlatform(clock: clock, scenario: configuration.scenario, seed: configuration.seed,
                                       directory: configuration.directory, platform: configuration.platform)
        let faults = FaultController(settings: configuration.faults, seed: configuration.seed)
        var clientConfiguration = HTTPClient.Configuration(redirectConfiguration: .disallow,
                                                           timeout: .init(connect: .seconds(5), read: .seconds(10)))
        clientConfiguration.httpVersion = .http1Only
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let dispatcher = WebhookDispatcher(client: client, faults: faults)
        let queue = WebhookQueue()
        let issuer = await TokenIssuer(clients: configuration.clients,
                                       lifetimeSeconds: configuration.tokenLifetimeSeconds)
        let router = Router(context: SandboxContext.self)
        router.add(middleware: BearerMiddleware(issuer: issuer))
        router.add(middleware: FaultMiddleware(faults: faults))
        TokenRoutes(issuer: issuer).register(on: router)
        FlowRoutes(platform: platform, queue: queue, documents: FlowDocuments(pdfWriter: try? FacturXWriter()),
                   maximumFlowBytes: configuration.maximumFlowBytes).register(on: router)
        DirectoryRoutes(directory: configuration.directory).register(on: router)
        AdminRoutes(platform: platform, clock: clock, queue: queue, dispatcher: dispatcher, faults: faults,
                    snapshotPath: configuration.snapshotPath).register(on: router)
        if let chorusPro = configuration.chorusPro {
            ChorusProRoutes(platform: ChorusProPlatform(clock: clock, settings: chorusPro), settings: chorusPro)
                .register(on: router)
        }

        var server = HTTPServerBuilder.http1()
        let scheme: String
        if let certificate = configuration.tlsCertificatePath, let key = configuration.tlsPrivateKeyPath {
            server = try .tls(.http1(), tlsConfiguration: try tls(certificate: certificate, key: key))
            scheme = "https"
        } else {
            scheme = "http"
        }
        let host = configuration.host
        let application = Application(
            router: router, server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port),
                                                    serverName: "Passerelle-Sandbox"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                await onStarted(Started(url: "\(scheme)://\(host.contains(":") ? "[\(host)]" : host):\(port)",
                                        port: port))
            },
            logger: logger)
        var services: [any Service] = [application, WebhookService(queue: queue, dispatcher: dispatcher),
                                       FaultReleaser(faults: faults)]
        if configuration.timeScale > 0 {
            services.append(LifecycleTicker(platform: platform, queue: queue, interval: configuration.tickInterval))
        }
        let group = ServiceGroup(configuration: .init(
            services: services, gracefulShutdownSignals: handlesSignals ? [.sigterm, .sigint] : [], logger: logger))
        do {
            // The server group's end ends the run; the stopper only asks it to shut down gracefully.
            try await withThrowingTaskGroup(of: Bool.self) { tasks in
                tasks.addTask {
                    try await group.run()
                    return true
                }
                if let stopper {
                    tasks.addTask {
                        await stopper.wait()
                        if !Task.isCancelled { await group.triggerGracefulShutdown() }
                        return false
                    }
                }
                while let serverEnded = try await tasks.next() {
                    if serverEnded { tasks.cancelAll() }
                }
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()
    }

    static func tls(certificate: String, key: String) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate)
        } catch {
            throw Failure(description: "--tls-cert \(certificate): not a readable PEM certificate chain (\(error))")
        }
        guard !chain.isEmpty else { throw Failure(description: "--tls-cert \(certificate): no certificate in it") }
        let privateKey: NIOSSLPrivateKey
        do {
            privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
        } catch {
            throw Failure(description: "--tls-key \(key): not a readable PEM private key (\(error))")
        }
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                        privateKey: .privateKey(privateKey))
    }
}
