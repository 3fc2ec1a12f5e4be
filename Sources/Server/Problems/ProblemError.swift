import EInvoiceRules
import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem (`application/problem+json`). Every error the API returns is one: a title, the HTTP status,
/// a detail that says what to do, and — for invoices — the validation findings. Never a stack trace or SQL.
public struct ProblemDetails: Codable, Sendable, Equatable {
    /// A URI naming the kind of problem, e.g. `https://passerelle.dev/problems/validation`.
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String?
    /// The request path.
    public var instance: String?
    /// EN 16931 / BR-FR / catalogue findings, when the problem is about an invoice's content.
    public var findings: [FindingDTO]?
    /// Field-level problems (master data, JSON decoding), each with its JSON path.
    public var errors: [FieldProblem]?
    /// An existing resource the problem refers to (e.g. the invoice a conflicting request matches).
    public var existingID: String?
    /// For stale writes: the current version.
    public var currentVersion: Int?

    public init(type: String = "about:blank", title: String, status: Int, detail: String? = nil,
                instance: String? = nil, findings: [FindingDTO]? = nil, errors: [FieldProblem]? = nil,
                existingID: String? = nil, currentVersion: Int? = nil) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.instance = instance
        self.findings = findings
        self.errors = errors
        self.existingID = existingID
        self.currentVersion = currentVersion
    }
}

/// One problem with one field of a request body.
public struct FieldProblem: Codable, Sendable, Equatable {
    /// JSON path, e.g. `lines[3].quantity` or `siren`.
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Throw it from a route to answer with a problem document.
public struct ProblemError: Error, HTTPResponseError, Sendable {
    public var problem: ProblemDetails
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, title: String, detail: String? = nil, type: String? = nil,
                findings: [Finding]? = nil, errors: [FieldProblem]? = nil, existingID: String? = nil,
                currentVersion: Int? = nil, headers: HTTPFields = [:]) {
        self.problem = ProblemDetails(
            type: type ?? "https://passerelle.dev/problems/\(status.code)", title: title, status: status.code,
            detail: detail, findings: findings?.map(FindingDTO.init), errors: errors, existingID: existingID,
            currentVersion: currentVersion)
        self.headers = headers
    }

    public var status: HTTPResponse.Status { .init(code: problem.status) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var problem = self.problem
        problem.instance = request.uri.path
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(problem)
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
