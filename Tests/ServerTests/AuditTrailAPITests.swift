import EInvoice
import Foundation
import Gateway
import GatewayArchive
import GatewayStorage
import Logging
@testable import Server
import Testing

/// `GET /v1/invoices/{id}/timeline` and the reference filters of `GET /v1/invoices`, over real HTTP, with the
/// pipeline archiving into a real archive folder.
@Suite("API: audit trail (timeline, reference search)")
struct AuditTrailAPITests {
    @Test(arguments: TestBackend.all)
    func theTimelineLinksEachDocumentToItsSealedArchiveEntry(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { base in
            let root = FileManager.default.temporaryDirectory
                .appendingPathComponent("passerelle-api-archive-\(UUID().uuidString.lowercased())")
            defer { try? FileManager.default.removeItem(at: root) }
            let archive = try await NodeArchive.open(NodeArchive.Settings(
                root: root, node: "api-node", signingKeyPath: root.appendingPathComponent("seal-key.pem").path))
            var wired = base
            wired.services = GatewayServices(store: base.store, archive: archive)
            let gateway = wired
            let tenant = try await gateway.makeTenant("acme")
            let payload = Payloads.cii(number: "FA-TL-1") { invoice in
                invoice.contractReference = nil
                invoice.purchaseOrderReference = "PO-API-9"
                invoice.despatchAdviceReference = "BL-API-3"
            }
            let id: String = try await gateway.serve { api in
                for product in Payloads.productBodies() {
                    let code = try #require(product["code"] as? String)
                    _ = try await api.send(.put, "/v1/products/\(code)", key: tenant.admin, json: product)
                }
                let posted = try await api.call(.post, "/v1/invoices", key: tenant.admin, body: payload,
                                                contentType: "application/xml")
                #expect(posted.status == 202, "\(posted.text)")
                return try #require(posted.json["id"].string)
            }
            try await Self.drain(gateway, archive: archive)
            _ = try await archive.seal()
            try await gateway.serve { api in
                let reply = try await api.get("/v1/invoices/\(id)/timeline", key: tenant.admin)
                #expect(reply.status == 200, "\(reply.text)")
                let timeline = reply.json
                #expect(timeline["invoice"].string == id)
                #expect(timeline["state"].string == "held")
                let references = timeline["references"].array.map { "\($0["term"].string ?? "")=\($0["value"].string ?? "")" }
                #expect(Set(references) == ["BT-13=PO-API-9", "BT-16=BL-API-3"])
                let items = timeline["items"].array
                let kinds = items.compactMap { $0["kind"].string }
                #expect(kinds.filter { $0 == "document" }.count == 2)
                #expect(kinds.filter { $0 == "archive" }.count == 2)
                let times = items.compactMap { $0["at"].string }
                #expect(times == times.sorted())
                #expect(items.compactMap { $0["event"]["type"].string } == [
                    "invoice.received", "invoice.checked", "invoice.rendered", "invoice.archived", "invoice.held",
                ])
                let documents = Set(items.compactMap { item in
                    item["document"]["sha256"].string.map { "\(item["document"]["kind"].string ?? ""):\($0)" }
                })
                let archived = Set(items.compactMap { item in
                    item["archive"]["sha256"].string.map { "\(item["archive"]["documentKind"].string ?? ""):\($0)" }
                })
                #expect(documents == archived)
                #expect(documents.contains("original:\(Hashing.sha256Hex(payload))"))
                for item in items where item["kind"].string == "archive" {
                    #expect(item["archive"]["journal"].string == "api-node")
                    #expect(item["archive"]["seal"]["number"].int == 1)
                    #expect(item["archive"]["seal"]["keyId"].string?.count == 16)
                }

                let other = try await gateway.makeTenant("other")
                #expect(try await api.get("/v1/invoices/\(id)/timeline", key: other.admin).status == 404)
                #expect(try await api.get("/v1/invoices/\(id)/timeline?x=1", key: tenant.admin).status == 400)

                let byDelivery = try await api.get("/v1/invoices?deliveryReference=BL-API-3", key: tenant.admin)
                #expect(byDelivery.status == 200)
                #expect(byDelivery.json["items"].array.compactMap { $0["id"].string } == [id])
                let byOrder = try await api.get("/v1/invoices?orderReference=PO-API-9&deliveryReference=BL-API-3",
                                                key: tenant.admin)
                #expect(byOrder.json["items"].array.compactMap { $0["id"].string } == [id])
                let none = try await api.get("/v1/invoices?contractReference=PO-API-9", key: tenant.admin)
                #expect(none.status == 200)
                #expect(none.json["items"].array.isEmpty)
            }
            await archive.close()
        }
    }

    static func drain(_ gateway: APITestGateway, archive: NodeArchive) async throws {
        var logger = Logger(label: "test.pipeline")
        logger.logLevel = .critical
        let worker = PipelineWorker(context: PipelineContext(
            store: gateway.store, webhooks: gateway.webhooks, archive: archive,
            configuration: PipelineConfiguration(workerID: "test-worker", retry: RetryPolicy(base: .zero, jitter: 0)),
            logger: logger))
        try await worker.drain()
    }
}
