import EInvoice
import Foundation
import Gateway
import HTTPTypes
import Testing

/// Every route, called with tenant B's admin key on tenant A's data: each try is refused (404, or an empty list, or
/// B's own resource) and no answer carries anything of A's.
@Suite("API: tenant isolation")
struct TenantIsolationTests {
    /// Words only tenant A's data contains (B names A's codes and ids in its paths, so those may come back).
    static let secrets = ["FA-SECRET-A", "Secret Customer A", "Secret product A", "https://a.example/hook",
                          "A's ERP key", "erp-secret-a"]

    @Test("tenant B's key reaches nothing of tenant A's, on every route", arguments: TestBackend.all)
    func everyRouteIsScoped(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let a = try await gateway.makeTenant("tenant-a", settings: TenantSettings(
                catalogue: CataloguePolicy(rejectUnknownProduct: false)))
            let b = try await gateway.makeTenant("tenant-b")
            let seeded = try await Self.seed(a, gateway: gateway)
            let tried = try await gateway.serve { api in
                var tried = Set<String>()
                let key = b.admin
                let invoice = seeded.invoiceID
                /// `echo`: the answer repeats what B itself sent (B's own copy of A's payload), so A's words in
                /// it are B's; the ids are checked to differ instead.
                func refused(_ method: String, _ template: String, _ reply: APIReply, _ statuses: Set<Int> = [404],
                             echo: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
                    tried.insert("\(method) \(template)")
                    #expect(statuses.contains(reply.status), "\(method) \(template): \(reply.status) \(reply.text)",
                            sourceLocation: sourceLocation)
                    for secret in Self.secrets where !echo {
                        #expect(!reply.text.contains(secret), "\(method) \(template) leaks \(secret)",
                                sourceLocation: sourceLocation)
                    }
                }
                // Invoices and batches.
                refused("GET", "/v1/invoices/{id}", try await api.get("/v1/invoices/\(invoice)", key: key))
                refused("GET", "/v1/invoices/{id}/events", try await api.get("/v1/invoices/\(invoice)/events", key: key))
                refused("GET", "/v1/invoices/{id}/timeline", try await api.get("/v1/invoices/\(invoice)/timeline", key: key))
                refused("GET", "/v1/invoices/{id}/documents", try await api.get("/v1/invoices/\(invoice)/documents", key: key))
                refused("GET", "/v1/invoices/{id}/documents/{kind}",
                        try await api.get("/v1/invoices/\(invoice)/documents/original", key: key))
                let list = try await api.get("/v1/invoices?batch=\(seeded.batchID)", key: key)
                refused("GET", "/v1/invoices", list, [200])
                #expect(list.json["items"].array.isEmpty)
                #expect(try await api.get("/v1/invoices", key: key).json["items"].array.isEmpty)
                refused("GET", "/v1/batches/{id}", try await api.get("/v1/batches/\(seeded.batchID)", key: key))
                refused("GET", "/v1/invoices/{id}/statuses", try await api.get("/v1/invoices/\(invoice)/statuses", key: key))
                refused("POST", "/v1/invoices/{id}/statuses", try await api.send(
                    .post, "/v1/invoices/\(invoice)/statuses", key: key, json: ["code": "205", "time": "2026-11-04"]))
                let reconciliation = try await api.get("/v1/reconciliation", key: key)
                refused("GET", "/v1/reconciliation", reconciliation, [200])
                #expect(reconciliation.json["items"].array.isEmpty)
                let export = try await api.get("/v1/reconciliation.csv", key: key)
                refused("GET", "/v1/reconciliation.csv", export, [200])
                #expect(export.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1, "only the header")
                let post = try await api.call(.post, "/v1/invoices", key: key, body: seeded.payload,
                                              contentType: "application/xml", headers: ["Idempotency-Key": "erp-secret-a"])
                refused("POST", "/v1/invoices", post, [202], echo: true)
                #expect(post.json["id"].string != invoice, "B's request made B's own invoice, not A's")
                let batch = try await api.send(.post, "/v1/batches", key: key, json: ["items": [
                    ["payload": Data(seeded.payload).base64EncodedString(), "idempotencyKey": "erp-secret-a"],
                ]])
                refused("POST", "/v1/batches", batch, [202], echo: true)
                #expect(batch.json["items"][0]["status"].string == "existing")
                #expect(batch.json["items"][0]["invoice"]["id"].string == post.json["id"].string)

                // Master data.
                for (resource, code) in [("customers", "C-A"), ("products", "P-A"), ("price-lists", "PL-SECRET-A")] {
                    refused("GET", "/v1/\(resource)/{code}", try await api.get("/v1/\(resource)/\(code)", key: key))
                    refused("DELETE", "/v1/\(resource)/{code}", try await api.delete("/v1/\(resource)/\(code)", key: key))
                    let listed = try await api.get("/v1/\(resource)", key: key)
                    refused("GET", "/v1/\(resource)", listed, [200])
                    #expect(listed.json["items"].array.isEmpty)
                    let stale = try await api.send(.put, "/v1/\(resource)/\(code)", key: key,
                                                   json: Self.minimal(resource), headers: ["If-Match": "\"1\""])
                    refused("PUT", "/v1/\(resource)/{code}", stale, [412])
                    #expect(stale.json["currentVersion"].int == 0, "B sees its own (absent) item, not A's version 1")
                    var bulkItem = Self.minimal(resource)
                    bulkItem["code"] = code
                    bulkItem["expectedVersion"] = 1
                    let bulk = try await api.send(.post, "/v1/\(resource):bulk", key: key, json: [bulkItem])
                    refused("POST", "/v1/\(resource):bulk", bulk, [200])
                    #expect(bulk.json["items"][0]["status"].string == "stale")
                    #expect(bulk.json["items"][0]["currentVersion"].int == 0)
                }
                let changes = try await api.get("/v1/changes", key: key)
                refused("GET", "/v1/changes", changes, [200])
                #expect(!changes.json["items"].array.contains { $0["key"].string == invoice || $0["key"].string == "C-A" })

                // Administration.
                let jobs = try await api.get("/v1/jobs", key: key)
                refused("GET", "/v1/jobs", jobs, [200])
                #expect(!jobs.json["items"].array.contains { $0["invoiceID"].string == invoice })
                refused("POST", "/v1/jobs/{id}/replay", try await api.call(.post, "/v1/jobs/\(seeded.parkedJobID)/replay", key: key))
                let hooks = try await api.get("/v1/webhooks", key: key)
                refused("GET", "/v1/webhooks", hooks, [200])
                #expect(hooks.json["items"].array.isEmpty)
                refused("POST", "/v1/webhooks", try await api.send(.post, "/v1/webhooks", key: key, json: [
                    "url": "https://b.example/hook", "eventTypes": ["*"],
                ]), [201])
                refused("DELETE", "/v1/webhooks/{id}", try await api.delete("/v1/webhooks/\(seeded.webhookID)", key: key))
                let deliveries = try await api.get("/v1/webhook-deliveries", key: key)
                refused("GET", "/v1/webhook-deliveries", deliveries, [200])
                #expect(!deliveries.json["items"].array.contains { $0["id"].string == seeded.deliveryID })
                refused("POST", "/v1/webhook-deliveries/{id}/replay",
                        try await api.call(.post, "/v1/webhook-deliveries/\(seeded.deliveryID)/replay", key: key))
                let keys = try await api.get("/v1/api-keys", key: key)
                refused("GET", "/v1/api-keys", keys, [200])
                #expect(!keys.json["items"].array.contains { $0["id"].string == a.adminKeyID })
                refused("POST", "/v1/api-keys", try await api.send(.post, "/v1/api-keys", key: key, json: [
                    "name": "B's key", "scopes": ["invoices:read"],
                ]), [201])
                refused("DELETE", "/v1/api-keys/{id}", try await api.delete("/v1/api-keys/\(a.adminKeyID)", key: key))
                let audit = try await api.get("/v1/audit?limit=500", key: key)
                refused("GET", "/v1/audit", audit, [200])
                #expect(!audit.json["items"].array.contains { $0["target"].string == invoice || $0["actor"].string == a.adminKeyID })
                let settings = try await api.get("/v1/settings", key: key)
                refused("GET", "/v1/settings", settings, [200])
                #expect(settings.json["catalogue"]["rejectUnknownProduct"].bool == true, "B reads its own settings")
                var changed = try #require(settings.json.value as? [String: Any])
                changed["dryRun"] = true
                refused("PUT", "/v1/settings", try await api.send(.put, "/v1/settings", key: key, json: changed,
                                                                  headers: ["If-Match": settings.header("ETag") ?? ""]), [200])

                // A's data is unchanged, and A's key still works.
                let still = try await api.get("/v1/customers/C-A", key: a.admin)
                #expect(still.json["version"].int == 1)
                #expect(still.json["active"].bool == true)
                let aSettings = try await api.get("/v1/settings", key: a.admin)
                #expect(aSettings.json["dryRun"].bool == false)
                #expect(try await api.get("/v1/webhooks", key: a.admin).json["items"].array.count == 1)
                #expect(try await api.get("/v1/reconciliation", key: a.admin).json["items"].array.count == 1,
                        "A's payment is there for B not to see")
                return tried
            }
            let routes = Set(RouteRecorder.apiRoutes(services: gateway.services))
            #expect(routes.subtracting(tried).isEmpty, "routes not tried by tenant B: \(routes.subtracting(tried).sorted())")
        }
    }

    @Test("keys without the scope get 403, requests without a key 401, on every route", arguments: [TestBackend.sqlite])
    func scopesAndAuthentication(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            let reader = try await gateway.makeKey(tenant, scopes: [.invoicesRead])
            let routes = RouteRecorder.apiRoutes(services: gateway.services)
            try await gateway.serve { api in
                for route in routes {
                    let parts = route.split(separator: " ")
                    let method = HTTPRequest.Method(rawValue: String(parts[0])) ?? .get
                    let path = String(parts[1]).replacingOccurrences(of: "{kind}", with: "original")
                        .replacingOccurrences(of: "{id}", with: "x").replacingOccurrences(of: "{code}", with: "x")
                    let anonymous = try await api.call(method, path, key: nil)
                    #expect(anonymous.status == 401, "\(route): \(anonymous.status)")
                    #expect(anonymous.header("Content-Type") == "application/problem+json")
                    let readOnly = try await api.call(method, path, key: reader)
                    if method == .get && (path.hasPrefix("/v1/invoices") || path.hasPrefix("/v1/batches") || path == "/v1/changes"
                        || path.hasPrefix("/v1/reconciliation")) {
                        #expect(readOnly.status != 403 && readOnly.status != 401, "\(route): \(readOnly.status)")
                    } else {
                        #expect(readOnly.status == 403, "\(route): \(readOnly.status) \(readOnly.text)")
                    }
                }
            }
        }
    }

    static func minimal(_ resource: String) -> [String: Any] {
        switch resource {
        case "customers": ["name": "B customer"]
        case "products": ["name": "B product", "unitCode": "C62", "vatCategory": "S", "vatRate": "20.00"]
        default: ["entries": [] as [Any]]
        }
    }

    struct Seeded {
        var invoiceID: String
        var payload: [UInt8]
        var batchID: String
        var webhookID: String
        var deliveryID: String
        var parkedJobID: String
    }

    /// Tenant A's data: an invoice through the pipeline (in a batch), master data, a webhook whose delivery failed
    /// until dead-lettered (its job parked), a second key.
    static func seed(_ a: TestTenant, gateway: APITestGateway) async throws -> Seeded {
        let payload = Payloads.cii(number: "FA-SECRET-A") { $0.buyer.name = "Secret Customer A" }
        gateway.webhooks.answer(500)
        let seeded = try await gateway.serve { api in
            let hook = try await api.send(.post, "/v1/webhooks", key: a.admin, json: [
                "url": "https://a.example/hook", "eventTypes": ["invoice.received"],
            ])
            #expect(hook.status == 201, "\(hook.text)")
            let batch = try await api.send(.post, "/v1/batches", key: a.admin, json: ["items": [
                ["payload": Data(payload).base64EncodedString(), "idempotencyKey": "erp-secret-a"],
            ]])
            #expect(batch.status == 202, "\(batch.text)")
            #expect(try await api.send(.put, "/v1/customers/C-A", key: a.admin, json: ["name": "Secret Customer A"]).status == 201)
            #expect(try await api.send(.put, "/v1/products/P-A", key: a.admin, json: [
                "name": "Secret product A", "unitCode": "C62", "vatCategory": "S", "vatRate": "20.00",
            ]).status == 201)
            #expect(try await api.send(.put, "/v1/price-lists/PL-SECRET-A", key: a.admin, json: [
                "entries": [["productCode": "P-A", "unitPrice": "10.00"]],
            ]).status == 201)
            #expect(try await api.send(.post, "/v1/api-keys", key: a.admin, json: [
                "name": "A's ERP key", "scopes": ["invoices:write"],
            ]).status == 201)
            return Seeded(invoiceID: try #require(batch.json["items"][0]["invoice"]["id"].string), payload: payload,
                          batchID: try #require(batch.json["id"].string), webhookID: try #require(hook.json["id"].string),
                          deliveryID: "", parkedJobID: "")
        }
        try await gateway.drain()
        _ = try await gateway.services.lifecycle.receive(StatusSubmission(
            tenant: a.id, content: .structured(ReceivedStatus(
                messageID: "A-212", status: .paymentReceived, timestamp: try #require(LifecycleDateTime(text: "20261120")),
                amounts: [StatusAmount(amount: 10, currency: "EUR")])),
            target: .invoice(InvoiceID(seeded.invoiceID)), source: .api, actor: "seed"))
        let (delivery, job) = try await gateway.store.transaction { transaction in
            (try await transaction.deliveries(tenant: a.id, state: .deadLettered, limit: 10).first,
             try await transaction.jobs(tenant: a.id, state: .parked, limit: 10).first)
        }
        var result = seeded
        result.deliveryID = try #require(delivery?.id)
        result.parkedJobID = try #require(job?.id.rawValue)
        gateway.webhooks.answer(200)
        return result
    }
}
