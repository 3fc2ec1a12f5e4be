import Gateway
import Hummingbird
import Logging
import NIOCore

/// The routes that need no key: `/health`, `/ready`, `/metrics`, `/openapi.json`.
struct PublicRoutes: Sendable {
    let store: any GatewayStore
    let readiness: Readiness
    let metrics: PasserelleMetrics
    let openAPI: [UInt8]?

    func register(on router: Router<PasserelleRequestContext>) {
        router.get("/health") { _, _ -> Response in
            Self.json(#"{"status":"up"}"#)
        }
        router.get("/ready") { _, context -> Response in
            try await self.ready(logger: context.logger)
        }
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: self.metrics.exposition())))
        }
        router.get("/openapi.json") { _, _ -> Response in
            guard let document = self.openAPI else {
                throw ProblemError(
                    .notFound, title: "OpenAPI document not installed",
                    detail: "The server did not find openapi/passerelle-v1.json at start-up; set server.openapi_file.")
            }
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
    }

    /// Ready when the migrations have run and the database answers a query now.
    func ready(logger: Logger) async throws -> Response {
        guard readiness.isMigrated else {
            throw ProblemError(.serviceUnavailable, title: "Not ready",
                               detail: "The database migrations have not finished.", headers: [.retryAfter: "1"])
        }
        do {
            _ = try await store.transaction { transaction in try await transaction.tenants().count }
        } catch {
            logger.error("readiness check failed: \(error)")
            throw ProblemError(.serviceUnavailable, title: "Not ready",
                               detail: "The database does not answer.", headers: [.retryAfter: "1"])
        }
        return Self.json(#"{"status":"ready","database":"up"}"#)
    }

    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
