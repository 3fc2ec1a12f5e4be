import Channels
import Gateway
import GatewayStorage
import Logging
import Server

/// The Directory Service lookup before sending, wired into `passerelle serve` (docs/directory.md).
extension ServeCommand {
    /// The client's configuration when `directory.url` is set; exit status 2 when the rest is missing.
    static func directoryClient(_ settings: ServerConfiguration.DirectorySettings) throws
        -> DirectoryClientConfiguration?
    {
        do {
            return try DirectoryLookupCommand.clientConfiguration(settings)
        } catch {
            throw fail("\(error)", status: 2)
        }
    }

    /// The client behind the store-backed cache (shared by the nodes), or nil: no lookup.
    static func cachedDirectory(_ client: DirectoryClientConfiguration?,
                                _ settings: ServerConfiguration.DirectorySettings, cache: SQLGatewayStore,
                                clock: any GatewayClock, logger: Logger) -> (any DirectoryPort)?
    {
        guard let client else { return nil }
        logger.info("directory: buyers are looked up at \(client.directoryURL) before sending")
        return CachedDirectory(
            directory: DirectoryClient(configuration: client), cache: cache, clock: clock,
            policy: DirectoryCachePolicy(foundLifetime: seconds(settings.foundLifetime),
                                         notFoundLifetime: seconds(settings.notFoundLifetime)))
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
