import Foundation
import Gateway
import SFTP

/// The channels of a ``ChannelsConfiguration``, built and ready to run: one ``PickupChannel`` per pick-up, one
/// ``StatusFileChannel`` per status-file channel, one ``PaymentFileChannel`` per payment-file channel, and one reconnecting SFTP client per server they use.
public struct ChannelsRuntime: Sendable {
    public var pickups: [PickupChannel] = []
    public var statusFiles: [StatusFileChannel] = []
    public var paymentFiles: [PaymentFileChannel] = []
    public var sftpClients: [ReconnectingSFTPClient] = []

    /// - Parameters:
    ///   - store: where invoices go (intake).
    ///   - state: fingerprints and cursors, shared by every node on the database.
    ///   - spoolFolder: local folder for SFTP downloads (one sub-folder per channel).
    public static func build(_ configuration: ChannelsConfiguration, store: any GatewayStore,
                             state: any ChannelStateStore, spoolFolder: String,
                             clock: any GatewayClock = SystemClock()) throws -> ChannelsRuntime
    {
        var runtime = ChannelsRuntime()
        var clients: [String: ReconnectingSFTPClient] = [:]
        func folder(_ location: ChannelsConfiguration.Location) throws -> any ChannelFolder {
            switch location {
            case .local(let path):
                return LocalChannelFolder(root: path)
            case .sftp(let serverName, let path):
                guard let server = configuration.sftp[serverName] else {
                    throw ChannelsConfigurationError("sftp", "no server \"\(serverName)\"")
                }
                if let client = clients[serverName] { return SFTPChannelFolder(client: client, root: path) }
                let client = ReconnectingSFTPClient(settings: try settings(server))
                clients[serverName] = client
                runtime.sftpClients.append(client)
                return SFTPChannelFolder(client: client, root: path)
            }
        }
        for pickup in configuration.pickups {
            var mapping: ERPMapping
            do {
                mapping = try ERPMapping.load(path: pickup.mappingPath)
            } catch {
                throw ChannelsConfigurationError("pickup \(pickup.name).mapping", "\(pickup.mappingPath): \(error)")
            }
            if let policy = pickup.policy { mapping.policy = policy }
            let source = try folder(pickup.location)
            if case .local(let path) = pickup.location {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            }
            let worker = PickupWorker(
                folder: source, completion: pickup.completion,
                fingerprints: StoreFingerprintRegistry(store: state, channel: pickup.name, tenant: pickup.tenant,
                                                       clock: clock),
                spool: (spoolFolder as NSString).appendingPathComponent(pickup.name))
            let importer = FileImporter(mapping: mapping, tenant: pickup.tenant, actor: "channel:\(pickup.name)",
                                        store: store, clock: clock)
            let acknowledgements = try pickup.acknowledgements.map { (folder: try folder($0.location), format: $0.format) }
            runtime.pickups.append(PickupChannel(
                name: pickup.name, interval: pickup.interval, worker: worker, importer: importer,
                acknowledgements: acknowledgements, state: state, tenant: pickup.tenant, clock: clock,
                recoverAfter: pickup.recoverAfter))
        }
        for status in configuration.statusFiles {
            runtime.statusFiles.append(StatusFileChannel(
                name: status.name, tenant: status.tenant, state: state, outbox: try folder(status.destination.location),
                format: status.destination.format, interval: status.interval, maximumRows: status.maximumRows,
                clock: clock))
        }
        for payments in configuration.paymentFiles {
            runtime.paymentFiles.append(PaymentFileChannel(
                name: payments.name, tenant: payments.tenant, state: state,
                outbox: try folder(payments.destination.location), format: payments.destination.format,
                interval: payments.interval, maximumRows: payments.maximumRows, clock: clock))
        }
        return runtime
    }

    static func settings(_ server: ChannelsConfiguration.SFTPServer) throws -> SFTPConnectionSettings {
        let authentication: SFTPAuthentication
        switch server.login {
        case .password(let password): authentication = .password(password)
        case .keyFile(let path):
            do {
                authentication = try .privateKeyFile(path)
            } catch {
                throw ChannelsConfigurationError("sftp.\(server.name).key", "\(path): \(error)")
            }
        }
        return SFTPConnectionSettings(
            host: server.host, port: server.port, username: server.user, authentication: authentication,
            hostKeyPolicy: .knownHosts(path: server.knownHosts), requestTimeout: server.timeout)
    }

    /// Closes the SFTP connections.
    public func close() async {
        for client in sftpClients { await client.close() }
    }
}
