import Foundation
import Hummingbird
import Logging

/// Logs one line per request: method, path (never the query: it may hold names), status and duration.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = PasserelleRequestContext

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status.code, since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context: context, status: status, since: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        let level: Logger.Level = status >= 500 ? .error : .info
        context.logger.log(
            level: level, "\(request.method) \(request.uri.path) \(status) \(String(format: "%.1f", milliseconds))ms")
    }
}
