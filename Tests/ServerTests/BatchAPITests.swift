import Foundation
import Gateway
import Testing

@Suite("API: batches")
struct BatchAPITests {
    @Test("each item is taken or refused on its own; progress counts the batch's invoices", arguments: TestBackend.all)
    func mixedBatch(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme", settings: TenantSettings(
                catalogue: CataloguePolicy(rejectUnknownProduct: false)))
            let good = (1...3).map { Payloads.cii(number: "FA-B-\($0)") }
            let items: [[String: Any]] = [
                ["payload": Data(good[0]).base64EncodedString(), "idempotencyKey": "b-1"],
                ["payload": "not base64 at all!"],
                ["payload": Data(good[1]).base64EncodedString()],
                ["payload": Data(Array("<Invoice/>".utf8)).base64EncodedString()],
                ["payload": Data(good[2]).base64EncodedString(), "colour": "red"],
                ["payload": Data(good[2]).base64EncodedString(), "idempotencyKey": "b-3"],
                ["payload": Data(good[0]).base64EncodedString(), "idempotencyKey": "b-1"],
            ]
            let body = try APIClient.encode(["items": items])
            let batchID: String = try await gateway.serve { api in
                let reply = try await api.call(.post, "/v1/batches", key: tenant.admin, body: body,
                                               contentType: "application/json", headers: ["Idempotency-Key": "batch-1"])
                #expect(reply.status == 202, "\(reply.text)")
                #expect(reply.json["items"].array.compactMap { $0["status"].string }
                        == ["created", "refused", "created", "refused", "refused", "created", "existing"])
                #expect(reply.json["created"].int == 3)
                #expect(reply.json["existing"].int == 1)
                #expect(reply.json["refused"].int == 3)
                #expect(reply.json["items"][1]["problem"]["status"].int == 422)
                #expect(reply.json["items"][1]["problem"]["errors"][0]["field"].string == "items[1].payload")
                #expect(reply.json["items"][3]["problem"]["status"].int == 400)
                #expect(reply.json["items"][4]["problem"]["errors"][0]["field"].string == "items[4].colour")
                let id = try #require(reply.json["id"].string)
                #expect(reply.header("Location") == "/v1/batches/\(id)")

                let progress = try await api.get("/v1/batches/\(id)", key: tenant.admin)
                #expect(progress.json["total"].int == 3)
                #expect(progress.json["done"].int == 0)
                #expect(progress.json["complete"].bool == false)
                #expect(progress.json["counts"]["received"].int == 3)

                let retried = try await api.call(.post, "/v1/batches", key: tenant.admin, body: body,
                                                 contentType: "application/json", headers: ["Idempotency-Key": "batch-1"])
                #expect(retried.json["id"].string == id)
                #expect(retried.json["created"].int == 0)
                return id
            }
            try await gateway.drain()
            try await gateway.serve { api in
                let progress = try await api.get("/v1/batches/\(batchID)", key: tenant.admin)
                #expect(progress.json["done"].int == 3)
                #expect(progress.json["complete"].bool == true)
                #expect(progress.json["counts"]["held"].int == 3)
                let listed = try await api.get("/v1/invoices?batch=\(batchID)", key: tenant.admin)
                #expect(listed.json["items"].array.count == 3)
                #expect(try await api.get("/v1/batches/bat_unknown", key: tenant.admin).status == 404)
            }
        }
    }

    @Test("malformed and empty batches are refused whole", arguments: [TestBackend.sqlite])
    func refusedBatches(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            try await gateway.serve { api in
                let malformed = try await api.call(.post, "/v1/batches", key: tenant.admin, body: Array("[{".utf8),
                                                   contentType: "application/json")
                #expect(malformed.status == 400)
                let empty = try await api.send(.post, "/v1/batches", key: tenant.admin, json: [] as [Any])
                #expect(empty.status == 422)
                let wrongShape = try await api.send(.post, "/v1/batches", key: tenant.admin, json: ["invoices": []])
                #expect(wrongShape.status == 422)
                let xml = try await api.call(.post, "/v1/batches", key: tenant.admin, body: Array("[]".utf8),
                                             contentType: "application/xml")
                #expect(xml.status == 415)
            }
        }
    }
}
