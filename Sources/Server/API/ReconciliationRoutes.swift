import Foundation
import Gateway
import Hummingbird

/// The payments, for automatic lettering in the ERP:
/// - `GET /v1/reconciliation?since=&limit=`: a feed in the order payments arrived, paged by cursor (the position
///   of each payment's change-feed entry, so that a reader never misses a payment that commits late);
/// - `GET /v1/reconciliation.csv?from=&to=`: the payments dated in a range, as CSV with the same columns.
enum ReconciliationRoutes {
    /// The most rows one CSV export holds; a wider range is refused with advice to narrow it.
    static let maximumExportRows = 100_000

    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.get("/v1/reconciliation") { request, context in
            let principal = try context.require(.invoicesRead)
            let query = try QueryParameters(request, allowed: ["since", "limit"])
            let limit = try query.limit(default: 100, maximum: 1_000)
            let since = try query.since()
            let entries = try await services.store.read { transaction in
                try await transaction.reconciliation(tenant: principal.tenant, after: since, limit: limit + 1)
            }
            let page = Array(entries.prefix(limit))
            return try APIResponse.json(ReconciliationPageDTO(
                items: page.map(ReconciliationDTO.init), next: String(page.last?.payment.feedSequence ?? since),
                hasMore: entries.count > limit))
        }
        api.get("/v1/reconciliation.csv") { request, context in
            let principal = try context.require(.invoicesRead)
            let query = try QueryParameters(request, allowed: ["from", "to"])
            let from = try query.date("from")
            let to = try query.date("to")
            if let from, let to, to < from {
                throw QueryParameters.invalid("to", "a date on or after from (\(from.isoText))")
            }
            let entries = try await services.store.read { transaction in
                try await transaction.reconciliation(
                    tenant: principal.tenant, from: from, to: to, limit: maximumExportRows + 1)
            }
            guard entries.count <= maximumExportRows else {
                throw ProblemError(
                    .unprocessableContent, title: "Export too large",
                    detail: "More than \(maximumExportRows) payments match; narrow the range with from and to (YYYY-MM-DD).")
            }
            let rows = entries.map { ReconciliationDTO($0).csvCells }
            var headers = HTTPFields()
            let name = "reconciliation-\(from?.isoText ?? "start")-\(to?.isoText ?? "now").csv"
            headers[.contentDisposition] = "attachment; filename=\"\(name)\""
            return APIResponse.bytes(CSVText.document(header: ReconciliationDTO.csvHeader, rows: rows),
                                     contentType: "text/csv; charset=utf-8", headers: headers)
        }
    }
}
