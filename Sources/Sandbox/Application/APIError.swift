import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An error answered with the AFNOR `Error` body (`errorCode`, `errorMessage`), the codes of the specs' examples:
/// `MISSING_REQUIRED_FIELD` (400), `MISSING_TOKEN` (401), `FORBIDDEN_ACCESS` (403), `MISSING_RESOURCE` (404),
/// `FILE_SIZE_EXCEEDED` (413), `UNPROCESSABLE_ENTITY` (422), `INTERNAL_ERROR` (500), `RESOURCE_ERROR` (503).
struct APIError: Error, HTTPResponseError, Sendable {
    var status: HTTPResponse.Status
    var errorCode: String
    var errorMessage: String?
    var details: String?
    var extraHeaders: HTTPFields = [:]

    struct Body: Codable, Sendable {
        var errorCode: String
        var errorMessage: String?
        var details: String?
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    func response() -> Response {
        var headers = extraHeaders
        headers[.contentType] = "application/json"
        let body = SandboxJSON.encode(Body(errorCode: errorCode, errorMessage: errorMessage, details: details))
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func badRequest(_ message: String, code: String = "MISSING_REQUIRED_FIELD") -> APIError {
        APIError(status: .badRequest, errorCode: code, errorMessage: message)
    }

    static func unauthorized(_ code: String, _ message: String) -> APIError {
        APIError(status: .unauthorized, errorCode: code, errorMessage: message,
                 extraHeaders: [.wwwAuthenticate: "Bearer realm=\"sandbox\""])
    }

    static func notFound(_ message: String = "Requested resource is Not Found") -> APIError {
        APIError(status: .notFound, errorCode: "MISSING_RESOURCE", errorMessage: message)
    }

    static func tooLarge(_ message: String) -> APIError {
        APIError(status: .contentTooLarge, errorCode: "FILE_SIZE_EXCEEDED", errorMessage: message)
    }

    static let internalError = APIError(status: .internalServerError, errorCode: "INTERNAL_ERROR",
                                        errorMessage: "injected fault (sandbox)")
}

/// Responses with a JSON body.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: SandboxJSON.encode(value))))
    }

    /// Decodes a request's JSON body, answering 400 with the decoder's reason when it does not fit.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int = 1 << 20) async throws -> T {
        let buffer = try await request.body.collect(upTo: limit)
        let bytes = Data(buffer.readableBytesView)
        do {
            return try SandboxJSON.decoder().decode(T.self, from: bytes)
        } catch let error as DecodingError {
            throw APIError.badRequest("invalid JSON body: \(error.located)", code: "INVALID_REQUEST")
        }
    }
}

extension DecodingError {
    /// The failing field path and the reason, e.g. `where.flowType[0]: cannot initialize FlowType from "X"`.
    var located: String {
        func path(_ context: Context) -> String {
            let text = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
                .joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "(body)" : text)
        }
        switch self {
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return "\(path(context)): \(context.debugDescription)"
        case let .keyNotFound(key, context):
            let parent = path(context)
            return "\(parent == "(body)" ? "" : parent + ".")\(key.stringValue): required field missing"
        @unknown default:
            return "\(self)"
        }
    }
}
