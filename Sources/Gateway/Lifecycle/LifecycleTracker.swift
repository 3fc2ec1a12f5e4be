import EInvoice

/// The lifecycle of one invoice as a pure state machine: feed it the statuses as they arrive, in any order and
/// any number of times; it keeps the history, the current status and the payments.
///
/// Rules (docs/lifecycle.md):
/// - **Duplicate**: a status whose message id is known, or with the same code and the same timestamp as a known
///   one, is ignored (`.duplicate`): receiving a message twice is harmless.
/// - **Terminal**: 210 Refusée, 212 Encaissée, 213 Rejetée and 220 Annulée end the lifecycle. A non-terminal status
///   never replaces a terminal one (`.recorded(.afterTerminal)`). A terminal status replaces a non-terminal one
///   even when it is older; it replaces a terminal one only when it is not older.
/// - **Out of order**: otherwise a status older than the current one is kept in the history but does not move
///   the invoice backwards (`.recorded(.older)`). At equal timestamps the later arrival wins.
/// - **Payments**: every new 211/212 with amounts becomes a `PaymentRecord`, also when it arrives out of order.
public struct LifecycleTracker: Sendable, Hashable {
    /// Every distinct status received, by timestamp (then arrival).
    public private(set) var history: [ReceivedStatus] = []
    /// The status the invoice is at; nil before the first.
    public private(set) var current: ReceivedStatus?
    public private(set) var payments: PaymentLedger

    /// A tracker for an invoice of total `invoiceTotal` (BT-112) in `currency` (BT-5), replaying the statuses
    /// already known in the order they arrived.
    public init(invoiceTotal: ExactDecimal?, currency: String, known: [ReceivedStatus] = []) {
        payments = PaymentLedger(invoiceTotal: invoiceTotal, currency: currency)
        for status in known { receive(status) }
    }

    /// Takes a newly received status into account and says what was done with it.
    @discardableResult
    public mutating func receive(_ status: ReceivedStatus) -> LifecycleDecision {
        if let known = history.first(where: {
            $0.messageID == status.messageID || ($0.status == status.status && $0.timestamp == status.timestamp)
        }) {
            return .duplicate(ofMessage: known.messageID)
        }
        let position = history.firstIndex { $0.timestamp > status.timestamp } ?? history.endIndex
        history.insert(status, at: position)
        if let record = PaymentRecord(status, invoiceCurrency: payments.currency) {
            payments.add(record)
        }
        let decision = Self.decide(status, current: current)
        if decision == .applied { current = status }
        return decision
    }

    private static func decide(_ new: ReceivedStatus, current: ReceivedStatus?) -> LifecycleDecision {
        guard let current else { return .applied }
        let older = new.timestamp < current.timestamp
        switch (current.status.isTerminal, new.status.isTerminal) {
        case (true, false): return .recorded(.afterTerminal)
        case (false, true): return .applied
        default: return older ? .recorded(.older) : .applied
        }
    }

    /// Where the invoice stands.
    public var position: LifecyclePosition {
        guard let current else { return .none }
        switch current.status {
        case .disputed: return .disputed(current.reasons)
        case .refused: return .refused(current.reasons)
        case .rejected: return .rejected(current.reasons)
        case .paymentSent: return .paymentSent(payments.progress(of: .sent))
        case .paymentReceived: return .paid(payments.progress(of: .cashed))
        case .cancelled: return .cancelled
        case .routingError: return .transmission(current.status)
        default:
            return current.status.phase == .transmission ? .transmission(current.status) : .processing(current.status)
        }
    }

    /// Whether the lifecycle has ended (the current status is terminal).
    public var isFinished: Bool { current?.status.isTerminal ?? false }
}
