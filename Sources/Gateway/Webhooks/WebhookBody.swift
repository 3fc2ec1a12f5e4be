import Foundation

/// The JSON body of a webhook delivery.
public enum WebhookBody {
    struct Payload: Encodable {
        var type: String
        var tenant: String
        var invoiceID: String
        var invoiceNumber: String
        var state: String
        var sequence: Int64?
        var message: String
        var occurredAt: Date
    }

    public static func make(event: InvoiceEvent, record: InvoiceRecord) -> [UInt8] {
        let payload = Payload(
            type: event.type, tenant: event.tenant.rawValue, invoiceID: event.invoiceID.rawValue,
            invoiceNumber: record.documentKey.number, state: event.state.rawValue, sequence: event.sequence,
            message: event.message, occurredAt: event.occurredAt)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(payload)).map { Array($0) } ?? Array("{}".utf8)
    }
}
