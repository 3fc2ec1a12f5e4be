import Foundation
import Gateway
import GatewayStorage
import Logging
import Testing

@testable import Server

@Suite("Runtime over HTTP: public routes, request ids, errors, size limits")
struct RuntimeHTTPTests {
    @Test("/health answers while the process is up, /ready once the database is migrated, /openapi.json serves the document")
    func healthAndReady() async throws {
        try await RuntimeTestServer.with { server in
            let health = try await server.get("/health")
            #expect(health.status == 200)
            #expect(health.body == #"{"status":"up"}"#)
            let ready = try await server.get("/ready")
            #expect(ready.status == 200)
            #expect(ready.body.contains(#""database":"up""#))
            let openAPI = try await server.get("/openapi.json")
            #expect(openAPI.status == 200)
            #expect(openAPI.headers.first(name: "Content-Type") == "application/json")
            let document = try JSONSerialization.jsonObject(with: Data(openAPI.body.utf8)) as? [String: Any]
            #expect((document?["openapi"] as? String)?.hasPrefix("3.1") == true)
        }
    }

    @Test("/ready is a 503 problem before the migrations and when the database is gone")
    func notReady() async throws {
        let folder = RuntimeTemporaryFolder()
        let store = try await SQLGatewayStore.open(url: "sqlite:" + folder.path("ready.db"))
        try await store.migrate()
        let routes = PublicRoutes(store: store, readiness: Readiness(), metrics: PasserelleMetrics(), openAPI: nil)
        let early = await #expect(throws: ProblemError.self) { try await routes.ready(logger: Logger(label: "test")) }
        #expect(early?.problem.status == 503)
        let readiness = Readiness()
        readiness.markMigrated()
        let migrated = PublicRoutes(store: store, readiness: readiness, metrics: PasserelleMetrics(), openAPI: nil)
        #expect(try await migrated.ready(logger: Logger(label: "test")).status == .ok)
        try await store.shutdown()
        let gone = await #expect(throws: ProblemError.self) { try await migrated.ready(logger: Logger(label: "test")) }
        #expect(gone?.problem.status == 503)
        #expect(gone?.problem.detail == "The database does not answer.")
    }

    @Test("/metrics is Prometheus text and its counters move with requests and invoices", arguments: TestBackend.all)
    func metrics(backend: TestBackend) async throws {
        try await RuntimeTestServer.with(backend: backend) { server in
            for _ in 0..<3 { _ = try await server.get("/health") }
            _ = try await server.get("/no/such/route")
            let first = try await server.get("/metrics")
            #expect(first.status == 200)
            #expect(first.headers.first(name: "Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(Self.value(in: first.body, #"passerelle_http_requests_total{method="GET",route="/health",status="200"}"#) == 3)
            #expect(Self.value(in: first.body, #"passerelle_http_requests_total{method="GET",route="NotFound",status="404"}"#) == 1)
            #expect(first.body.contains("passerelle_http_request_duration_seconds_bucket"))

            // No catalogue in this tenant: with its checks off the invoice goes the whole way, to held.
            let noCatalogue = TenantSettings(catalogue: CataloguePolicy(
                rejectUnknownProduct: false, rejectInactiveProduct: false, rejectVATMismatch: false,
                rejectPriceMismatch: false))
            try await server.store.transaction { transaction in
                try await transaction.updateTenantSettings(RuntimeTestServer.tenant, settings: noCatalogue)
            }
            let payload = try Array(Data(contentsOf: RuntimeTestPaths.exampleInvoice))
            _ = try await server.services.intake.receive(
                IntakeRequest(tenant: RuntimeTestServer.tenant, payload: payload, actor: "test"))
            do {
                try await eventually("the pipeline to finish the invoice") {
                    let text = try await server.get("/metrics").body
                    return (Self.value(in: text, #"passerelle_jobs_completed_total{kind="dispatch"}"#) ?? 0) >= 1
                }
            } catch {
                Issue.record("\(error): \(try await server.get("/metrics").body)")
                throw error
            }
            let second = try await server.get("/metrics")
            #expect(Self.value(in: second.body, "passerelle_invoices_received_total") == 1)
            for kind in ["check", "render", "dispatch"] {
                #expect(Self.value(in: second.body, #"passerelle_jobs_completed_total{kind="\#(kind)"}"#) == 1, "\(kind)")
            }
            #expect(second.body.contains(#"passerelle_jobs_queue{state="pending"}"#))
            #expect(Self.value(in: second.body, #"passerelle_http_requests_total{method="GET",route="/health",status="200"}"#) == 3)
        }
    }

    @Test("X-Request-Id is echoed when sane, made when absent or unusable, and names the request in a 500")
    func requestIDs() async throws {
        try await RuntimeTestServer.with { server in
            let given = try await server.get("/health", headers: [("X-Request-Id", "erp-batch-42.7")])
            #expect(given.headers.first(name: "X-Request-Id") == "erp-batch-42.7")
            let made = try await server.get("/health")
            let madeID = made.headers.first(name: "X-Request-Id") ?? ""
            #expect(madeID.count == 16)
            let unusable = try await server.get("/health", headers: [("X-Request-Id", "has spaces; and=more")])
            #expect(unusable.headers.first(name: "X-Request-Id")?.contains(" ") == false)
            let failed = try await server.get("/test/boom", headers: [("X-Request-Id", "trace-me")])
            #expect(failed.headers.first(name: "X-Request-Id") == "trace-me")
            #expect(failed.body.contains("trace-me"))
        }
    }

    @Test("errors are problem+json without SQL, file names or error descriptions")
    func errorBodies() async throws {
        try await RuntimeTestServer.with { server in
            let boom = try await server.get("/test/boom")
            #expect(boom.status == 500)
            #expect(boom.headers.first(name: "Content-Type") == "application/problem+json")
            let problem = try boom.json()
            #expect(problem["title"] as? String == "Internal error")
            #expect(problem["status"] as? String == "500")
            let down = try await server.get("/test/database-down")
            #expect(down.status == 503)
            #expect(down.headers.first(name: "Retry-After") == "1")
            let missing = try await server.get("/v0/nothing")
            #expect(missing.status == 404)
            #expect(missing.headers.first(name: "Content-Type") == "application/problem+json")
            for reply in [boom, down, missing] {
                for leak in ["SELECT", "api_keys", "psk_leak", ".swift", "credentials", "connection refused"] {
                    #expect(!reply.body.contains(leak), "\(reply.status) body leaks \(leak): \(reply.body)")
                }
            }
        }
    }

    @Test("bodies over the limit are refused with 413, by Content-Length or while streaming; uploads have their own limit")
    func sizeLimits() async throws {
        try await RuntimeTestServer.with(configure: { configuration in
            configuration.limits.bodyBytes = 1_024
            configuration.limits.invoiceBodyBytes = 4_096
        }) { server in
            let key = try await server.makeKey(scopes: [.invoicesWrite])
            let auth = [("Authorization", "Bearer \(key.secret)")]
            let small = try await server.request(.POST, "/test/echo", headers: auth, body: Array(repeating: 65, count: 1_000))
            #expect(small.status == 200)
            #expect(small.body == "1000")
            let declared = try await server.request(.POST, "/test/echo", headers: auth, body: Array(repeating: 65, count: 2_000))
            #expect(declared.status == 413)
            #expect(declared.headers.first(name: "Content-Type") == "application/problem+json")
            #expect(declared.body.contains("limits.body"))
            let streamed = try await server.request(
                .POST, "/test/echo", headers: auth, body: Array(repeating: 65, count: 3_000), length: false)
            #expect(streamed.status == 413)
            // POST /v1/invoices has its own, larger limit: 2,000 bytes pass the size check there.
            let upload = try await server.request(.POST, "/v1/invoices", headers: auth, body: Array(repeating: 65, count: 2_000))
            #expect(upload.status != 413)
            let tooBigUpload = try await server.request(
                .POST, "/v1/invoices", headers: auth, body: Array(repeating: 65, count: 5_000))
            #expect(tooBigUpload.status == 413)
            #expect(tooBigUpload.body.contains("limits.invoice_body"))
        }
    }

    /// The value of one sample line of a Prometheus exposition.
    static func value(in exposition: String, _ sample: String) -> Int? {
        for line in exposition.split(separator: "\n") where line.hasPrefix(sample + " ") {
            return Double(line.dropFirst(sample.count + 1)).map { Int($0) }
        }
        return nil
    }
}
