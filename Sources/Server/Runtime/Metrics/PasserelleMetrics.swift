import Metrics
import Foundation
import Gateway
import Prometheus
import Synchronization

/// The gateway's metrics, recorded through swift-metrics into one Prometheus registry per server and exposed at
/// `/metrics`. One registry per instance (not the global `MetricsSystem`) keeps servers in one process — tests —
/// apart.
///
/// Names:
/// - `passerelle_http_requests_total{method,route,status}` and `passerelle_http_request_duration_seconds{…}`
/// - `passerelle_invoices_received_total`
/// - `passerelle_jobs_completed_total{kind}`, `passerelle_jobs_failed_total{kind}` (will retry),
///   `passerelle_jobs_parked_total{kind}`
/// - `passerelle_jobs_queue{state}` (pending, running, parked; sampled, capped at ``QueueDepthSampler/cap``)
/// - `passerelle_auth_failures_total{reason}`, `passerelle_rate_limited_total`
public final class PasserelleMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    private let counters = Mutex<[String: CoreMetrics.Counter]>([:])
    private let timers = Mutex<[String: CoreMetrics.Timer]>([:])

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .seconds(2), .seconds(5), .seconds(10),
        ]
        self.factory = factory
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }

    func request(method: String, route: String, status: Int, duration: Duration) {
        let dimensions = [("method", method), ("route", route), ("status", String(status))]
        counter("passerelle_http_requests_total", dimensions).increment()
        let (seconds, attoseconds) = duration.components
        timer("passerelle_http_request_duration_seconds", dimensions)
            .recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    func invoicesReceived(_ count: Int) {
        counter("passerelle_invoices_received_total", []).increment(by: count)
    }

    func jobCompleted(_ kind: JobKind?) {
        counter("passerelle_jobs_completed_total", [("kind", kind?.rawValue ?? "unknown")]).increment()
    }

    func jobFailed(_ kind: JobKind?) {
        counter("passerelle_jobs_failed_total", [("kind", kind?.rawValue ?? "unknown")]).increment()
    }

    func jobParked(_ kind: JobKind?) {
        counter("passerelle_jobs_parked_total", [("kind", kind?.rawValue ?? "unknown")]).increment()
    }

    func queue(_ state: JobState, count: Int) {
        CoreMetrics.Gauge(label: "passerelle_jobs_queue", dimensions: [("state", state.rawValue)], factory: factory)
            .record(count)
    }

    func authFailure(_ reason: String) {
        counter("passerelle_auth_failures_total", [("reason", reason)]).increment()
    }

    func rateLimited() {
        counter("passerelle_rate_limited_total", []).increment()
    }

    /// Metric objects are made once per label set: making one looks the registry up under its lock.
    private func counter(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Counter {
        let key = Self.key(label, dimensions)
        return counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = CoreMetrics.Counter(label: label, dimensions: dimensions, factory: factory)
            counters[key] = counter
            return counter
        }
    }

    private func timer(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Timer {
        let key = Self.key(label, dimensions)
        return timers.withLock { timers in
            if let timer = timers[key] { return timer }
            let timer = CoreMetrics.Timer(label: label, dimensions: dimensions, factory: factory)
            timers[key] = timer
            return timer
        }
    }

    private static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        label + dimensions.map { "|\($0.0)=\($0.1)" }.joined()
    }
}
