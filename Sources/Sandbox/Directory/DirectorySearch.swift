import Foundation

/// The search body shared by the four `POST …/search` routes: `filters` (each `{op, value}`), `sorting`, `fields`,
/// `include`, `limit`, `ignore`.
struct DirectorySearchRequest {
    struct Clause: Sendable {
        var op: String
        var value: String
    }

    struct Sort: Sendable {
        var field: String
        var descending: Bool
    }

    var filters: [String: Clause] = [:]
    var sorting: [Sort] = []
    var fields: [String]?
    var include: [String] = []
    var limit: Int?
    var ignore = 0
    /// The body as received, echoed in the answer's `search`.
    var echo: [String: Any] = [:]

    /// Reads the body; `allowed` maps each filter name to the operators the spec allows for it.
    init(json: [String: Any], allowed: [String: [String]]) throws {
        echo = json
        if let filters = json["filters"] {
            guard let object = filters as? [String: Any] else { throw APIError.badRequest("filters: an object") }
            for (name, raw) in object {
                guard let operators = allowed[name] else {
                    throw APIError.badRequest("filters.\(name): unknown filter (known: "
                        + allowed.keys.sorted().joined(separator: ", ") + ")", code: "INVALID_REQUEST")
                }
                guard let clause = raw as? [String: Any], let value = clause["value"] as? String else {
                    throw APIError.badRequest("filters.\(name): an object {op, value} with a string value",
                                              code: "INVALID_REQUEST")
                }
                let op = clause["op"] as? String ?? operators[0]
                guard operators.contains(op) else {
                    throw APIError.badRequest("filters.\(name).op: one of \(operators.joined(separator: ", "))",
                                              code: "INVALID_REQUEST")
                }
                self.filters[name] = Clause(op: op, value: value)
            }
        }
        if let sorting = json["sorting"] as? [[String: Any]] {
            self.sorting = sorting.compactMap { item in
                guard let field = item["field"] as? String else { return nil }
                return Sort(field: field, descending: (item["order"] as? String) == "descending")
            }
        }
        fields = json["fields"] as? [String]
        include = json["include"] as? [String] ?? []
        if let limit = json["limit"] {
            guard let value = limit as? Int, value >= 0 else {
                throw APIError.badRequest("limit: a whole number, 0 or more", code: "INVALID_REQUEST")
            }
            self.limit = value
        }
        if let ignore = json["ignore"] {
            guard let value = ignore as? Int, value >= 0 else {
                throw APIError.badRequest("ignore: a whole number, 0 or more", code: "INVALID_REQUEST")
            }
            self.ignore = value
        }
    }

    /// Filters, sorts, pages and projects the resources (each a JSON object); returns the answer body.
    func answer(over resources: [[String: Any]]) -> [String: Any] {
        var matching = resources.filter { resource in
            filters.allSatisfy { name, clause in Self.matches(Self.text(name, in: resource), clause) }
        }
        for sort in sorting.reversed() {
            matching = Self.stableSorted(matching, by: sort)
        }
        let total = matching.count
        let page = Array(matching.dropFirst(ignore).prefix(limit ?? Int.max))
        return ["search": echo, "totalNumberOfResults": total, "results": page.map(project)]
    }

    func project(_ resource: [String: Any]) -> [String: Any] {
        guard let fields, !fields.isEmpty else { return resource }
        let kept = Set(fields).union(["legalUnit", "facility", "routingCode"].filter { include.contains(Self.relation($0)) })
        return resource.filter { kept.contains($0.key) }
    }

    private static func relation(_ key: String) -> String {
        switch key {
        case "legalUnit": "siren"
        case "facility": "siret"
        default: key
        }
    }

    /// A filter's text in a resource: a top-level field, or one of the address's (`addressLines` joins them).
    static func text(_ name: String, in resource: [String: Any]) -> String {
        let address = resource["address"] as? [String: Any] ?? [:]
        switch name {
        case "addressLines":
            return ["addressLine1", "addressLine2", "addressLine3"].compactMap { address[$0] as? String }
                .joined(separator: " ")
        case "postalCode", "locality", "countrySubdivision":
            return address[name] as? String ?? ""
        default:
            return resource[name] as? String ?? ""
        }
    }

    static func matches(_ text: String, _ clause: Clause) -> Bool {
        switch clause.op {
        case "contains": text.range(of: clause.value, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        case "startWith": text.lowercased().hasPrefix(clause.value.lowercased())
        default: text == clause.value
        }
    }

    private static func stableSorted(_ items: [[String: Any]], by sort: Sort) -> [[String: Any]] {
        items.enumerated().sorted { left, right in
            let a = text(sort.field, in: left.element)
            let b = text(sort.field, in: right.element)
            if a == b { return left.offset < right.offset }
            return sort.descending ? a > b : a < b
        }.map(\.element)
    }
}
