import EInvoice
import Foundation

/// What the ERP is told about a new status: the `invoice.status` event (its message in French: the status label
/// and the reason) and the webhook body.
struct LifecycleNotice {
    static let eventType = "invoice.status"

    var status: InvoiceStatusRecord
    var invoice: InvoiceRecord
    var summary: LifecycleSummary?
    var outcome: StatusOutcome

    /// `Statut 210 Refusée — TX_TVA_ERR : Taux de TVA erroné`, plus what happened when it did not apply.
    var message: String {
        var text = "Statut \(status.status.code) \(Self.label(status.status))"
        let reasons = status.reasons.map(Self.describe).filter { !$0.isEmpty }
        if !reasons.isEmpty { text += " — " + reasons.joined(separator: " ; ") }
        if outcome != .applied, let summary {
            let why = outcome == .older ? "plus ancien que le statut courant" : "le cycle de vie est terminé"
            text += " (enregistré, \(why) : la facture reste au statut \(summary.current.code) \(Self.label(summary.current)))"
        }
        return text
    }

    func event(actor: String, at now: Date) -> InvoiceEvent {
        InvoiceEvent(
            tenant: invoice.tenant, invoiceID: invoice.id, type: Self.eventType, state: invoice.state,
            dedupKey: "status:\(status.id)", actor: actor, message: message, detailJSON: detailJSON(), occurredAt: now)
    }

    struct StatusBody: Encodable {
        struct Reason: Encodable {
            var code: String
            var text: String
        }

        var id: String
        var code: String
        var label: String
        var time: String
        var reasons: [Reason]
        var outcome: String
        var source: String
        var messageID: String
    }

    struct PaymentBody: Encodable {
        var kind: String
        var amount: String
        var currency: String
        var date: String
        var amountDue: String?
        var remainingBalance: String?
        var excess: String?
        var exceedsBalance: Bool
    }

    struct CurrentBody: Encodable {
        var code: String
        var label: String
        var time: String
        var paid: String
        var remaining: String?
        var fullyPaid: Bool
    }

    struct Body: Encodable {
        var type: String
        var tenant: String
        var invoiceID: String
        var invoiceNumber: String
        var state: String
        var sequence: Int64?
        var message: String
        var occurredAt: Date
        var status: StatusBody
        var lifecycle: CurrentBody?
        var payment: PaymentBody?
    }

    func webhookBody(event: InvoiceEvent, payment: RecordedPayment?) -> [UInt8] {
        let body = Body(
            type: event.type, tenant: event.tenant.rawValue, invoiceID: invoice.id.rawValue,
            invoiceNumber: invoice.documentKey.number, state: invoice.state.rawValue, sequence: event.sequence,
            message: event.message, occurredAt: event.occurredAt, status: statusBody,
            lifecycle: summary.map { summary in
                CurrentBody(code: summary.current.code, label: Self.label(summary.current),
                            time: summary.currentTime.description, paid: summary.paid.description,
                            remaining: summary.remaining?.atLeastZero.description,
                            fullyPaid: summary.fullyPaid)
            },
            payment: payment.map { payment in
                PaymentBody(kind: payment.kind.rawValue, amount: payment.amount.description,
                            currency: payment.currency, date: payment.date.description,
                            amountDue: payment.amountDue?.description,
                            remainingBalance: payment.remainingBalance?.description,
                            excess: payment.excess?.description, exceedsBalance: payment.exceedsBalance)
            })
        return Self.encode(body)
    }

    private var statusBody: StatusBody {
        StatusBody(
            id: status.id, code: status.status.code, label: Self.label(status.status),
            time: status.statusTime.description,
            reasons: status.reasons.map { StatusBody.Reason(code: $0.code, text: $0.text) },
            outcome: outcome.rawValue, source: status.source.rawValue, messageID: status.messageID)
    }

    private func detailJSON() -> String {
        String(decoding: Self.encode(statusBody), as: UTF8.self)
    }

    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)).map { Array($0) } ?? Array("{}".utf8)
    }

    /// The French label, or "statut inconnu" for a code outside the table.
    static func label(_ status: LifecycleStatus) -> String {
        status.isKnown ? status.frenchLabel : "statut inconnu"
    }

    static func describe(_ reason: StatusReason) -> String {
        switch (reason.code.isEmpty, reason.text.isEmpty) {
        case (false, false): "\(reason.code) : \(reason.text)"
        case (false, true): reason.code
        case (true, false): reason.text
        case (true, true): ""
        }
    }
}
