import EInvoice
import Foundation

/// One invoice of a batch handed to intake.
public struct IntakeItem: Sendable {
    public var request: IntakeRequest
    /// The invoice the payload encodes as canonical JSON, when the caller holds it (a file channel that built it):
    /// intake then takes it as it is instead of decoding the payload again. Nil: the payload is read.
    public var invoice: Invoice?

    public init(request: IntakeRequest, invoice: Invoice? = nil) {
        self.request = request
        self.invoice = invoice
    }
}

extension IntakeService {
    /// A request read into its record, ready to be stored.
    struct PreparedItem: Sendable {
        var request: IntakeRequest
        var prepared: Prepared
    }

    /// Takes several invoices in one store transaction (file channels: one commit for many invoices instead of one
    /// each). Each invoice keeps its own outcome: one that is unreadable, lacks its identity or conflicts with a
    /// stored invoice is refused alone (nothing of it is written) and never holds back the others. When the batch
    /// loses a race with another writer (a unique key taken meanwhile), its invoices are taken again one at a
    /// time, exactly as ``receive(_:)`` would. The results are in the order of `items`.
    public func receive(batch items: [IntakeItem]) async throws -> [Result<IntakeOutcome, IntakeError>] {
        var results: [Result<IntakeOutcome, IntakeError>?] = Array(repeating: nil, count: items.count)
        var prepared: [(index: Int, item: PreparedItem)] = []
        for (index, item) in items.enumerated() {
            do {
                prepared.append((index, PreparedItem(
                    request: item.request, prepared: try prepare(item.request, invoice: item.invoice))))
            } catch {
                results[index] = .failure(error)
            }
        }
        let stored = try await storeGroup(prepared.map(\.item))
        for ((index, _), result) in zip(prepared, stored) { results[index] = result }
        return results.map { $0 ?? .failure(.unreadable(format: nil, message: "not processed")) }
    }

    /// Stores read invoices in one transaction; the results are in the order of `items`. See
    /// ``receive(batch:)``.
    func storeGroup(_ items: [PreparedItem]) async throws -> [Result<IntakeOutcome, IntakeError>] {
        do {
            return try await store.transaction { transaction in
                try await writeGroup(items, in: transaction)
            }
        } catch StoreError.duplicate {
            var single: [Result<IntakeOutcome, IntakeError>] = []
            for item in items {
                do {
                    single.append(.success(try await receive(prepared: item)))
                } catch let error as IntakeError {
                    single.append(.failure(error))
                }
            }
            return single
        }
    }
}
