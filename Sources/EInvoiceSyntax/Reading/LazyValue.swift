import Synchronization

/// A value computed on first use, once, and shared by every copy of what holds it (thread-safe). Reading an
/// invoice records what a conversion could not carry over, but only `convert` and `inspect` look at it: the
/// XPaths are built when asked for.
final class LazyValue<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let cache = Mutex<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    init(value: Value) {
        make = { value }
    }

    var value: Value {
        cache.withLock { cached in
            if let cached { return cached }
            let made = make()
            cached = made
            return made
        }
    }
}
