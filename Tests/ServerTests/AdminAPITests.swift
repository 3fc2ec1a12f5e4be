import Foundation
import Gateway
import Testing

@Suite("API: administration")
struct AdminAPITests {
    @Test("a webhook's secret is shown once; a dead-lettered delivery is replayed and arrives signed", arguments: TestBackend.all)
    func webhooksAndReplay(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme", settings: TenantSettings(
                catalogue: CataloguePolicy(rejectUnknownProduct: false)))
            gateway.webhooks.answer(503)
            let secret: String = try await gateway.serve { api in
                let invalid = try await api.send(.post, "/v1/webhooks", key: tenant.admin, json: [
                    "url": "ftp://erp.example", "eventTypes": ["invoice.lost"],
                ])
                #expect(invalid.status == 422)
                #expect(Set(invalid.json["errors"].array.compactMap { $0["field"].string }) == ["url", "eventTypes[0]"])
                let created = try await api.send(.post, "/v1/webhooks", key: tenant.admin, json: [
                    "url": "https://erp.example/hook", "eventTypes": ["invoice.held"],
                ])
                #expect(created.status == 201)
                let secret = try #require(created.json["secret"].string)
                #expect(secret.hasPrefix("whsec_"))
                let listed = try await api.get("/v1/webhooks", key: tenant.admin)
                #expect(listed.json["items"].array.count == 1)
                #expect(listed.json["items"][0]["secret"].isNull)
                #expect(!listed.text.contains(secret))
                _ = try await api.call(.post, "/v1/invoices", key: tenant.admin, body: Payloads.cii(number: "FA-W-1"),
                                       contentType: "application/xml")
                return secret
            }
            try await gateway.drain()
            #expect(gateway.webhooks.posts.count == 8, "every attempt failed until the job was parked")
            gateway.webhooks.answer(204)
            try await gateway.serve { api in
                let dead = try await api.get("/v1/webhook-deliveries?state=dead-lettered", key: tenant.admin)
                #expect(dead.json["items"].array.count == 1)
                #expect(dead.json["items"][0]["lastStatusCode"].int == 503)
                let deliveryID = try #require(dead.json["items"][0]["id"].string)
                let parked = try await api.get("/v1/jobs?state=parked", key: tenant.admin)
                #expect(parked.json["items"].array.compactMap { $0["kind"].string } == ["webhook"])

                let replayed = try await api.call(.post, "/v1/webhook-deliveries/\(deliveryID)/replay", key: tenant.admin)
                #expect(replayed.status == 200, "\(replayed.text)")
                #expect(replayed.json["state"].string == "pending")
                let again = try await api.call(.post, "/v1/webhook-deliveries/\(deliveryID)/replay", key: tenant.admin)
                #expect(again.status == 409)
            }
            try await gateway.drain()
            let last = try #require(gateway.webhooks.posts.last)
            #expect(gateway.webhooks.posts.count == 9)
            let epoch = try #require(last.headers[WebhookSignature.timestampHeader].flatMap { Int64($0) })
            let signature = try #require(last.headers[WebhookSignature.signatureHeader])
            #expect(WebhookSignature.verify(body: last.body, epochSeconds: epoch, signature: signature, secret: secret))
            try await gateway.serve { api in
                let delivered = try await api.get("/v1/webhook-deliveries?state=delivered", key: tenant.admin)
                #expect(delivered.json["items"].array.count == 1)
                let hooks = try await api.get("/v1/webhooks", key: tenant.admin)
                let hookID = try #require(hooks.json["items"][0]["id"].string)
                #expect(try await api.delete("/v1/webhooks/\(hookID)", key: tenant.admin).status == 204)
                #expect(try await api.delete("/v1/webhooks/\(hookID)", key: tenant.admin).status == 404)
            }
        }
    }

    @Test("a parked invoice step is replayed through the API", arguments: [TestBackend.sqlite])
    func jobReplay(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            let id: String = try await gateway.serve { api in
                let posted = try await api.call(.post, "/v1/invoices", key: tenant.admin, body: Payloads.cii(number: "FA-J-1"),
                                                contentType: "application/xml")
                return try #require(posted.json["id"].string)
            }
            // The original payload disappears: the check step cannot read it and parks at once.
            try await gateway.store.transaction { transaction in
                try await transaction.putDocument(StoredDocument(
                    tenant: tenant.id, invoiceID: InvoiceID(id), kind: .original, mediaType: "application/xml",
                    bytes: Array("garbage".utf8), sha256: Hashing.sha256Hex(Array("garbage".utf8)), createdAt: Date()))
            }
            try await gateway.drain()
            try await gateway.serve { api in
                let parked = try await api.get("/v1/jobs?state=parked", key: tenant.admin)
                #expect(parked.json["items"].array.count == 1)
                #expect(parked.json["items"][0]["invoiceID"].string == id)
                #expect(parked.json["items"][0]["lastError"].string?.isEmpty == false)
                let jobID = try #require(parked.json["items"][0]["id"].string)
                let replayed = try await api.call(.post, "/v1/jobs/\(jobID)/replay", key: tenant.admin)
                #expect(replayed.status == 200)
                #expect(replayed.json["state"].string == "pending")
                #expect(replayed.json["attempts"].int == 0)
                #expect(try await api.call(.post, "/v1/jobs/\(jobID)/replay", key: tenant.admin).status == 409)
                #expect(try await api.call(.post, "/v1/jobs/job-unknown/replay", key: tenant.admin).status == 404)
                let events = try await api.get("/v1/invoices/\(id)/events", key: tenant.admin)
                #expect(events.json["items"].array.compactMap { $0["type"].string }.contains("job.replayed"))
            }
        }
    }

    @Test("API keys: the secret works once made, not once revoked; the audit log has every write, refused ones too", arguments: TestBackend.all)
    func keysAndAudit(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            try await gateway.serve { api in
                let refused = try await api.send(.post, "/v1/api-keys", key: tenant.admin, json: [
                    "name": "", "scopes": ["invoices:delete"],
                ])
                #expect(refused.status == 422)
                #expect(Set(refused.json["errors"].array.compactMap { $0["field"].string }) == ["name", "scopes[0]"])
                let created = try await api.send(.post, "/v1/api-keys", key: tenant.admin, json: [
                    "name": "SAP production", "scopes": ["invoices:read"], "rateLimitPerSecond": 50,
                ])
                #expect(created.status == 201)
                let secret = try #require(created.json["secret"].string)
                let keyID = try #require(created.json["id"].string)
                #expect(created.json["scopes"].array.compactMap(\.string) == ["invoices:read"])
                #expect(try await api.get("/v1/invoices", key: secret).status == 200)
                #expect(try await api.get("/v1/api-keys", key: secret).status == 403)
                let listed = try await api.get("/v1/api-keys", key: tenant.admin)
                #expect(listed.json["items"].array.count == 2)
                #expect(!listed.text.contains(secret))
                #expect(try await api.delete("/v1/api-keys/\(keyID)", key: tenant.admin).status == 204)
                #expect(try await api.get("/v1/invoices", key: secret).status == 401)
                #expect(try await api.delete("/v1/api-keys/key_unknown", key: tenant.admin).status == 404)

                _ = try await api.call(.post, "/v1/invoices", key: tenant.admin, body: Payloads.cii(number: "FA-AU-1"),
                                       contentType: "application/xml")
                _ = try await api.send(.put, "/v1/customers/C-1", key: tenant.admin, json: ["name": "Client"])
                let audit = try await api.get("/v1/audit", key: tenant.admin)
                #expect(audit.status == 200)
                let entries = audit.json["items"].array
                let mine = entries.filter { $0["actor"].string == tenant.adminKeyID }
                #expect(mine.compactMap { $0["action"].string } == [
                    "POST /v1/api-keys", "apikey.create", "apikey.revoke", "DELETE /v1/api-keys/{id}", "invoice.create",
                    "customer.upsert",
                ])
                #expect(mine.first?["outcome"].string == "refused: 422 Invalid request body")
                #expect(mine.dropFirst(2).first?["target"].string == keyID)
                #expect(mine.dropFirst(3).first?["target"].string == "/v1/api-keys/key_unknown")
                #expect(mine.dropFirst(3).first?["outcome"].string?.hasPrefix("refused: 404") == true)
                #expect(entries.contains { $0["action"].string == "auth.refused" && $0["actor"].string == keyID },
                        "the runtime records the revoked key's refused call")
                #expect(entries.allSatisfy { $0["requestID"].string?.isEmpty == false })

                var paged: [String] = []
                var cursor: String?
                var pages = 0
                repeat {
                    let page = try await api.get("/v1/audit?limit=3" + (cursor.map { "&cursor=\($0)" } ?? ""), key: tenant.admin)
                    #expect(page.json["items"].array.count <= 3)
                    paged += page.json["items"].array.compactMap { $0["action"].string }
                    cursor = page.json["next"].string
                    pages += 1
                } while cursor != nil && pages < 10
                #expect(paged == entries.compactMap { $0["action"].string })
                #expect(pages == (entries.count + 2) / 3)
            }
        }
    }
}
