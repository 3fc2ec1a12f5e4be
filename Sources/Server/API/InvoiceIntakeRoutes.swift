import Gateway
import Hummingbird

/// `POST /v1/invoices`: one invoice from the ERP.
enum InvoiceIntakeRoutes {
    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.post("/v1/invoices") { request, context in
            try await create(request, context: context, services: services)
        }
    }

    /// 202 for a new invoice, 200 when the same request was taken before. With `?validate=sync` the check runs
    /// before the answer: its findings are in it, and a rejected invoice answers 422 with them.
    static func create(_ request: Request, context: PasserelleRequestContext, services: GatewayServices)
        async throws -> Response
    {
        let principal = try context.require(.invoicesWrite)
        let query = try QueryParameters(request, allowed: ["validate"])
        let synchronous = try query.string("validate").map { mode -> Bool in
            guard mode == "sync" || mode == "async" else {
                throw QueryParameters.invalid("validate", "sync or async, got \"\(mode)\"")
            }
            return mode == "sync"
        } ?? false
        let idempotencyKey = try IdempotencyKey.read(request)
        let erpReference = try ERPReference.read(request)
        let erpBatch = try ERPBatch.read(request)
        let payload = try await InvoiceUpload.payload(request, context: context)
        let outcome = try await services.intakeGroupCommit.receive(IntakeRequest(
            tenant: principal.tenant, payload: payload, idempotencyKey: idempotencyKey, actor: principal.actor,
            batchID: erpBatch, auditAction: "invoice.create", requestID: context.requestID,
            erpReference: erpReference))
        var record = outcome.record
        if synchronous {
            record = try await services.checker.checkNow(record.id, tenant: principal.tenant)
        }
        var headers = HTTPFields()
        headers[.location] = InvoiceDTO.path(record.id)
        headers[.eTag] = ETag.of(version: record.version)
        if synchronous, record.state == .rejected {
            throw rejected(record, headers: headers)
        }
        let status: HTTPResponse.Status
        switch outcome {
        case .created: status = .accepted
        case .existing: status = .ok
        }
        return try APIResponse.json(InvoiceDTO(record), status: status, headers: headers)
    }

    /// 422 with the findings that stopped the invoice; the invoice is recorded, rejected (its id is `existingID`).
    static func rejected(_ record: InvoiceRecord, headers: HTTPFields) -> ProblemError {
        let fatal = record.findings.filter { $0.severity == .fatal }
        let rules = Array(Set(fatal.map(\.ruleID))).sorted().joined(separator: ", ")
        return ProblemError(
            .unprocessableContent, title: "Invoice rejected",
            detail: "Invoice \(record.documentKey.number) was rejected with \(fatal.count) fatal finding(s) (\(rules)); correct it in the ERP and send it again.",
            type: "https://passerelle.dev/problems/invoice-rejected", findings: record.findings,
            existingID: record.id.rawValue, headers: headers)
    }
}
