import Gateway
import Hummingbird

/// The outermost middleware: gives every request an id (the client's `X-Request-Id` when it is a sane token,
/// else a new one), puts it in the request, the logger (`context.id`) and the response. Errors that reach it are
/// turned into problem responses here, so that they carry the id too.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = PasserelleRequestContext

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let id = Self.acceptable(request.headers[.requestID]) ?? APIKeys.randomToken(bytes: 12)
        var head = request.head
        head.headerFields[.requestID] = id
        let tagged = Request(head: head, body: request.body)
        var context = context
        context.logger[metadataKey: "hb.request.id"] = .string(id)
        var response: Response
        do {
            response = try await next(tagged, context)
        } catch {
            response = try ErrorMapping.response(for: error, request: tagged, context: context)
        }
        response.headers[.requestID] = id
        return response
    }

    /// A client id is kept when it is 1-128 characters of letters, digits, `-`, `_`, `.`, `:`.
    static func acceptable(_ value: String?) -> String? {
        guard let value, (1...128).contains(value.utf8.count) else { return nil }
        let allowed = value.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x3A
        }
        return allowed ? value : nil
    }
}
