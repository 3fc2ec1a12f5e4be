import Synchronization

/// The fault settings in force (changed at run time by `PUT /sandbox/faults`), the seeded draws, and the requests
/// kept hanging, released at shutdown.
final class FaultController: Sendable {
    private let settings: Mutex<FaultSettings>
    private let random: SharedRandom
    private let hanging = Mutex<[Int: CheckedContinuation<Void, Never>]>([:])
    private let nextHang = Mutex<Int>(0)
    private let released = Mutex<Bool>(false)

    init(settings: FaultSettings, seed: UInt64) {
        self.settings = Mutex(settings)
        self.random = SharedRandom(seed: seed ^ 0xFA17)
    }

    var current: FaultSettings { settings.withLock { $0 } }

    func replace(_ new: FaultSettings) { settings.withLock { $0 = new } }

    /// One seeded draw against the rate of `field`.
    func decide(_ field: KeyPath<FaultSettings, Double>) -> Bool {
        random.chance(current[keyPath: field])
    }

    func coin() -> Bool { random.chance(0.5) }

    func latencyMilliseconds() -> Int {
        let settings = current
        return random.uniform(settings.latencyMinMs...max(settings.latencyMinMs, settings.latencyMaxMs))
    }

    /// Waits until `seconds` pass or the sandbox shuts down.
    func hang(seconds: Int) async {
        let id = nextHang.withLock { value in
            value += 1
            return value
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                await withCheckedContinuation { continuation in
                    let alreadyReleased = released.withLock { $0 }
                    if alreadyReleased {
                        continuation.resume()
                    } else {
                        hanging.withLock { $0[id] = continuation }
                    }
                }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
            }
            await group.next()
            resume(id)
            group.cancelAll()
        }
    }

    private func resume(_ id: Int) {
        hanging.withLock { $0.removeValue(forKey: id) }?.resume()
    }

    /// Ends every hanging request (shutdown).
    func releaseAll() {
        released.withLock { $0 = true }
        let waiting = hanging.withLock { table in
            let all = Array(table.values)
            table.removeAll()
            return all
        }
        for continuation in waiting { continuation.resume() }
    }
}
