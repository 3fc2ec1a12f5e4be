import Gateway
import Hummingbird
import Logging

/// One place that turns errors into HTTP answers: a ``ProblemError`` as it is; Hummingbird's `HTTPError` (unknown
/// route, unreadable body…) as the same status in problem form; a database outage as 503; anything else as a
/// generic 500 that names the request id. Details go to the log only: never a stack trace or SQL in a body.
enum ErrorMapping {
    static func problem(for error: any Error, requestID: String, logger: Logger) -> any HTTPResponseError {
        switch error {
        case let problem as ProblemError:
            return problem
        case let httpError as HTTPError:
            return ProblemError(httpError.status, title: httpError.status.reasonPhrase, detail: httpError.body,
                                headers: httpError.headers)
        case let responseError as any HTTPResponseError:
            return responseError
        case StoreError.unavailable(let message):
            logger.error("database unavailable: \(message)")
            return ProblemError(.serviceUnavailable, title: "Service unavailable",
                                detail: "The database cannot be reached right now; try again shortly (request id \(requestID)).",
                                headers: [.retryAfter: "1"])
        default:
            logger.error("request failed: \(String(reflecting: error))")
            return ProblemError(.internalServerError, title: "Internal error",
                                detail: "Something went wrong on our side. Quote the request id \(requestID) if you report it.")
        }
    }

    static func response(for error: any Error, request: Request, context: PasserelleRequestContext) throws -> Response {
        let requestID = request.requestID ?? context.id
        return try problem(for: error, requestID: requestID, logger: context.logger)
            .response(from: request, context: context)
    }
}

/// The innermost middleware: errors from routes become problems (see ``ErrorMapping``) before the metrics and the
/// log see them.
struct ErrorMappingMiddleware: RouterMiddleware {
    typealias Context = PasserelleRequestContext

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            throw ErrorMapping.problem(for: error, requestID: request.requestID ?? context.id, logger: context.logger)
        }
    }
}
