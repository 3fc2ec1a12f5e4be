import Foundation
import Gateway
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// Every error status the API answers is an RFC 9457 problem of the same shape, with nothing internal in it.
@Suite("API: problem+json")
struct ProblemShapeTests {
    static let problemFields: Set<String> = [
        "type", "title", "status", "detail", "instance", "findings", "errors", "existingID", "currentVersion",
    ]

    static func expectProblem(_ reply: APIReply, status: Int, path: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reply.status == status, "\(path): \(reply.status) \(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.header("Content-Type") == "application/problem+json", sourceLocation: sourceLocation)
        let problem = reply.json
        #expect(problem.keys.isSubset(of: problemFields), "\(problem.keys)", sourceLocation: sourceLocation)
        #expect(problem["status"].int == status, sourceLocation: sourceLocation)
        #expect(problem["type"].string?.hasPrefix("https://passerelle.dev/problems/") == true, sourceLocation: sourceLocation)
        #expect(problem["title"].string?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(problem["instance"].string == String(path.prefix { $0 != "?" }), sourceLocation: sourceLocation)
        for hint in ["SELECT", "INSERT", "sqlite", "postgres", "Swift.", "Error("] {
            #expect(!reply.text.contains(hint), "leaks \(hint): \(reply.text)", sourceLocation: sourceLocation)
        }
    }

    @Test("400, 401, 403, 404, 409, 412, 413, 415, 422 and 428 are problems", arguments: [TestBackend.sqlite])
    func clientErrors(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            let reader = try await gateway.makeKey(tenant, scopes: [.invoicesRead])
            try await gateway.serve { api in
                var path = "/v1/invoices?limit=zero"
                Self.expectProblem(try await api.get(path, key: tenant.admin), status: 400, path: path)
                path = "/v1/invoices"
                Self.expectProblem(try await api.get(path, key: nil), status: 401, path: path)
                Self.expectProblem(try await api.call(.post, path, key: reader, body: Payloads.cii(number: "X"),
                                                      contentType: "application/xml"), status: 403, path: path)
                path = "/v1/invoices/00000000-0000-0000-0000-000000000000"
                Self.expectProblem(try await api.get(path, key: tenant.admin), status: 404, path: path)

                path = "/v1/invoices"
                _ = try await api.call(.post, path, key: tenant.admin, body: Payloads.cii(number: "FA-1"),
                                       contentType: "application/xml", headers: ["Idempotency-Key": "k"])
                Self.expectProblem(try await api.call(.post, path, key: tenant.admin, body: Payloads.cii(number: "FA-2"),
                                                      contentType: "application/xml", headers: ["Idempotency-Key": "k"]),
                                   status: 409, path: path)
                Self.expectProblem(try await api.call(.post, path, key: tenant.admin, body: Array("hello".utf8),
                                                      contentType: "text/plain"), status: 415, path: path)
                Self.expectProblem(try await api.call(.post, path, key: tenant.admin, body: Array("%PDF-1.7\n".utf8),
                                                      contentType: "application/pdf"), status: 400, path: path)
                Self.expectProblem(try await api.call(.post, path, key: tenant.admin, body: Payloads.cii(number: "X"),
                                                      contentType: "application/json"), status: 415, path: path)
                Self.expectProblem(try await api.call(.post, path, key: tenant.admin, body: Array("<Invoice>".utf8),
                                                      contentType: "application/xml"), status: 400, path: path)
                let noIdentity = Payloads.cii(number: "") { $0.number = "" }
                Self.expectProblem(try await api.call(.post, path, key: tenant.admin, body: noIdentity,
                                                      contentType: "application/xml"), status: 422, path: path)

                path = "/v1/products/P-1"
                let product: [String: Any] = ["name": "Vis", "unitCode": "C62", "vatCategory": "S", "vatRate": "20.00"]
                _ = try await api.send(.put, path, key: tenant.admin, json: product)
                Self.expectProblem(try await api.send(.put, path, key: tenant.admin, json: product,
                                                      headers: ["If-Match": "\"7\""]), status: 412, path: path)
                var invalid = product
                invalid["vatCategory"] = "X"
                Self.expectProblem(try await api.send(.put, path, key: tenant.admin, json: invalid), status: 422, path: path)

                path = "/v1/settings"
                let settings = try await api.get(path, key: tenant.admin)
                Self.expectProblem(try await api.send(.put, path, key: tenant.admin, json: settings.json.value ?? [:]),
                                   status: 428, path: path)
                Self.expectProblem(try await api.send(.put, path, key: tenant.admin, json: settings.json.value ?? [:],
                                                      headers: ["If-Match": "\"0000\""]), status: 412, path: path)

                path = "/v1/batches"
                let tooMany = Array(repeating: [String: Any](), count: 5_001)
                Self.expectProblem(try await api.send(.post, path, key: tenant.admin, json: tooMany), status: 413, path: path)
            }
        }
    }

    @Test("an unavailable database answers 503 with Retry-After and no internals")
    func storageUnavailable() async throws {
        let router = Router(context: PasserelleRequestContext.self)
        router.add(middleware: FixedIdentityMiddleware(principal: Principal(
            tenant: TenantID("acme"), actor: "key_test", scopes: Set(Scope.allCases))))
        APIRoutes.register(on: router, services: GatewayServices(store: UnavailableStore()))
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let api = APIClient(client: client)
            for path in ["/v1/invoices", "/v1/customers/C-1", "/v1/changes", "/v1/settings"] {
                let reply = try await api.get(path, key: nil)
                Self.expectProblem(reply, status: 503, path: path)
                #expect(reply.header("Retry-After") == "5")
                #expect(!reply.text.contains("connection refused"))
            }
            let post = try await api.call(.post, "/v1/invoices", key: nil, body: Payloads.cii(number: "FA-503"),
                                          contentType: "application/xml")
            Self.expectProblem(post, status: 503, path: "/v1/invoices")
        }
    }
}

/// Sets a fixed caller (for the tests whose store cannot authenticate anyone).
struct FixedIdentityMiddleware: RouterMiddleware {
    typealias Context = PasserelleRequestContext
    var principal: Principal

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        context.identity = principal
        return try await next(request, context)
    }
}

/// A store whose database is down.
struct UnavailableStore: GatewayStore {
    func transaction<Result: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> Result)
        async throws -> Result
    {
        throw StoreError.unavailable("connection refused (127.0.0.1:5432)")
    }

    func migrate() async throws {}
    var displayName: String { "unavailable" }
    func shutdown() async throws {}
}
