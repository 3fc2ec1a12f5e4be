import Gateway
import Hummingbird

/// `POST /v1/batches` and `GET /v1/batches/{id}`: many invoices in one request, and their progress.
enum BatchRoutes {
    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.post("/v1/batches") { request, context in
            try await create(request, context: context, services: services)
        }
        api.get("/v1/batches/:id") { request, context in
            let principal = try context.require(.invoicesRead)
            _ = try QueryParameters(request, allowed: [])
            let id = try context.pathParameter("id")
            let counts = try await services.store.transaction { transaction in
                try await transaction.invoiceCountsByState(tenant: principal.tenant, batchID: id)
            }
            let total = counts.values.reduce(0, +)
            guard total > 0 else {
                throw ProblemError(.notFound, title: "Batch not found",
                                   detail: "No invoice of this tenant belongs to batch \(id).")
            }
            let done = counts.filter { $0.key.isFinal }.values.reduce(0, +)
            let byState = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
            return try APIResponse.json(BatchProgressDTO(id: id, total: total, done: done, complete: done == total,
                                                         counts: byState))
        }
    }

    /// Takes each item on its own: one bad item is refused with its problem, the others are kept.
    static func create(_ request: Request, context: PasserelleRequestContext, services: GatewayServices)
        async throws -> Response
    {
        let principal = try context.require(.invoicesWrite)
        _ = try QueryParameters(request, allowed: [])
        try APIBody.requireJSON(request)
        let batchKey = try IdempotencyKey.read(request)
        let batch = try BatchItems(try await APIBody.bytes(request, context: context))
        let id = batchID(tenant: principal.tenant, idempotencyKey: batchKey)
        var receipts: [BatchReceiptDTO.Item] = []
        receipts.reserveCapacity(batch.items.count)
        for (index, item) in batch.items.enumerated() {
            receipts.append(await receive(item, index: index, batchID: id, principal: principal, context: context,
                                          services: services))
        }
        let count = { (status: String) in receipts.filter { $0.status == status }.count }
        let receipt = BatchReceiptDTO(
            id: id, total: receipts.count, created: count("created"), existing: count("existing"),
            refused: count("refused"), items: receipts, links: ["progress": "/v1/batches/\(id)"])
        await AuditTrail(store: services.store, clock: services.clock).record(
            "batch.create", target: id,
            outcome: "created \(receipt.created), existing \(receipt.existing), refused \(receipt.refused)",
            by: principal, context: context)
        var headers = HTTPFields()
        headers[.location] = "/v1/batches/\(id)"
        return try APIResponse.json(receipt, status: .accepted, headers: headers)
    }

    static func receive(_ item: BatchItems.Item, index: Int, batchID: String, principal: Principal,
                        context: PasserelleRequestContext, services: GatewayServices) async -> BatchReceiptDTO.Item
    {
        if let problem = item.problem {
            return .init(index: index, status: "refused", invoice: nil, problem: problem)
        }
        do {
            let outcome = try await services.intake.receive(IntakeRequest(
                tenant: principal.tenant, payload: item.payload, idempotencyKey: item.idempotencyKey,
                actor: principal.actor, batchID: batchID, auditAction: "invoice.create", requestID: context.requestID))
            switch outcome {
            case .created(let record): return .init(index: index, status: "created", invoice: InvoiceDTO(record))
            case .existing(let record): return .init(index: index, status: "existing", invoice: InvoiceDTO(record))
            }
        } catch {
            let problem = APIErrorMapping.problem(for: error, context: context).problem
            return .init(index: index, status: "refused", invoice: nil, problem: problem)
        }
    }

    /// The same for a retried request with the same `Idempotency-Key`, so that its progress is found again.
    static func batchID(tenant: TenantID, idempotencyKey: String?) -> String {
        guard let idempotencyKey else { return "bat_" + APIKeys.randomToken(bytes: 12) }
        return "bat_" + Hashing.sha256Hex(Array("\(tenant.rawValue)\n\(idempotencyKey)".utf8)).prefix(24)
    }
}
