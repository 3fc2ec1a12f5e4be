import Foundation
import Gateway
import GatewayStorage
import Testing

/// Throughput runs, only with `PASSERELLE_BENCH=1` (build in release: see Benchmarks/README.md). They print their
/// figures and check that every transaction committed; they assert no timing.
@Suite("Store benchmark runs", .enabled(if: ProcessInfo.processInfo.environment["PASSERELLE_BENCH"] == "1"))
struct StoreBenchmarkRuns {
    static var transactions: Int {
        Int(ProcessInfo.processInfo.environment["PASSERELLE_BENCH_TRANSACTIONS"] ?? "") ?? 20_000
    }

    static var concurrency: Int {
        Int(ProcessInfo.processInfo.environment["PASSERELLE_BENCH_CONCURRENCY"] ?? "") ?? 64
    }

    @Test(arguments: TestBackend.all)
    func intakeTransactions(backend: TestBackend) async throws {
        try await backend.withStore(maximumConnections: 32) { store in
            let report = try await StoreBenchmark.intake(
                store: store, transactions: Self.transactions, concurrency: Self.concurrency)
            print("BENCH store-intake \(backend.rawValue): \(report)")
            let counts = try await store.transaction { try await $0.invoiceCountsByState(tenant: TenantID("bench"), batchID: nil) }
            #expect(counts[.received] == Self.transactions)
        }
    }

    /// The whole IntakeService (read the CII payload, one transaction) with distinct invoices.
    @Test(arguments: TestBackend.all)
    func intakeService(backend: TestBackend) async throws {
        try await backend.withStore(maximumConnections: 32) { store in
            let count = Self.transactions / 4
            let payloads = (0..<count).map { Payloads.cii(number: "SVC-\($0)", lines: 5) }
            let intake = IntakeService(store: store)
            let next = Locked(0)
            let start = ContinuousClock.now
            let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
                for _ in 0..<Self.concurrency {
                    group.addTask {
                        var latencies: [Duration] = []
                        while true {
                            let index = next.increment()
                            guard index < count else { return latencies }
                            let began = ContinuousClock.now
                            _ = try await intake.receive(IntakeRequest(
                                tenant: Fixtures.tenantA, payload: payloads[index], idempotencyKey: "svc-\(index)", actor: "bench"))
                            latencies.append(ContinuousClock.now - began)
                        }
                    }
                }
                var all: [Duration] = []
                for try await part in group { all += part }
                return all.sorted()
            }
            let seconds = Double((ContinuousClock.now - start).components.attoseconds) / 1e18
                + Double((ContinuousClock.now - start).components.seconds)
            let p99 = latencies[min(latencies.count - 1, latencies.count * 99 / 100)]
            let p50 = latencies[latencies.count / 2]
            print("BENCH intake-service \(backend.rawValue): \(count) invoices of \(payloads[0].count) bytes, \(Self.concurrency) concurrent: \(Int(Double(count) / seconds))/s, p50 \(p50), p99 \(p99)")
            let counts = try await store.transaction { try await $0.invoiceCountsByState(tenant: Fixtures.tenantA, batchID: nil) }
            #expect(counts[.received] == count)
        }
    }
}
