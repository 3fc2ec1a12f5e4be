import EInvoice
import Foundation
import Gateway
import Logging
import Testing

@testable import Server

/// 213 Rejetée and 210 Refusée reach the ERP's webhook receiver — a real HTTP server on loopback — with their
/// reasons, signed.
@Suite("Lifecycle webhooks over real HTTP")
struct LifecycleWebhookTests {
    @Test("213 and 210 are delivered to the ERP with their reasons", arguments: TestBackend.all)
    func rejectionAndRefusalReachTheERP(backend: TestBackend) async throws {
        let receiver = RuntimeWebhookReceiver(script: [], then: 200)
        let secret = "whsec-" + UUID().uuidString
        try await receiver.serve { hookURL in
            try await APITestGateway.with(backend) { gateway in
                let tenant = try await gateway.makeTenant("acme")
                try await gateway.store.transaction { transaction in
                    try await transaction.insertSubscription(WebhookSubscription(
                        id: "sub-lifecycle", tenant: tenant.id, url: hookURL, eventTypes: ["invoice.status"],
                        secret: secret, createdAt: Date()))
                }
                try await gateway.serve { api in
                    let rejected = try await LifecycleAPITests.postInvoice(
                        api, tenant: tenant, number: "FA-LC-WH-1", erpReference: "E-1")
                    let refused = try await LifecycleAPITests.postInvoice(
                        api, tenant: tenant, number: "FA-LC-WH-2", erpReference: "E-2")
                    let first = try await api.call(
                        .post, "/v1/invoices/\(rejected)/statuses", key: tenant.admin,
                        body: try LifecycleAPITests.cdar(
                            Payloads.invoice(number: "FA-LC-WH-1"), "213", at: "20261102091500",
                            reasons: [StatusReason(code: "REJ_SEMAN", text: "BR-FR-12 : adresse électronique invalide")]),
                        contentType: "application/xml")
                    #expect(first.status == 201, "\(first.text)")
                    let second = try await api.send(
                        .post, "/v1/invoices/\(refused)/statuses", key: tenant.admin,
                        json: ["code": "210", "time": "2026-11-05T14:00:00Z",
                               "reasons": [["code": "TX_TVA_ERR", "text": "Taux de TVA erroné"]]])
                    #expect(second.status == 201, "\(second.text)")
                }
                let client = HTTPWebhookTransport.makeClient(connectTimeout: .seconds(5))
                do {
                    var logger = Logger(label: "test.pipeline")
                    logger.logLevel = .critical
                    let worker = PipelineWorker(context: PipelineContext(
                        store: gateway.store, webhooks: HTTPWebhookTransport(client: client, timeout: .seconds(10)),
                        configuration: PipelineConfiguration(workerID: "lifecycle-webhooks"), logger: logger))
                    _ = try await worker.drain()
                    try await client.shutdown()
                } catch {
                    try? await client.shutdown()
                    throw error
                }
            }
        }
        let received = await receiver.received
        #expect(received.count == 2)
        var bodies: [String: [String: Any]] = [:]
        for delivery in received {
            let signature = try #require(delivery.headers["passerelle-signature"])
            let epoch = try #require(delivery.headers["passerelle-signature-timestamp"].flatMap(Int64.init))
            #expect(WebhookSignature.verify(body: delivery.body, epochSeconds: epoch, signature: signature, secret: secret))
            #expect(delivery.headers["passerelle-event"] == "invoice.status")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(delivery.body)) as? [String: Any])
            let status = try #require(body["status"] as? [String: Any])
            bodies[status["code"] as? String ?? ""] = body
        }
        let rejection = try #require(bodies["213"])
        #expect(rejection["invoiceNumber"] as? String == "FA-LC-WH-1")
        #expect((rejection["message"] as? String)?.contains("Rejetée — REJ_SEMAN : BR-FR-12 : adresse électronique invalide") == true)
        let rejectionReasons = (rejection["status"] as? [String: Any])?["reasons"] as? [[String: Any]]
        #expect(rejectionReasons?.first?["code"] as? String == "REJ_SEMAN")
        let refusal = try #require(bodies["210"])
        #expect(refusal["invoiceNumber"] as? String == "FA-LC-WH-2")
        #expect((refusal["message"] as? String)?.contains("Refusée — TX_TVA_ERR : Taux de TVA erroné") == true)
        #expect((refusal["lifecycle"] as? [String: Any])?["label"] as? String == "Refusée")
        let refusalStatus = try #require(refusal["status"] as? [String: Any])
        #expect(refusalStatus["time"] as? String == "2026-11-05T14:00:00Z")
        #expect((refusalStatus["reasons"] as? [[String: Any]])?.first?["text"] as? String == "Taux de TVA erroné")
    }
}
