import EInvoice
import Foundation
import Gateway

/// Where an invoice stands in its lifecycle (the invoice's `lifecycle` block).
struct LifecycleDTO: Encodable, Sendable {
    struct Reason: Encodable, Sendable {
        /// MDT-113, e.g. `TX_TVA_ERR`; "" when only a text was given.
        var code: String
        var text: String
    }

    /// The current status (MDT-105), e.g. `205`.
    var code: String
    /// Its French label, e.g. `Approuvée`.
    var label: String
    /// The current status's first reason, if any.
    var reason: Reason?
    /// When it took effect, `YYYY-MM-DDTHH:MM:SSZ`.
    var time: String
    /// How many distinct statuses the invoice has.
    var statusCount: Int

    init(_ summary: LifecycleSummary) {
        code = summary.current.code
        label = StatusDTO.label(summary.current)
        reason = summary.reason.map { Reason(code: $0.code, text: $0.text) }
        time = summary.currentTime.description
        statusCount = summary.statusCount
    }
}

/// What was paid on an invoice (the invoice's `payments` block): exact decimal strings.
struct PaymentsDTO: Encodable, Sendable {
    var currency: String
    /// BT-115 when the invoice gives it, else BT-112.
    var amountDue: String?
    /// Sum of the 212 Encaissée payments.
    var paid: String
    /// Sum of the 211 Paiement transmis payments (usually the same money as `paid`, announced by the buyer).
    var sent: String
    /// `amountDue − paid`, never below zero.
    var remaining: String?
    /// What was cashed beyond the amount due, when over-paid.
    var excess: String?
    var fullyPaid: Bool

    init(_ summary: LifecycleSummary) {
        currency = summary.currency
        amountDue = summary.amountDue?.description
        paid = summary.paid.description
        sent = summary.sent.description
        remaining = summary.remaining?.atLeastZero.description
        excess = summary.remaining.flatMap { $0.isNegative ? $0.magnitude.description : nil }
        fullyPaid = summary.fullyPaid
    }
}

/// One status of an invoice.
struct StatusDTO: Encodable, Sendable {
    struct Amount: Encodable, Sendable {
        var typeCode: String
        var amount: String
        var currency: String?
        var vatRate: String?
    }

    var id: String
    var code: String
    var label: String
    /// When the status took effect.
    var time: String
    var reasons: [LifecycleDTO.Reason]
    var amounts: [Amount]
    /// `platform` or `api`.
    var source: String
    var actor: String
    var messageID: String
    /// `applied`, `older` or `after-terminal`.
    var outcome: String
    var cdarSHA256: String?
    /// The stored CDAR message, when the status came as one.
    var document: String?
    var receivedAt: Date

    init(_ status: InvoiceStatusRecord) {
        id = status.id
        code = status.status.code
        label = Self.label(status.status)
        time = status.statusTime.description
        reasons = status.reasons.map { LifecycleDTO.Reason(code: $0.code, text: $0.text) }
        amounts = status.amounts.map {
            Amount(typeCode: $0.typeCode, amount: $0.amount.description, currency: $0.currency,
                   vatRate: $0.vatRate?.description)
        }
        source = status.source.rawValue
        actor = status.actor
        messageID = status.messageID
        outcome = status.outcome.rawValue
        cdarSHA256 = status.cdarSHA256
        document = status.documentName.map { "\(InvoiceDTO.path(status.invoiceID))/documents/\($0)" }
        receivedAt = status.receivedAt
    }

    static func label(_ status: LifecycleStatus) -> String {
        status.isKnown ? status.frenchLabel : "statut inconnu"
    }
}

/// The answer to `POST /v1/invoices/{id}/statuses`.
struct StatusReceiptDTO: Encodable, Sendable {
    /// `applied`, `older`, `after-terminal` or `duplicate`.
    var outcome: String
    var status: StatusDTO
    var lifecycle: LifecycleDTO?
    var payments: PaymentsDTO?
    var payment: ReconciliationDTO?

    init(_ receipt: StatusReceipt) {
        switch receipt.outcome {
        case .recorded(let outcome): self.outcome = outcome.rawValue
        case .duplicate: self.outcome = "duplicate"
        }
        status = StatusDTO(receipt.status)
        lifecycle = receipt.summary.map(LifecycleDTO.init)
        payments = receipt.summary.map(PaymentsDTO.init)
        payment = receipt.payment.map {
            ReconciliationDTO(ReconciliationEntry(
                payment: $0, invoiceNumber: receipt.invoice.documentKey.number, issueDate: receipt.invoice.issueDate,
                customerCode: receipt.invoice.customerCode, erpReference: nil))
        }
    }
}

/// `GET /v1/invoices/{id}/statuses`
struct StatusListDTO: Encodable, Sendable {
    /// In arrival order.
    var items: [StatusDTO]
    var lifecycle: LifecycleDTO?
    var payments: PaymentsDTO?
}
