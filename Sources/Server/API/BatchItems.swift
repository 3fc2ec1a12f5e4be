import Foundation

/// The items of a `POST /v1/batches` body, each kept as the exact bytes the client sent.
///
/// Two forms: a JSON array of canonical JSON invoices, or `{"items": [{"invoice": {…} | "payload": "<base64>",
/// "idempotencyKey": "…"}]}` where `payload` carries any format (CII, UBL, Factur-X) base64-encoded.
struct BatchItems {
    /// One item: its payload, or why it cannot be taken.
    struct Item {
        var payload: [UInt8]
        var idempotencyKey: String?
        var problem: ProblemDetails?
    }

    static let maximumItems = 5_000
    static let itemFields: Set<String> = ["invoice", "payload", "idempotencyKey"]

    var items: [Item]

    init(_ bytes: [UInt8]) throws {
        guard (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil else {
            throw ProblemError(.badRequest, title: "Malformed JSON", detail: "The body is not valid JSON (RFC 8259).",
                               type: "https://passerelle.dev/problems/malformed-json")
        }
        let document = RawJSON.documentRange(bytes)
        let ranges: [Range<Int>]
        let wrapped: Bool
        if let elements = RawJSON.elements(bytes, in: document) {
            ranges = elements
            wrapped = false
        } else if let members = RawJSON.members(bytes, in: document) {
            let unknown = members.map(\.key).filter { $0 != "items" }
            guard unknown.isEmpty, let items = members.first(where: { $0.key == "items" }),
                let elements = RawJSON.elements(bytes, in: items.value)
            else {
                throw APIBody.invalid([FieldProblem(
                    field: unknown.first ?? "items",
                    message: unknown.isEmpty ? "expected an array of items" : "unknown field; the body is {\"items\": [...]} or an array of invoices")])
            }
            ranges = elements
            wrapped = true
        } else {
            throw APIBody.invalid([FieldProblem(field: "", message: "expected an array of invoices or {\"items\": [...]}")])
        }
        guard !ranges.isEmpty else {
            throw APIBody.invalid([FieldProblem(field: wrapped ? "items" : "", message: "the batch has no item")])
        }
        guard ranges.count <= Self.maximumItems else {
            throw ProblemError(.contentTooLarge, title: "Batch too large",
                               detail: "A batch takes at most \(Self.maximumItems) items; this one has \(ranges.count). Split it.")
        }
        items = ranges.enumerated().map { index, range in
            wrapped ? Self.wrappedItem(bytes, range: range, index: index) : Self.invoiceItem(bytes, range: range, index: index)
        }
    }

    /// An element of the array form: a canonical JSON invoice.
    static func invoiceItem(_ bytes: [UInt8], range: Range<Int>, index: Int) -> Item {
        guard RawJSON.members(bytes, in: range) != nil else {
            return refused(field: "[\(index)]", "expected an invoice object")
        }
        return Item(payload: Array(bytes[range]), idempotencyKey: nil, problem: nil)
    }

    /// An element of the `items` form.
    static func wrappedItem(_ bytes: [UInt8], range: Range<Int>, index: Int) -> Item {
        let path = "items[\(index)]"
        guard let members = RawJSON.members(bytes, in: range) else {
            return refused(field: path, "expected an object {\"invoice\" or \"payload\", \"idempotencyKey\"}")
        }
        if let unknown = members.first(where: { !itemFields.contains($0.key) }) {
            return refused(field: "\(path).\(unknown.key)", "unknown field; known fields: idempotencyKey, invoice, payload")
        }
        var key: String?
        if let member = members.first(where: { $0.key == "idempotencyKey" }) {
            guard let text = RawJSON.string(bytes, in: member.value), (1...255).contains(text.utf8.count),
                text.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
            else { return refused(field: "\(path).idempotencyKey", "expected 1 to 255 visible ASCII characters") }
            key = text
        }
        let invoice = members.first { $0.key == "invoice" }
        let payload = members.first { $0.key == "payload" }
        switch (invoice, payload) {
        case (.some(let member), nil):
            guard RawJSON.members(bytes, in: member.value) != nil else {
                return refused(field: "\(path).invoice", "expected an invoice object")
            }
            return Item(payload: Array(bytes[member.value]), idempotencyKey: key, problem: nil)
        case (nil, .some(let member)):
            guard let text = RawJSON.string(bytes, in: member.value), let data = Data(base64Encoded: text), !data.isEmpty
            else { return refused(field: "\(path).payload", "expected the invoice file in base64") }
            return Item(payload: Array(data), idempotencyKey: key, problem: nil)
        default:
            return refused(field: path, "give either \"invoice\" (a JSON invoice) or \"payload\" (a file in base64)")
        }
    }

    static func refused(field: String, _ message: String) -> Item {
        let problem = APIBody.invalid([FieldProblem(field: field, message: message)]).problem
        return Item(payload: [], idempotencyKey: nil, problem: problem)
    }
}
