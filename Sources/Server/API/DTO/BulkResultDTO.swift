/// The answer of a bulk write: one result per item, in the order of the request.
struct BulkResultDTO: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        var index: Int
        var code: String?
        /// `written`, `invalid` or `stale`.
        var status: String
        var version: Int?
        var currentVersion: Int?
        var errors: [FieldProblem]?
    }

    var total: Int
    var written: Int
    var invalid: Int
    var stale: Int
    var items: [Item]

    init(items: [Item]) {
        self.items = items
        total = items.count
        written = items.filter { $0.status == "written" }.count
        invalid = items.filter { $0.status == "invalid" }.count
        stale = items.filter { $0.status == "stale" }.count
    }
}
