import Hummingbird

/// Counts requests and their latency by method, route template (`/v1/invoices/{id}`, never the raw path) and
/// status into ``PasserelleMetrics``.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = PasserelleRequestContext

    let metrics: PasserelleMetrics

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context: context, status: response.status.code, since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, context: context, status: status, since: start)
            throw error
        }
    }

    private func record(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let route = context.endpointPath ?? "unmatched"
        metrics.request(method: request.method.rawValue, route: route, status: status,
                        duration: ContinuousClock.now - start)
    }
}
