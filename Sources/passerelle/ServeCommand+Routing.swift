import Foundation
import Gateway
import Logging
import Server

extension ServeCommand {
    /// The dispatcher of `serve`: with a `routing:` section in the configuration file, a ``RoutingDispatcher`` over
    /// the configured platform ports (`ports`, by the names the routing uses); without one, `fallback`.
    /// A routing error (bad file, unknown target) stops start-up with exit status 2.
    static func routedDispatcher(configFile: String?, ports: [String: any DispatchPort],
                                 fallback: any DispatchPort, logger: Logger) throws -> any DispatchPort
    {
        guard let path = configFile ?? ProcessInfo.processInfo.environment[ConfigurationLoader.configFileVariable],
            !path.isEmpty
        else { return fallback }
        let policy: RoutingPolicy?
        do {
            policy = try RoutingFile.load(configFile: path)
        } catch {
            throw fail(error.description, status: 2)
        }
        guard let policy else { return fallback }
        do {
            let dispatcher = try RoutingDispatcher(policy: policy, ports: ports)
            let summary = "routing: \(policy.shared == nil ? "no shared table" : "a shared table"), "
                + "\(policy.tenants.count) tenant table(s)\(policy.dryRun ? ", dry run: nothing is sent" : "")"
            logger.info("\(summary)")
            return dispatcher
        } catch {
            throw fail("routing: \(error.description)", status: 2)
        }
    }
}
