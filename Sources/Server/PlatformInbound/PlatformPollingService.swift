import Foundation
import Gateway
import Logging
import ServiceLifecycle

/// The polling fallback as a service of `passerelle serve`: once the database is migrated, polls the platform every
/// ``interval`` (``PlatformStatusPoller``) until the service group shuts down. A failed poll is logged and repeated
/// at the next interval; the cursor only moves after a poll that read every page.
public struct PlatformPollingService: Service, CustomStringConvertible {
    public var poller: PlatformStatusPoller
    public var interval: Duration
    public var readiness: Readiness
    public var logger: Logger

    public init(poller: PlatformStatusPoller, interval: Duration, readiness: Readiness, logger: Logger) {
        self.poller = poller
        self.interval = interval
        self.readiness = readiness
        self.logger = logger
    }

    public var description: String { "platform polling (\(poller.platform.name))" }

    public func run() async throws {
        guard await readiness.waitUntilMigrated() else { return }
        logger.info("\(description) every \(interval)")
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let outcome = try await poller.poll()
                if outcome.queued > 0 {
                    logger.info("\(description): \(outcome.queued) new lifecycle flow(s) of \(outcome.listed) listed")
                }
            } catch {
                logger.warning("\(description) failed (retried in \(interval)): \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
