import EInvoice
import EInvoiceSyntax

/// One status of an invoice as it reached us: the tracker's input.
public struct ReceivedStatus: Sendable, Hashable {
    /// The message's identifier (CDAR MDT-4): receiving the same message twice changes nothing.
    public var messageID: String
    public var status: LifecycleStatus
    /// When the status took effect, as the message says (not when it arrived).
    public var timestamp: LifecycleDateTime
    public var reasons: [StatusReason]
    /// For 211/212: the amounts paid or cashed.
    public var amounts: [StatusAmount]

    public init(
        messageID: String, status: LifecycleStatus, timestamp: LifecycleDateTime, reasons: [StatusReason] = [],
        amounts: [StatusAmount] = []
    ) {
        self.messageID = messageID
        self.status = status
        self.timestamp = timestamp
        self.reasons = reasons
        self.amounts = amounts
    }

    /// The status a CDAR message carries.
    public init(_ message: CDARMessage) {
        self.init(
            messageID: message.messageID, status: message.status, timestamp: message.statusDateTime,
            reasons: message.reasons, amounts: message.amounts)
    }
}

/// What the tracker did with a received status.
public enum LifecycleDecision: Sendable, Hashable {
    /// The status is new and is now the invoice's current status.
    case applied
    /// Already known (same message id, or same code at the same time): ignored, nothing changed.
    case duplicate(ofMessage: String)
    /// New, kept in the history (and its payment counted), but the current status stays as it was.
    case recorded(LifecycleRecordedReason)
}

public enum LifecycleRecordedReason: Sendable, Hashable {
    /// The status is older than the current one: it must not move the invoice backwards.
    case older
    /// The invoice already reached a terminal status (refused, rejected, cashed, cancelled); a non-terminal
    /// status never replaces it.
    case afterTerminal
}

/// Where an invoice stands in its lifecycle.
public enum LifecyclePosition: Sendable, Hashable {
    /// No status yet.
    case none
    /// In the hands of the platforms: 200, 201, 202, 203 (and 221).
    case transmission(LifecycleStatus)
    /// In the hands of the buyer or the seller: 204, 205, 206, 208, 209, 214, 224…228 and unknown codes.
    case processing(LifecycleStatus)
    /// 207 En litige, with the buyer's reasons.
    case disputed([StatusReason])
    /// 210 Refusée (terminal), with the buyer's reasons.
    case refused([StatusReason])
    /// 213 Rejetée by a platform (terminal), with its reasons.
    case rejected([StatusReason])
    /// 211 Paiement transmis: how much of the invoice the buyer says it paid.
    case paymentSent(PaymentProgress)
    /// 212 Encaissée (terminal): how much of the invoice the seller cashed.
    case paid(PaymentProgress)
    /// 220 Annulée (terminal).
    case cancelled
}
