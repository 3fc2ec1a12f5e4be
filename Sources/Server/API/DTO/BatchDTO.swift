import Gateway

/// The answer to `POST /v1/batches`: what became of each item. Items are taken or refused one by one; a refused
/// item never loses the others.
struct BatchReceiptDTO: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        /// Position in the request, from 0.
        var index: Int
        /// `created`, `existing` (sent before: nothing new was made) or `refused`.
        var status: String
        var invoice: InvoiceDTO?
        /// Why the item was refused.
        var problem: ProblemDetails?
    }

    var id: String
    var total: Int
    var created: Int
    var existing: Int
    var refused: Int
    var items: [Item]
    var links: [String: String]
}

/// `GET /v1/batches/{id}`: how far the batch's invoices have gone.
struct BatchProgressDTO: Encodable, Sendable {
    var id: String
    /// Invoices of the batch (refused items were never invoices).
    var total: Int
    /// Invoices in a final state (held, submitted, rejected).
    var done: Int
    /// Whether every invoice is in a final state.
    var complete: Bool
    /// Invoices per state.
    var counts: [String: Int]
}
