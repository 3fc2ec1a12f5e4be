import Foundation
import Gateway

/// An invoice as the API shows it: the gateway's id, the ERP's number, where it is in the pipeline, the facts it is
/// searched by, and the findings of its last check. Amounts are strings with their exact digits.
struct InvoiceDTO: Encodable, Sendable {
    struct Links: Encodable, Sendable {
        var `self`: String
        var events: String
        var documents: String
        var statuses: String
    }

    var id: String
    /// BT-1
    var number: String
    /// The seller identity of the document key (SIREN, else VAT id, else name).
    var seller: String
    var state: String
    var version: Int
    /// `json`, `cii`, `ubl` or `facturx`.
    var sourceFormat: String
    /// BT-2, `YYYY-MM-DD`.
    var issueDate: String?
    /// BT-44
    var buyerName: String
    var customerCode: String?
    /// BT-5
    var currencyCode: String
    /// BT-112
    var totalWithVAT: String?
    var findings: [FindingDTO]
    var batchID: String?
    var idempotencyKey: String?
    var createdAt: Date
    var updatedAt: Date
    /// Where the invoice stands in its lifecycle; absent before its first status.
    var lifecycle: LifecycleDTO?
    /// What was paid; absent before its first status.
    var payments: PaymentsDTO?
    var links: Links

    init(_ record: InvoiceRecord, lifecycle summary: LifecycleSummary? = nil) {
        id = record.id.rawValue
        number = record.documentKey.number
        seller = record.documentKey.seller
        state = record.state.rawValue
        version = record.version
        sourceFormat = record.sourceFormat.rawValue
        issueDate = record.issueDate?.isoText
        buyerName = record.buyerName
        customerCode = record.customerCode
        currencyCode = record.currencyCode
        totalWithVAT = record.totalWithVAT?.description
        findings = record.findings.map(FindingDTO.init)
        batchID = record.batchID
        idempotencyKey = record.idempotencyKey
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        lifecycle = summary.map(LifecycleDTO.init)
        payments = summary.map(PaymentsDTO.init)
        let path = InvoiceDTO.path(record.id)
        links = Links(self: path, events: path + "/events", documents: path + "/documents",
                      statuses: path + "/statuses")
    }

    static func path(_ id: InvoiceID) -> String { "/v1/invoices/\(id.rawValue)" }
}

/// One entry of an invoice's history.
struct InvoiceEventDTO: Encodable, Sendable {
    var sequence: Int64?
    /// e.g. `invoice.received`, `invoice.checked`, `invoice.rejected`, `invoice.rendered`, `invoice.held`.
    var type: String
    var state: String
    var actor: String
    var message: String
    /// Details recorded with the event (findings, document hashes, platform ids), as JSON.
    var detail: JSONValue?
    var occurredAt: Date

    init(_ event: InvoiceEvent) {
        sequence = event.sequence
        type = event.type
        state = event.state.rawValue
        actor = event.actor
        message = event.message
        detail = event.detailJSON.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        occurredAt = event.occurredAt
    }
}

/// A page of a listing; `next` is the cursor of the following page, absent on the last one.
struct PageDTO<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var next: String?
}

/// A list that is not paged.
struct ListDTO<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
}
