import Channels
import Foundation
import Gateway
import Synchronization
import Testing

/// A gateway clock the test moves by hand.
final class ManualGatewayClock: GatewayClock {
    private let current: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { current = Mutex(start) }
    func now() -> Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The dispatch port for an AFNOR Flow platform, against the sandbox over real HTTP.
@Suite("FlowDispatcher against the sandbox")
struct FlowDispatcherTests {
    static let tenant = TenantID("tenant-flow")

    static func request(_ bytes: [UInt8], number: String, key: String? = nil) -> DispatchRequest {
        let id = InvoiceID(UUID().uuidString.lowercased())
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let record = InvoiceRecord(
            id: id, tenant: tenant, state: .archived, documentKey: DocumentKey(seller: "552100554", year: 2026,
                                                                                number: number),
            idempotencyKey: nil, payloadSHA256: FlowClient.sha256Hex(bytes), sourceFormat: .cii, issueDate: nil,
            buyerName: "Buyer", customerCode: nil, currencyCode: "EUR", totalWithVAT: nil, createdAt: now,
            updatedAt: now)
        let document = StoredDocument(tenant: tenant, invoiceID: id, kind: .cii, mediaType: "application/xml",
                                      bytes: bytes, sha256: FlowClient.sha256Hex(bytes), createdAt: now)
        return DispatchRequest(tenant: tenant, invoice: record, document: document,
                               submissionKey: key ?? "invoice:\(id.rawValue)")
    }

    static func dispatcher(_ client: FlowClient, clock: ManualGatewayClock = ManualGatewayClock(),
                           threshold: Int = 3) -> FlowDispatcher {
        FlowDispatcher(name: "sandbox", client: client, breaker: CircuitBreaker(
            service: "sandbox", settings: .init(failureThreshold: threshold, cooldown: .seconds(30)), clock: clock))
    }

    static func outgoing(_ client: FlowClient) async throws -> [Flow] {
        try await client.searchAll(where: FlowSearchFilters(flowDirection: [.outgoing])).collect()
    }

    static func submitted(_ outcome: DispatchOutcome) throws -> (id: String, receipt: [UInt8]?) {
        guard case .submitted(let id, let receipt) = outcome else { throw FlowTestFailure("not submitted: \(outcome)") }
        return (id, receipt)
    }

    @Test("the same request dispatched twice makes one flow, tracked by the submission key")
    func twice() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                let dispatcher = Self.dispatcher(client)
                let request = Self.request(try FlowTestInvoices.cii(number: "FD-TWICE-1"), number: "FD-TWICE-1")
                let first = try Self.submitted(try await dispatcher.dispatch(request))
                let second = try Self.submitted(try await dispatcher.dispatch(request))
                #expect(first.id == second.id)
                let flows = try await Self.outgoing(client)
                #expect(flows.map(\.flowId) == [first.id])
                #expect(flows.first?.trackingId == request.submissionKey)
                #expect(flows.first?.name == "FD-TWICE-1.xml")
                let receipt = try JSONSerialization.jsonObject(with: Data(try #require(first.receipt))) as? [String: Any]
                #expect(receipt?["flowId"] as? String == first.id)
                #expect(receipt?["sha256"] as? String == request.document.sha256)
            }
        }
    }

    @Test("posted but not committed (the flow exists under our tracking id): the dispatch takes it, sends nothing")
    func postedButNotCommitted() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                let request = Self.request(try FlowTestInvoices.cii(number: "FD-CRASH-1"), number: "FD-CRASH-1")
                // The earlier attempt: the POST went through, then the process died before the pipeline's commit.
                let earlier = try await client.submit(file: request.document.bytes, name: "FD-CRASH-1.xml",
                                                      syntax: .cii, trackingId: request.submissionKey)
                let outcome = try Self.submitted(try await Self.dispatcher(client).dispatch(request))
                #expect(outcome.id == earlier.flowId)
                let receipt = try JSONSerialization.jsonObject(with: Data(try #require(outcome.receipt))) as? [String: Any]
                #expect(receipt?["flowId"] as? String == earlier.flowId)
                #expect(try await Self.outgoing(client).map(\.flowId) == [earlier.flowId])
            }
        }
    }

    @Test("the platform already has the file under another tracking id (AlreadyExistingFlow): its flow is the answer")
    func alreadyExistingFlow() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                let request = Self.request(try FlowTestInvoices.cii(number: "FD-SAME-1"), number: "FD-SAME-1")
                let first = try await client.submit(file: request.document.bytes, name: "FD-SAME-1.xml", syntax: .cii,
                                                    trackingId: "sent-by-someone-else")
                let dispatcher = Self.dispatcher(client)
                let outcome = try Self.submitted(try await dispatcher.dispatch(request))
                #expect(outcome.id == first.flowId)
                // Again: the refused flow under our key is recognised, nothing more is sent.
                let again = try Self.submitted(try await dispatcher.dispatch(request))
                #expect(again.id == first.flowId)
                let flows = try await Self.outgoing(client)
                #expect(flows.count == 2, "the first flow and the one refused as AlreadyExistingFlow")
                #expect(flows.filter { $0.acknowledgement.status == .ok }.map(\.flowId) == [first.flowId])
            }
        }
    }

    @Test("a file the platform refuses (InvalidSchema) is a permanent failure with the platform's message")
    func refused() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                let request = Self.request(Array("this is not an invoice".utf8), number: "FD-BAD-1")
                let dispatcher = Self.dispatcher(client)
                let failure = await #expect(throws: StepFailure.self) { _ = try await dispatcher.dispatch(request) }
                #expect(failure?.permanent == true)
                #expect(failure?.message.contains("InvalidSchema") == true)
                #expect(await dispatcher.breaker.state == .closed(consecutiveFailures: 0))
            }
        }
    }

    @Test("5xx from the platform: transient failures, the breaker opens and refuses at once, then recovers")
    func faultsOpenTheBreaker() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                let clock = ManualGatewayClock()
                let dispatcher = Self.dispatcher(client, clock: clock, threshold: 3)
                let request = Self.request(try FlowTestInvoices.cii(number: "FD-FAULT-1"), number: "FD-FAULT-1")
                try await sandbox.setFaults(#"{"errorRate": 1}"#)
                for _ in 1...3 {
                    let failure = await #expect(throws: StepFailure.self) { _ = try await dispatcher.dispatch(request) }
                    #expect(failure?.permanent == false)
                    #expect(failure?.message.contains("INTERNAL_ERROR") == true
                        || failure?.message.contains("RESOURCE_ERROR") == true)
                }
                guard case .open(let until) = await dispatcher.breaker.state else {
                    Issue.record("the breaker should be open after 3 transient failures")
                    return
                }
                try await sandbox.setFaults("{}")
                // The platform is back, but the breaker refuses without calling it until the cooldown is over.
                let refused = await #expect(throws: StepFailure.self) { _ = try await dispatcher.dispatch(request) }
                #expect(refused?.permanent == false)
                #expect(refused?.message.contains("circuit breaker of sandbox is open until") == true)
                #expect(try await Self.outgoing(client).isEmpty)
                clock.advance(by: until.timeIntervalSince(clock.now()) + 1)
                let outcome = try Self.submitted(try await dispatcher.dispatch(request))
                #expect(await dispatcher.breaker.state == .closed(consecutiveFailures: 0))
                #expect(try await Self.outgoing(client).map(\.flowId) == [outcome.id])
            }
        }
    }
}
