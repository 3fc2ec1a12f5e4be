import Foundation
import Gateway
import Hummingbird

/// `GET /v1/invoices`, `GET /v1/invoices/{id}`, `GET /v1/invoices/{id}/events` and `GET /v1/invoices/{id}/timeline`.
enum InvoiceReadRoutes {
    static let listParameters: Set<String> = [
        "state", "customer", "buyer", "issuedFrom", "issuedTo", "minTotal", "maxTotal", "batch", "limit", "cursor",
        "contractReference", "orderReference", "deliveryReference",
    ]

    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.get("/v1/invoices") { request, context in
            try await list(request, context: context, services: services)
        }
        api.get("/v1/invoices/:id") { request, context in
            let principal = try context.require(.invoicesRead)
            _ = try QueryParameters(request, allowed: [])
            let record = try await invoice(try context.pathParameter("id"), principal: principal, services: services)
            let summary = try await services.store.read { transaction in
                try await transaction.lifecycleSummary(invoice: record.id, tenant: principal.tenant)
            }
            let tag = ETag.of(version: record.version)
            var headers = HTTPFields()
            headers[.eTag] = tag
            if ETag.matches(request.headers[.ifNoneMatch], tag) { return Response(status: .notModified, headers: headers) }
            return try APIResponse.json(InvoiceDTO(record, lifecycle: summary), headers: headers)
        }
        api.get("/v1/invoices/:id/events") { request, context in
            let principal = try context.require(.invoicesRead)
            _ = try QueryParameters(request, allowed: [])
            let id = InvoiceID(try context.pathParameter("id"))
            let events = try await services.store.transaction { transaction -> [InvoiceEvent]? in
                guard try await transaction.invoice(id, tenant: principal.tenant) != nil else { return nil }
                return try await transaction.events(invoice: id, tenant: principal.tenant)
            }
            guard let events else { throw notFound(id.rawValue) }
            return try APIResponse.json(ListDTO(items: events.map(InvoiceEventDTO.init)))
        }
        api.get("/v1/invoices/:id/timeline") { request, context in
            let principal = try context.require(.invoicesRead)
            _ = try QueryParameters(request, allowed: [])
            let id = try context.pathParameter("id")
            let found = try await services.auditTrail.timeline(invoice: InvoiceID(id), tenant: principal.tenant)
            guard let timeline = found else { throw notFound(id) }
            return try APIResponse.json(TimelineDTO(timeline))
        }
    }

    static func list(_ request: Request, context: PasserelleRequestContext, services: GatewayServices)
        async throws -> Response
    {
        let principal = try context.require(.invoicesRead)
        let query = try QueryParameters(request, allowed: listParameters)
        let states = try query.strings("state").map { try QueryParameters.choice($0, name: "state", as: InvoiceState.self) }
        let filter = InvoiceFilter(
            states: states.isEmpty ? nil : Set(states), customerCode: try query.string("customer"),
            buyerName: try query.string("buyer"), issuedFrom: try query.date("issuedFrom"),
            issuedTo: try query.date("issuedTo"), minimumTotal: try query.decimal("minTotal"),
            maximumTotal: try query.decimal("maxTotal"), batchID: try query.string("batch"),
            contractReference: try query.string("contractReference"), orderReference: try query.string("orderReference"),
            deliveryReference: try query.string("deliveryReference"))
        let limit = try query.limit()
        let cursor = try query.string("cursor").map { try PageCursor.read($0, as: InvoiceCursor.self) }
        let (records, summaries) = try await services.store.transaction { transaction in
            let records = try await transaction.invoices(
                tenant: principal.tenant, filter: filter, after: cursor, limit: limit + 1)
            let summaries = try await transaction.lifecycleSummaries(
                invoices: records.prefix(limit).map(\.id), tenant: principal.tenant)
            return (records, summaries)
        }
        let byInvoice = Dictionary(summaries.map { ($0.invoiceID, $0) }, uniquingKeysWith: { first, _ in first })
        let page = Array(records.prefix(limit))
        let next = records.count > limit ? page.last.flatMap { PageCursor.make(InvoiceCursor(createdAt: $0.createdAt, id: $0.id)) } : nil
        return try APIResponse.json(PageDTO(items: page.map { InvoiceDTO($0, lifecycle: byInvoice[$0.id]) }, next: next))
    }

    /// The tenant's invoice, or 404 (also for another tenant's invoice: its existence is not revealed).
    static func invoice(_ id: String, principal: Principal, services: GatewayServices) async throws -> InvoiceRecord {
        let record = try await services.store.transaction { transaction in
            try await transaction.invoice(InvoiceID(id), tenant: principal.tenant)
        }
        guard let record else { throw notFound(id) }
        return record
    }

    static func notFound(_ id: String) -> ProblemError {
        ProblemError(.notFound, title: "Invoice not found", detail: "No invoice \(id) in this tenant.")
    }
}
