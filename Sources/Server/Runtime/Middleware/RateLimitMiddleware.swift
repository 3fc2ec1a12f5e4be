import Hummingbird

/// Limits each authenticated caller (API key, or the key behind an access token) to its rate: the key's own
/// `rateLimitPerSecond`, else `limits.rate_per_second`. Over it: 429 with `Retry-After`.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = PasserelleRequestContext

    let limiter: RateLimiter
    let metrics: PasserelleMetrics

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response
    {
        guard let principal = context.identity,
            let rule = limiter.rule(forKeyRate: principal.rateLimitPerSecond)
        else { return try await next(request, context) }
        switch limiter.take(key: principal.tenant.rawValue + "/" + principal.actor, rule: rule) {
        case .allowed:
            return try await next(request, context)
        case .limited(let retryAfter):
            metrics.rateLimited()
            throw ProblemError(
                .tooManyRequests, title: "Too many requests",
                detail: "This key may send \(rule.ratePerSecond) requests per second (bursts of \(rule.burst)); retry after \(retryAfter) s.",
                headers: [.retryAfter: String(retryAfter)])
        }
    }
}
