import Foundation
import Gateway
import NIOHTTP1
import Testing

/// What the end-to-end tests ask the gateway, over its API or from its store.
enum InboundChecks {
    /// `POST /v1/invoices` as the ERP; the new invoice's id.
    static func post(_ gateway: InboundGateway, _ cii: [UInt8]) async throws -> InvoiceID {
        let reply = try await gateway.request(.POST, "/v1/invoices", headers: [("Content-Type", "application/xml")],
                                              body: cii)
        guard reply.status == 202 || reply.status == 200, let id = try reply.json()["id"] as? String else {
            throw InboundTestFailure("POST /v1/invoices answered \(reply.status): \(reply.text)")
        }
        return InvoiceID(id)
    }

    static func state(_ gateway: InboundGateway, _ id: InvoiceID) async throws -> InvoiceState? {
        try await gateway.store.read { transaction in
            try await transaction.invoice(id, tenant: InboundGateway.tenant)?.state
        }
    }

    /// Waits until every invoice was handed to the platform (the dispatch step committed).
    static func waitSubmitted(_ gateway: InboundGateway, _ ids: [InvoiceID], timeout: Duration = .seconds(120))
        async throws
    {
        try await eventually(timeout: timeout, "\(ids.count) invoice(s) to be submitted") {
            for id in ids where try await state(gateway, id) != .submitted { return false }
            return true
        }
    }

    /// The invoice's current lifecycle status code, nil before its first status.
    static func current(_ gateway: InboundGateway, _ id: InvoiceID) async throws -> String? {
        try await gateway.store.read { transaction in
            try await transaction.lifecycleSummary(invoice: id, tenant: InboundGateway.tenant)?.current.code
        }
    }

    /// The status codes the gateway recorded for the invoice, in arrival order.
    static func recorded(_ gateway: InboundGateway, _ id: InvoiceID) async throws -> [String] {
        try await gateway.store.read { transaction in
            try await transaction.statuses(invoice: id, tenant: InboundGateway.tenant).map(\.status.code)
        }
    }

    /// The CDAR messages stored with the invoice's statuses.
    static func cdarDocuments(_ gateway: InboundGateway, _ id: InvoiceID) async throws -> [[UInt8]] {
        try await gateway.store.read { transaction in
            try await transaction.statusDocuments(invoice: id, tenant: InboundGateway.tenant)
                .filter { $0.kind == .cdar }.map(\.bytes)
        }
    }

    /// `GET /v1/reconciliation`, every page: (invoice id, status code, amount, fully paid).
    static func reconciliation(_ gateway: InboundGateway) async throws
        -> [(invoiceID: String, statusCode: String, amount: String, fullyPaid: Bool)]
    {
        var items: [(invoiceID: String, statusCode: String, amount: String, fullyPaid: Bool)] = []
        var since = ""
        while true {
            let path = "/v1/reconciliation" + (since.isEmpty ? "" : "?since=\(since)")
            let reply = try await gateway.request(.GET, path)
            guard reply.status == 200 else { throw InboundTestFailure("\(path) answered \(reply.status): \(reply.text)") }
            let page = try reply.json()
            for item in page["items"] as? [[String: Any]] ?? [] {
                items.append((item["invoiceID"] as? String ?? "", item["statusCode"] as? String ?? "",
                              item["amount"] as? String ?? "", item["fullyPaid"] as? Bool ?? false))
            }
            guard page["hasMore"] as? Bool == true, let next = page["next"] as? String, next != since else { break }
            since = next
        }
        return items
    }
}
