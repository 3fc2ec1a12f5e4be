import ServiceLifecycle
import Synchronization

/// Start-up progress shared by the HTTP server (for `/ready`) and the workers (which wait for the migrations).
public final class Readiness: Sendable {
    private let migrated = Atomic<Bool>(false)

    public init() {}

    public var isMigrated: Bool { migrated.load(ordering: .acquiring) }

    /// Called once the schema is up to date.
    public func markMigrated() {
        migrated.store(true, ordering: .releasing)
    }

    /// Returns true once the schema is up to date, false when the task is cancelled or the service group shuts
    /// down first.
    func waitUntilMigrated() async -> Bool {
        while !isMigrated {
            if Task.isCancelled || Task.isShuttingDownGracefully { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }
}
