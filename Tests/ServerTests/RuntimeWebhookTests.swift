import Foundation
import Gateway
import Testing

@testable import Server

@Suite("Runtime webhooks over real HTTP")
struct RuntimeWebhookTests {
    static func fastRetries(_ configuration: inout ServerConfiguration) {
        configuration.workers.retryBase = .milliseconds(20)
        configuration.workers.retryMaximum = .milliseconds(60)
    }

    static func subscribe(_ server: RuntimeTestServer, url: String, secret: String) async throws {
        let subscription = WebhookSubscription(
            id: "sub-" + UUID().uuidString.lowercased(), tenant: RuntimeTestServer.tenant, url: url,
            eventTypes: ["invoice.received"], secret: secret, createdAt: Date())
        try await server.store.transaction { transaction in try await transaction.insertSubscription(subscription) }
    }

    static func receiveInvoice(_ server: RuntimeTestServer) async throws {
        let payload = try Array(Data(contentsOf: RuntimeTestPaths.exampleInvoice))
        _ = try await server.services.intake.receive(
            IntakeRequest(tenant: RuntimeTestServer.tenant, payload: payload, actor: "test"))
    }

    static func deliveries(_ server: RuntimeTestServer, _ state: WebhookDeliveryState) async throws -> [WebhookDelivery] {
        try await server.store.transaction { transaction in
            try await transaction.deliveries(tenant: RuntimeTestServer.tenant, state: state, limit: 10)
        }
    }

    @Test("a receiver that fails twice then answers 200 gets the signed delivery three times; it ends delivered", arguments: TestBackend.all)
    func retriedThenDelivered(backend: TestBackend) async throws {
        let receiver = RuntimeWebhookReceiver(script: [500, 500], then: 200)
        let secret = "whsec-" + UUID().uuidString
        try await receiver.serve { hookURL in
            try await RuntimeTestServer.with(backend: backend, configure: Self.fastRetries) { server in
                try await Self.subscribe(server, url: hookURL, secret: secret)
                try await Self.receiveInvoice(server)
                try await eventually("the delivery to succeed") {
                    try await !Self.deliveries(server, .delivered).isEmpty
                }
                let delivery = try #require(try await Self.deliveries(server, .delivered).first)
                #expect(delivery.attempts == 3)
                #expect(delivery.lastStatusCode == 200)
                #expect(delivery.eventType == "invoice.received")
            }
        }
        let received = await receiver.received
        #expect(received.count == 3)
        for delivery in received {
            let signature = try #require(delivery.headers["passerelle-signature"])
            let epoch = try #require(delivery.headers["passerelle-signature-timestamp"].flatMap(Int64.init))
            #expect(WebhookSignature.verify(body: delivery.body, epochSeconds: epoch, signature: signature, secret: secret))
            #expect(!WebhookSignature.verify(body: delivery.body + [32], epochSeconds: epoch, signature: signature,
                                             secret: secret))
            #expect(delivery.headers["passerelle-event"] == "invoice.received")
            #expect(delivery.headers["passerelle-delivery-id"] == received.first?.headers["passerelle-delivery-id"])
            #expect(delivery.body == received.first?.body)
            #expect(delivery.headers["content-type"] == "application/json")
        }
        let body = try #require(received.first?.body)
        let event = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        #expect(event?["type"] as? String == "invoice.received")
        #expect(event?["tenant"] as? String == "default")
    }

    @Test("a receiver that always fails: dead-lettered after the job's attempts, then replayed and delivered", arguments: TestBackend.all)
    func deadLetteredThenReplayed(backend: TestBackend) async throws {
        let receiver = RuntimeWebhookReceiver(script: [], then: 503)
        try await receiver.serve { hookURL in
            try await RuntimeTestServer.with(backend: backend, configure: Self.fastRetries) { server in
                try await Self.subscribe(server, url: hookURL, secret: "s3cret-s3cret")
                try await Self.receiveInvoice(server)
                try await eventually("the delivery to be dead-lettered") {
                    try await !Self.deliveries(server, .deadLettered).isEmpty
                }
                let dead = try #require(try await Self.deliveries(server, .deadLettered).first)
                let parked = try await server.store.transaction { transaction in
                    try await transaction.jobs(tenant: RuntimeTestServer.tenant, state: .parked, limit: 10)
                }
                let job = try #require(parked.first { $0.kind == .webhook })
                #expect(dead.attempts == job.maxAttempts)
                #expect(dead.lastStatusCode == 503)
                #expect(await receiver.received.count == job.maxAttempts)
                let metrics = try await server.get("/metrics").body
                #expect(RuntimeHTTPTests.value(in: metrics, #"passerelle_jobs_parked_total{kind="webhook"}"#) == 1)
                #expect(RuntimeHTTPTests.value(in: metrics, #"passerelle_jobs_failed_total{kind="webhook"}"#)
                    == job.maxAttempts - 1)

                await receiver.setThenStatus(204)
                _ = try await server.services.pipelineAdmin.replay(job.id, tenant: RuntimeTestServer.tenant, actor: "test")
                try await eventually("the replayed delivery to succeed") {
                    try await !Self.deliveries(server, .delivered).isEmpty
                }
                let delivered = try #require(try await Self.deliveries(server, .delivered).first)
                #expect(delivered.id == dead.id)
                #expect(delivered.lastStatusCode == 204)
                #expect(await receiver.received.count == job.maxAttempts + 1)
            }
        }
    }

    @Test("the transport refuses to follow redirects and bounds the time")
    func transport() async throws {
        let receiver = RuntimeWebhookReceiver(script: [302], then: 200)
        try await receiver.serve { hookURL in
            let client = HTTPWebhookTransport.makeClient(connectTimeout: .seconds(2))
            let transport = HTTPWebhookTransport(client: client, timeout: .seconds(5))
            let redirected = try await transport.post(url: hookURL, headers: [], body: Array("{}".utf8))
            #expect(redirected == 302)
            let ok = try await transport.post(url: hookURL, headers: [("X-A", "1")], body: Array("{}".utf8))
            #expect(ok == 200)
            // Nothing listens on port 1: a network failure is an error, not a status.
            await #expect(throws: (any Error).self) {
                _ = try await transport.post(url: "http://127.0.0.1:1/hook", headers: [], body: [])
            }
            try await client.shutdown()
        }
    }
}
