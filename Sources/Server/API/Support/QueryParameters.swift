import EInvoice
import Foundation
import Hummingbird

/// The query of a request, checked against the parameters a route knows: a misspelt filter is refused (400)
/// instead of being silently ignored and widening the result.
struct QueryParameters {
    private var values: [String: [String]] = [:]

    init(_ request: Request, allowed: Set<String>) throws {
        for (key, value) in request.uri.queryParameters {
            let name = String(key).removingPercentEncoding ?? String(key)
            guard allowed.contains(name) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw ProblemError(.badRequest, title: "Unknown query parameter",
                                   detail: "\"\(name)\" is not a parameter of this call; known: \(known.isEmpty ? "none" : known).",
                                   errors: [FieldProblem(field: name, message: "unknown query parameter")])
            }
            values[name, default: []].append(String(value))
        }
    }

    /// A parameter given at most once.
    func string(_ name: String) throws -> String? {
        guard let all = values[name] else { return nil }
        guard all.count == 1 else { throw Self.invalid(name, "give it once, not \(all.count) times") }
        return all[0].isEmpty ? nil : all[0]
    }

    /// A repeatable parameter; comma-separated values count as several.
    func strings(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
    }

    /// `limit`, between 1 and `maximum`.
    func limit(default defaultValue: Int = 50, maximum: Int = 500) throws -> Int {
        guard let text = try string("limit") else { return defaultValue }
        guard let value = Int(text), (1...maximum).contains(value) else {
            throw Self.invalid("limit", "a whole number from 1 to \(maximum), got \"\(text)\"")
        }
        return value
    }

    /// `since`, a feed position: the `next` of a previous page (0 when absent).
    func since() throws -> Int64 {
        guard let text = try string("since") else { return 0 }
        guard let value = Int64(text), value >= 0 else {
            throw Self.invalid("since", "the `next` of a previous page (a number), got \"\(text)\"")
        }
        return value
    }

    func date(_ name: String) throws -> CalendarDate? {
        guard let text = try string(name) else { return nil }
        guard text.count == 10, let date = CalendarDate(text: text) else {
            throw Self.invalid(name, "a date YYYY-MM-DD, got \"\(text)\"")
        }
        return date
    }

    func decimal(_ name: String) throws -> ExactDecimal? {
        guard let text = try string(name) else { return nil }
        do {
            return try ExactDecimal(parsing: text)
        } catch {
            throw Self.invalid(name, "a decimal number such as 1234.50, got \"\(text)\"")
        }
    }

    /// A value of an enumeration named by its raw value.
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, as type: Value.Type) throws -> Value?
    where Value.RawValue == String {
        guard let text = try string(name) else { return nil }
        return try Self.choice(text, name: name, as: type)
    }

    static func choice<Value: RawRepresentable & CaseIterable>(_ text: String, name: String, as type: Value.Type)
        throws -> Value where Value.RawValue == String
    {
        guard let value = Value(rawValue: text) else {
            let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw invalid(name, "one of \(known), got \"\(text)\"")
        }
        return value
    }

    static func invalid(_ name: String, _ expectation: String) -> ProblemError {
        ProblemError(.badRequest, title: "Invalid query parameter", detail: "\(name): expected \(expectation).",
                     errors: [FieldProblem(field: name, message: "expected \(expectation)")])
    }
}
