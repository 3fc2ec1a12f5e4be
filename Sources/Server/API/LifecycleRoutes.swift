import Foundation
import Gateway
import Hummingbird

/// `POST /v1/invoices/{id}/statuses` (a JSON status, or a CDAR D22B message as XML or as the `file` part of a
/// form) and `GET /v1/invoices/{id}/statuses`.
enum LifecycleRoutes {
    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.post("/v1/invoices/:id/statuses") { request, context in
            let principal = try context.require(.invoicesWrite)
            _ = try QueryParameters(request, allowed: [])
            let id = InvoiceID(try context.pathParameter("id"))
            let content = try await content(request, context: context)
            let receipt = try await services.lifecycle.receive(StatusSubmission(
                tenant: principal.tenant, content: content, target: .invoice(id), source: .api,
                actor: principal.actor))
            let created = receipt.outcome != .duplicate
            await AuditTrail(store: services.store, clock: services.clock).record("invoice.status", target: id.rawValue,
                                   outcome: created ? "recorded \(receipt.status.status.code)" : "duplicate",
                                   by: principal, context: context)
            var headers = HTTPFields()
            headers[.location] = "\(InvoiceDTO.path(id))/statuses"
            return try APIResponse.json(StatusReceiptDTO(receipt), status: created ? .created : .ok, headers: headers)
        }
        api.get("/v1/invoices/:id/statuses") { request, context in
            let principal = try context.require(.invoicesRead)
            _ = try QueryParameters(request, allowed: [])
            let id = InvoiceID(try context.pathParameter("id"))
            let found = try await services.store.read { transaction -> ([InvoiceStatusRecord], LifecycleSummary?)? in
                guard try await transaction.invoice(id, tenant: principal.tenant) != nil else { return nil }
                return (try await transaction.statuses(invoice: id, tenant: principal.tenant),
                        try await transaction.lifecycleSummary(invoice: id, tenant: principal.tenant))
            }
            guard let (statuses, summary) = found else { throw InvoiceReadRoutes.notFound(id.rawValue) }
            return try APIResponse.json(StatusListDTO(
                items: statuses.map(StatusDTO.init), lifecycle: summary.map(LifecycleDTO.init),
                payments: summary.map(PaymentsDTO.init)))
        }
    }

    /// A JSON status, or the bytes of a CDAR message (XML body, or the `file` part of a multipart form).
    static func content(_ request: Request, context: PasserelleRequestContext) async throws
        -> StatusSubmission.Content
    {
        let contentType = ContentType(request)
        let body = try await APIBody.bytes(request, context: context)
        guard !body.isEmpty else {
            throw ProblemError(.badRequest, title: "Empty body",
                               detail: "Send a JSON status (application/json) or a CDAR message (application/xml).")
        }
        if contentType.isJSON {
            return .structured(try APIBody.decode(StatusRequestDTO.self, from: body).received())
        }
        if contentType.isXML { return .cdar(body) }
        if contentType.isMultipartForm {
            return .cdar(try InvoiceUpload.filePart(of: body, contentType: contentType))
        }
        throw ProblemError(
            .unsupportedMediaType, title: "Unsupported Content-Type",
            detail: "POST /v1/invoices/{id}/statuses takes application/json (a status), application/xml (a CDAR D22B message) or multipart/form-data with a \"file\" part, not \(contentType.isMissing ? "a body without Content-Type" : contentType.mediaType).")
    }
}
