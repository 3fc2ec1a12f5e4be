import EInvoice
import Gateway

/// The JSON form of a master-data item, in both directions: requests send it (without `version`), responses return
/// it with its `version` (also in the `ETag`). `version` is read-only: a request may carry it back and it is
/// ignored. `expectedVersion` is for bulk writes, the body's form of `If-Match` (0 = must not exist yet).
protocol MasterDataDTO: StrictJSON, Encodable, Sendable {
    associatedtype Item: MasterDataItem
    /// The name of the resource in paths and messages (`customers`).
    static var resource: String { get }
    init(_ item: Item, version: Int)
    var code: String? { get }
    var expectedVersion: Int? { get }
    /// The item, with `code` when the body names none; throws the problems of fields that cannot be read.
    func item(code: String) throws(MasterDataFieldProblems) -> Item
}

/// Fields of a master-data body that could not be read into the item.
struct MasterDataFieldProblems: Error {
    var problems: [FieldProblem]
}

/// Parses the text fields of master-data bodies, collecting one problem per bad field.
struct FieldReader {
    private(set) var problems: [FieldProblem] = []

    mutating func decimal(_ text: String?, field: String) -> ExactDecimal? {
        guard let text else { return nil }
        do {
            return try ExactDecimal(parsing: text)
        } catch {
            problems.append(FieldProblem(field: field, message: "expected a decimal number such as \"20.00\", got \"\(text)\""))
            return nil
        }
    }

    mutating func date(_ text: String?, field: String) -> CalendarDate? {
        guard let text else { return nil }
        guard text.count == 10, let date = CalendarDate(text: text) else {
            problems.append(FieldProblem(field: field, message: "expected a date YYYY-MM-DD, got \"\(text)\""))
            return nil
        }
        return date
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(_ text: String?, field: String, as type: Value.Type)
        -> Value? where Value.RawValue == String
    {
        guard let text else { return nil }
        guard let value = Value(rawValue: text) else {
            let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(FieldProblem(field: field, message: "expected one of \(known), got \"\(text)\""))
            return nil
        }
        return value
    }

    mutating func required(_ value: String?, field: String) -> String {
        guard let value else {
            problems.append(FieldProblem(field: field, message: "is required"))
            return ""
        }
        return value
    }

    mutating func missing<Value>(_ field: String) -> Value? {
        problems.append(FieldProblem(field: field, message: "is required"))
        return nil
    }

    func check() throws(MasterDataFieldProblems) {
        guard problems.isEmpty else { throw MasterDataFieldProblems(problems: problems) }
    }
}

extension MasterDataProblem {
    var fieldProblem: FieldProblem { FieldProblem(field: field, message: message) }
}
