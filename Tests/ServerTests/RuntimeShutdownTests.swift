import Foundation
import Gateway
import GatewayStorage
import Testing

@testable import Server

@Suite("Runtime graceful shutdown")
struct RuntimeShutdownTests {
    @Test("on shutdown a worker finishes the job in hand, starts no other, and hands its unstarted jobs back")
    func finishesCurrentJob() async throws {
        let folder = RuntimeTemporaryFolder()
        let receiver = RuntimeWebhookReceiver(script: [], then: 200, delay: .milliseconds(800))
        try await receiver.serve { hookURL in
            try await RuntimeTestServer.with(folder: folder, configure: { configuration in
                configuration.workers.count = 1
                configuration.workers.batchSize = 16
            }) { server in
                // Three subscriptions: one invoice makes three webhook jobs, claimed in one batch.
                for _ in 0..<3 { try await RuntimeWebhookTests.subscribe(server, url: hookURL, secret: "s3cret-s3cret") }
                try await RuntimeWebhookTests.receiveInvoice(server)
                try await eventually("the first delivery to reach the receiver") {
                    await receiver.received.count == 1
                }
                // Returning shuts the server down while that delivery is in flight.
            }
        }
        #expect(await receiver.received.count == 1)
        let store = try await SQLGatewayStore.open(url: "sqlite:" + folder.path("data/passerelle.db"))
        let (delivered, pending, jobs) = try await store.transaction { transaction in
            (try await transaction.deliveries(tenant: RuntimeTestServer.tenant, state: .delivered, limit: 10),
             try await transaction.deliveries(tenant: RuntimeTestServer.tenant, state: .pending, limit: 10),
             try await transaction.jobs(tenant: RuntimeTestServer.tenant, state: nil, limit: 100))
        }
        try await store.shutdown()
        #expect(delivered.count == 1)
        #expect(pending.count == 2)
        let webhookJobs = jobs.filter { $0.kind == .webhook }
        #expect(webhookJobs.filter { $0.state == .done }.count == 1)
        let handedBack = webhookJobs.filter { $0.state == .pending }
        #expect(handedBack.count == 2)
        #expect(handedBack.allSatisfy { $0.lastError == "handed back: the worker shut down" && $0.leaseOwner == nil })
    }
}
