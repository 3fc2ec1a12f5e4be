import HTTPTypes
import Hummingbird
import NIOCore

/// Injects the configured faults into the Flow and Directory API requests (never into the token endpoint or the
/// sandbox's own admin routes): latency, 5xx answers, requests never answered, connections dropped.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = SandboxContext
    let faults: FaultController

    struct Dropped: Error {}

    /// Says which fault shaped an answer (`latency=300ms`, `error`), so that a test or an operator can see it.
    static let faultHeader = HTTPField.Name("Sandbox-Fault") ?? .server

    func handle(_ request: Request, context: SandboxContext,
                next: (Request, SandboxContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix("/flow-service/") || path.hasPrefix("/directory-service/") || path.hasPrefix("/cpro/")
        else {
            return try await next(request, context)
        }
        var delayed: Int?
        if faults.decide(\.latencyRate) {
            let milliseconds = faults.latencyMilliseconds()
            try? await Task.sleep(for: .milliseconds(milliseconds))
            delayed = milliseconds
        }
        if faults.decide(\.dropRate) {
            try? await context.channel.close()
            throw Dropped()
        }
        if faults.decide(\.timeoutRate) {
            await faults.hang(seconds: faults.current.hangSeconds)
            try? await context.channel.close()
            throw Dropped()
        }
        if faults.decide(\.errorRate) {
            var response = faults.coin() ? APIError.internalError.response()
                : APIError(status: .serviceUnavailable, errorCode: "RESOURCE_ERROR",
                           errorMessage: "injected fault (sandbox)").response()
            response.headers[Self.faultHeader] = "error"
            return response
        }
        var response = try await next(request, context)
        if let delayed { response.headers[Self.faultHeader] = "latency=\(delayed)ms" }
        return response
    }
}
