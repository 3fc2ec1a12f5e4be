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
    /// Takes several invoices in one store transaction (file channels: one commit for many invoices instead of one
    /// each). Each invoice keeps its own outcome: one that is unreadable, lacks its identity or conflicts with a
    /// stored invoice is refused alone (nothing of it is written) and never holds back the others. When the batch
    /// loses a race with another writer (a unique key taken meanwhile), its invoices are taken again one at a
    /// time, exactly as ``receive(_:)`` would. The results are in the order of `items`.
    public func receive(batch items: [IntakeItem]) async throws -> [Result<IntakeOutcome, IntakeError>] {
        var results: [Result<IntakeOutcome, IntakeError>?] = Array(repeating: nil, count: items.count)
        var prepared: [(index: Int, prepared: Prepared)] = []
        for (index, item) in items.enumerated() {
            do {
                prepared.append((index, try prepare(item.request, invoice: item.invoice)))
            } catch {
                results[index] = .failure(error)
            }
        }
        let stored: [(Int, Result<IntakeOutcome, IntakeError>)]
        do {
            stored = try await store.transaction { [prepared] transaction in
                var outcomes: [(Int, Result<IntakeOutcome, IntakeError>)] = []
                outcomes.reserveCapacity(prepared.count)
                for (index, item) in prepared {
                    let request = items[index].request
                    do {
                        // Only reads before the check: a conflict leaves nothing of this invoice behind.
                        if let existing = try await existingOutcome(for: item.record, in: transaction) {
                            outcomes.append((index, .success(existing)))
                            continue
                        }
                    } catch let error as IntakeError {
                        outcomes.append((index, .failure(error)))
                        continue
                    }
                    let outcome = try await write(item.record, payload: request.payload, references: item.references,
                                                  request: request, in: transaction)
                    outcomes.append((index, .success(outcome)))
                }
                return outcomes
            }
        } catch StoreError.duplicate {
            var single: [(Int, Result<IntakeOutcome, IntakeError>)] = []
            for (index, _) in prepared {
                do {
                    single.append((index, .success(try await receive(items[index].request))))
                } catch let error as IntakeError {
                    single.append((index, .failure(error)))
                }
            }
            stored = single
        }
        for (index, result) in stored { results[index] = result }
        return results.map { $0 ?? .failure(.unreadable(format: nil, message: "not processed")) }
    }
}
