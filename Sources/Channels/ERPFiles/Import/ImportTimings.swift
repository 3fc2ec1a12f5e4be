import Foundation

/// Where an import's time goes, for benchmarks: reading and building invoices (the reader's loop), encoding them to
/// canonical JSON, and storing them (intake's transactions). Encoding and storing run in parallel batches, so their
/// sums can exceed the wall time.
public actor ImportTimings {
    public private(set) var reading: Duration = .zero
    public private(set) var encoding: Duration = .zero
    public private(set) var storing: Duration = .zero
    public private(set) var transactions = 0

    public init() {}

    func add(reading: Duration = .zero, encoding: Duration = .zero, storing: Duration = .zero, transactions: Int = 0) {
        self.reading += reading
        self.encoding += encoding
        self.storing += storing
        self.transactions += transactions
    }
}
