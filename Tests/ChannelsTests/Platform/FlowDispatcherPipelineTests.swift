import Channels
import Foundation
import Gateway
import GatewayArchive
import GatewayStorage
import Testing

/// A webhook transport for pipelines that deliver none (no subscription): answers 200.
struct NoWebhooks: WebhookTransport {
    func post(url: String, headers: [(String, String)], body: [UInt8]) async throws -> Int { 200 }
}

/// The whole dispatch path: a real SQLite store, the real legal archive, the pipeline's worker and the sandbox.
@Suite("FlowDispatcher in the gateway pipeline")
struct FlowDispatcherPipelineTests {
    @Test("archived → submitted: the platform's receipt is stored as a document and archived next to the invoice")
    func receiptIsArchived() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                try await withSQLiteStore { store in
                    let archiveRoot = try TempFolder()
                    defer { archiveRoot.remove() }
                    let clock = ManualGatewayClock(Date())
                    let archive = try await NodeArchive.open(NodeArchive.Settings(
                        root: URL(fileURLWithPath: archiveRoot.path), node: "node-a",
                        signingKeyPath: archiveRoot.file("seal-key.pem"), clock: { clock.now() }))
                    do {
                        try await run(store: store, archive: archive, client: client, clock: clock)
                        await archive.close()
                    } catch {
                        await archive.close()
                        throw error
                    }
                }
            }
        }
    }

    func run(store: SQLGatewayStore, archive: NodeArchive, client: FlowClient, clock: ManualGatewayClock)
        async throws
    {
        let bytes = try FlowTestInvoices.cii(number: "FD-PIPE-1")
        let request = FlowDispatcherTests.request(bytes, number: "FD-PIPE-1")
        let invoice = request.invoice
        try await store.transaction { transaction in
            try await transaction.insertTenant(Tenant(id: invoice.tenant, name: "Flow tenant", createdAt: clock.now()))
            try await transaction.insertInvoice(invoice)
            try await transaction.putDocument(request.document)
            try await transaction.enqueue(NewJob(tenant: invoice.tenant, kind: .dispatch, invoiceID: invoice.id,
                                                 runAt: clock.now()))
        }
        let dispatcher = FlowDispatcherTests.dispatcher(client, clock: clock)
        let worker = PipelineWorker(context: PipelineContext(
            store: store, clock: clock, dispatcher: dispatcher, webhooks: NoWebhooks(), archive: archive,
            configuration: PipelineConfiguration(workerID: "flow-test", batchSize: 8)))
        _ = try await worker.drain()

        let (record, receipt, archived, jobs) = try await store.transaction { transaction in
            (try await transaction.invoice(invoice.id, tenant: invoice.tenant),
             try await transaction.document(invoice: invoice.id, kind: .platformReceipt, tenant: invoice.tenant),
             try await transaction.archived(invoice: invoice.id, tenant: invoice.tenant),
             try await transaction.jobs(invoice: invoice.id, tenant: invoice.tenant))
        }
        #expect(record?.state == .submitted)
        let stored = try #require(receipt)
        #expect(stored.mediaType == "application/json")
        #expect(stored.name == "platform-receipt")
        let json = try JSONSerialization.jsonObject(with: Data(stored.bytes)) as? [String: Any]
        let flowId = try #require(json?["flowId"] as? String)
        let flows = try await client.searchAll(where: FlowSearchFilters(trackingId: request.submissionKey)).collect()
        #expect(flows.map(\.flowId) == [flowId])
        #expect(json?["sha256"] as? String == request.document.sha256)
        let archivedReceipt = archived.first { $0.kind == "platform-receipt" }
        #expect(archivedReceipt?.sha256 == stored.sha256)
        #expect(jobs.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.archive, .dispatch])
        #expect(jobs.allSatisfy { $0.state == .done })
        let entries = try await archive.entries(invoice: invoice.id, tenant: invoice.tenant)
        #expect(entries.contains { $0.kind == "platform-receipt" && $0.sha256 == stored.sha256 })
    }
}
