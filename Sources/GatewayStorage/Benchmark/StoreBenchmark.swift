import Foundation
import Gateway
import Synchronization

/// A micro-benchmark of the store under intake load, for `passerelle bench` and Benchmarks/README.md: many tasks
/// run the intake transaction (the same statements as ``IntakeService``: two lookups, invoice, original document,
/// event, change-feed entry, subscriptions, check job) with fresh invoices, and the run reports throughput and
/// latency. Payload parsing is not included: it measures the database path only.
public enum StoreBenchmark {
    public struct Report: Sendable, CustomStringConvertible {
        public var store: String
        public var transactions: Int
        public var concurrency: Int
        public var seconds: Double
        public var p50Milliseconds: Double
        public var p99Milliseconds: Double

        public var transactionsPerSecond: Double { seconds > 0 ? Double(transactions) / seconds : 0 }

        public var description: String {
            let rate = Int(transactionsPerSecond.rounded())
            return "\(store): \(transactions) intake transactions, \(concurrency) concurrent: \(rate)/s, "
                + "p50 \(format(p50Milliseconds)) ms, p99 \(format(p99Milliseconds)) ms"
        }

        private func format(_ value: Double) -> String { String(format: "%.2f", value) }
    }

    /// Runs `transactions` intake transactions, `concurrency` at a time, for `tenant` (created when missing).
    /// `payloadBytes` is the size of the stored original (a typical CII invoice is 5–20 KB).
    public static func intake(store: any GatewayStore, transactions: Int = 10_000, concurrency: Int = 64,
                              tenant: TenantID = TenantID("bench"), payloadBytes: Int = 8_000) async throws -> Report
    {
        let now = Date()
        try await store.transaction { transaction in
            if try await transaction.tenant(tenant) == nil {
                try await transaction.insertTenant(Tenant(id: tenant, name: "Benchmark", createdAt: now))
            }
        }
        let payload = (0..<payloadBytes).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 60) }
        let run = UUID().uuidString.prefix(8).lowercased()
        let events = EventRecorder(clock: SystemClock())
        let next = Counter()
        let start = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for _ in 0..<max(1, concurrency) {
                group.addTask {
                    var latencies: [Duration] = []
                    while let index = next.take(below: transactions) {
                        let began = ContinuousClock.now
                        try await intakeTransaction(
                            store: store, events: events, tenant: tenant, number: "BENCH-\(run)-\(index)",
                            payload: payload)
                        latencies.append(ContinuousClock.now - began)
                    }
                    return latencies
                }
            }
            var all: [Duration] = []
            for try await part in group { all += part }
            return all.sorted()
        }
        let elapsed = ContinuousClock.now - start
        func percentile(_ fraction: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let index = min(latencies.count - 1, Int(Double(latencies.count) * fraction))
            return milliseconds(latencies[index])
        }
        return Report(store: store.displayName, transactions: latencies.count, concurrency: concurrency,
                      seconds: milliseconds(elapsed) / 1000, p50Milliseconds: percentile(0.5),
                      p99Milliseconds: percentile(0.99))
    }

    static func intakeTransaction(store: any GatewayStore, events: EventRecorder, tenant: TenantID, number: String,
                                  payload: [UInt8]) async throws {
        let now = Date()
        let sha = Hashing.sha256Hex(Array(number.utf8))
        let record = InvoiceRecord(
            id: .make(), tenant: tenant, state: .received, documentKey: DocumentKey(seller: "123456782", year: 2026, number: number),
            idempotencyKey: "idem-" + number, payloadSHA256: sha, sourceFormat: .cii, issueDate: nil,
            buyerName: "Compagnie Cliente SA", customerCode: "CUST-1", currencyCode: "EUR", totalWithVAT: nil,
            createdAt: now, updatedAt: now)
        try await store.transaction { transaction in
            if let key = record.idempotencyKey, try await transaction.invoice(idempotencyKey: key, tenant: tenant) != nil {
                return
            }
            if try await transaction.invoice(documentKey: record.documentKey, tenant: tenant) != nil { return }
            try await transaction.insertInvoice(record)
            try await transaction.putDocument(StoredDocument(
                tenant: tenant, invoiceID: record.id, kind: .original, mediaType: "application/xml", bytes: payload,
                sha256: sha, createdAt: now))
            try await events.record(
                InvoiceEvent(tenant: tenant, invoiceID: record.id, type: "invoice.received", state: .received,
                             dedupKey: "received", actor: "bench", message: "Invoice \(number) received", occurredAt: now),
                record: record, in: transaction)
            try await transaction.enqueue(NewJob(tenant: tenant, kind: .check, invoiceID: record.id, runAt: now))
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

/// Hands out indexes 0..<limit to concurrent tasks.
private final class Counter: Sendable {
    private let value = Mutex(0)

    func take(below limit: Int) -> Int? {
        value.withLock { current in
            guard current < limit else { return nil }
            defer { current += 1 }
            return current
        }
    }
}
