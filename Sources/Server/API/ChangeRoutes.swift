import Gateway
import Hummingbird

/// `GET /v1/changes?since=&limit=`: what changed on the gateway's side, in order. A key with `masterdata:read` sees
/// master-data changes, one with `invoices:read` sees invoice and payment changes.
enum ChangeRoutes {
    static let masterDataSubjects: Set<ChangeSubject> = [.customer, .product, .priceList]
    static let invoiceSubjects: Set<ChangeSubject> = [.invoice, .payment]

    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.get("/v1/changes") { request, context in
            let principal = try context.requireAny([.masterDataRead, .invoicesRead])
            let query = try QueryParameters(request, allowed: ["since", "limit"])
            let limit = try query.limit(default: 100, maximum: 1_000)
            let since = try query.since()
            var visible = Set<ChangeSubject>()
            if principal.allows(.masterDataRead) { visible.formUnion(masterDataSubjects) }
            if principal.allows(.invoicesRead) { visible.formUnion(invoiceSubjects) }
            let entries = try await services.store.transaction { transaction in
                try await transaction.changes(tenant: principal.tenant, after: since, limit: limit + 1)
            }
            let page = Array(entries.prefix(limit))
            let next = page.last?.sequence ?? since
            return try APIResponse.json(ChangePageDTO(
                items: page.filter { visible.contains($0.subject) }.map(ChangeDTO.init), next: String(next),
                hasMore: entries.count > limit))
        }
    }
}
