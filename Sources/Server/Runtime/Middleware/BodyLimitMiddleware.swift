import Hummingbird
import NIOCore

/// Refuses request bodies over the configured size with 413: at once when `Content-Length` says so, else while
/// the (chunked) body streams in. Invoice uploads and batches have their own, larger limits.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = PasserelleRequestContext

    let limits: ServerConfiguration.Limits

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let (limit, setting) = limit(for: request)
        let tooLarge = ProblemError(
            .contentTooLarge, title: "Request body too large",
            detail: "This endpoint accepts at most \(limit) bytes (setting \(setting)).")
        if let declared = request.headers[.contentLength] {
            guard let length = Int(declared), length <= limit else { throw tooLarge }
            // HTTP/1.1 framing holds the body to its declared length: nothing more to watch.
            return try await next(request, context)
        }
        var limited = request
        limited.body = RequestBody(asyncSequence: LimitedBody(base: request.body, limit: limit, error: tooLarge))
        return try await next(limited, context)
    }

    func limit(for request: Request) -> (bytes: Int, setting: String) {
        guard request.method == .post else { return (limits.bodyBytes, "limits.body") }
        let path = request.uri.path
        if path == "/v1/invoices" || path == "/v1/invoices/" { return (limits.invoiceBodyBytes, "limits.invoice_body") }
        if path == "/v1/batches" || path == "/v1/batches/" { return (limits.batchBodyBytes, "limits.batch_body") }
        return (limits.bodyBytes, "limits.body")
    }
}

/// A request body that throws once more than `limit` bytes have arrived.
struct LimitedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let base: RequestBody
    let limit: Int
    let error: ProblemError

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let limit: Int
        let error: ProblemError
        var received = 0

        mutating func next() async throws -> ByteBuffer? {
            guard let chunk = try await base.next() else { return nil }
            received += chunk.readableBytes
            guard received <= limit else { throw error }
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), limit: limit, error: error)
    }
}
