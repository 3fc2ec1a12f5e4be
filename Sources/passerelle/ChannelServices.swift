import Channels
import Foundation
import Gateway
import GatewayStorage
import Logging
import ServiceLifecycle

/// The file channels of `passerelle serve` as services of its group: each runs its channel at its interval and
/// stops between two runs on SIGTERM (a file being imported is finished first).
struct ChannelService: Service {
    let name: String
    let interval: Duration
    let logger: Logger
    let tick: @Sendable () async throws -> String?

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                if let note = try await tick() { logger.info("\(note)", metadata: ["channel": "\(name)"]) }
            } catch {
                logger.error("channel run failed: \(error)", metadata: ["channel": "\(name)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// Services for every channel of the runtime.
    static func services(for runtime: ChannelsRuntime, logger: Logger) -> [any Service] {
        var services: [any Service] = []
        for pickup in runtime.pickups {
            services.append(ChannelService(name: pickup.name, interval: pickup.interval, logger: logger) {
                let outcomes = try await pickup.scan()
                guard !outcomes.isEmpty else { return nil }
                return outcomes.map { outcome in
                    "\(outcome.name): \(outcome.kind)" + (outcome.path.map { " → \($0)" } ?? "")
                        + (outcome.failure.map { " (\($0))" } ?? "")
                }.joined(separator: "; ")
            })
        }
        for status in runtime.statusFiles {
            services.append(ChannelService(name: status.name, interval: status.interval, logger: logger) {
                let written = try await status.run()
                return written.isEmpty ? nil : "wrote \(written.joined(separator: ", "))"
            })
        }
        for payments in runtime.paymentFiles {
            services.append(ChannelService(name: payments.name, interval: payments.interval, logger: logger) {
                let written = try await payments.run()
                return written.isEmpty ? nil : "wrote \(written.joined(separator: ", "))"
            })
        }
        return services
    }
}

extension ServeCommand {
    /// Reads the channels file that `channels.file` names; a bad file stops start-up naming the setting.
    static func loadChannels(_ path: String?) throws -> ChannelsConfiguration? {
        guard let path else { return nil }
        do {
            return try ChannelsConfiguration.load(path: path)
        } catch {
            throw fail("channels.file: \(path): \(error)", status: 2)
        }
    }

    static func buildChannels(_ configuration: ChannelsConfiguration?, store: any GatewayStore,
                              state: SQLGatewayStore, dataDirectory: String) throws -> ChannelsRuntime?
    {
        guard let configuration, !configuration.isEmpty else { return nil }
        do {
            return try ChannelsRuntime.build(
                configuration, store: store, state: state,
                spoolFolder: (dataDirectory as NSString).appendingPathComponent("channels-spool"))
        } catch {
            throw fail("channels.file: \(error)", status: 2)
        }
    }
}
