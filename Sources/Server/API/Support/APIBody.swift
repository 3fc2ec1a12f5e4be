import Foundation
import Hummingbird

/// Reads request bodies: within the size limit (413 beyond it) and, for JSON, strictly — unknown fields and wrong
/// types are refused with the JSON path of each problem.
enum APIBody {
    /// The whole body, refused with 413 beyond the context's upload limit.
    static func bytes(_ request: Request, context: PasserelleRequestContext) async throws -> [UInt8] {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch let problem as ProblemError {
            throw problem
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw ProblemError(.contentTooLarge, title: "Request body too large",
                               detail: "The body exceeds \(context.maxUploadSize) bytes; send smaller requests.")
        }
        return Array(buffer.readableBytesView)
    }

    /// Refuses a body that does not say it is JSON.
    static func requireJSON(_ request: Request) throws {
        let contentType = ContentType(request)
        guard !contentType.isMissing else {
            throw ProblemError(.unsupportedMediaType, title: "Content-Type required",
                               detail: "Send the body as application/json.")
        }
        guard contentType.isJSON else {
            throw ProblemError(.unsupportedMediaType, title: "Unsupported Content-Type",
                               detail: "This call takes application/json, not \(contentType.mediaType).")
        }
    }

    /// A JSON body decoded into a request DTO.
    static func json<Value: StrictJSON>(_ type: Value.Type, _ request: Request, context: PasserelleRequestContext)
        async throws -> Value
    {
        try requireJSON(request)
        return try decode(type, from: try await bytes(request, context: context))
    }

    /// Decodes a JSON body into a request DTO, checking its fields against the DTO's shape first.
    static func decode<Value: StrictJSON>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        let tree: Any
        do {
            tree = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw ProblemError(.badRequest, title: "Malformed JSON",
                               detail: "The body is not valid JSON (RFC 8259).",
                               type: "https://passerelle.dev/problems/malformed-json")
        }
        let unknown = Value.shape.unknownFields(in: tree, at: "")
        guard unknown.isEmpty else { throw invalid(unknown) }
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw invalid([FieldProblem(error)])
        }
    }

    static func invalid(_ problems: [FieldProblem]) -> ProblemError {
        ProblemError(.unprocessableContent, title: "Invalid request body",
                     detail: problems.map { "\($0.field.isEmpty ? "body" : $0.field): \($0.message)" }
                        .joined(separator: "; "),
                     type: "https://passerelle.dev/problems/invalid-body", errors: problems)
    }
}

extension FieldProblem {
    /// The field and message of a decoding error.
    init(_ error: DecodingError) {
        switch error {
        case .typeMismatch(let type, let context):
            self.init(field: JSONShape.path(context.codingPath), message: "expected \(JSONShape.describe(type))")
        case .valueNotFound(let type, let context):
            self.init(field: JSONShape.path(context.codingPath), message: "expected \(JSONShape.describe(type)), found null")
        case .keyNotFound(let key, let context):
            self.init(field: JSONShape.path(context.codingPath + [key]), message: "is required")
        case .dataCorrupted(let context):
            self.init(field: JSONShape.path(context.codingPath), message: context.debugDescription)
        @unknown default:
            self.init(field: "", message: "\(error)")
        }
    }
}
