import Channels
import EInvoiceSyntax
import Foundation
import Synchronization
import Testing

/// A clock the test moves by hand.
final class ManualTime: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date = Date()) { current = Mutex(start) }
    func now() -> Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The Flow Service client against the sandbox platform over real HTTP on loopback.
@Suite("FlowClient against the sandbox")
struct FlowClientTests {
    @Test("a token is fetched once, reused, fetched again shortly before it expires")
    func tokenCache() async throws {
        try await FlowSandbox.with { sandbox in
            let time = ManualTime()
            try await sandbox.withClient(now: { time.now() }) { client in
                try await client.healthCheck()
                try await client.healthCheck()
                #expect(await client.tokenFetches == 1)
                time.advance(by: 3600 - 30)  // inside the 60 s margin before the sandbox's 3600 s lifetime
                try await client.healthCheck()
                #expect(await client.tokenFetches == 2)
            }
        }
    }

    @Test("a token the platform says has expired (401 TOKEN_EXPIRED) is fetched again once, and the call succeeds")
    func tokenRefreshOn401() async throws {
        try await FlowSandbox.with(tokenLifetime: 1) { sandbox in
            // The client's clock stands still: it believes its token is still good when the sandbox no longer does.
            let time = ManualTime()
            var configuration = sandbox.configuration()
            configuration.tokenRefreshMargin = .zero
            try await sandbox.withClient(configuration, now: { time.now() }) { client in
                try await client.healthCheck()
                #expect(await client.tokenFetches == 1)
                try await Task.sleep(for: .milliseconds(2_200))
                try await client.healthCheck()
                #expect(await client.tokenFetches == 2)
            }
        }
    }

    @Test("a wrong client secret is a permanent authentication error carrying the OAuth2 error")
    func wrongSecret() async throws {
        try await FlowSandbox.with { sandbox in
            var configuration = sandbox.configuration()
            configuration.clientSecret = "not-the-secret"
            try await sandbox.withClient(configuration) { client in
                let error = await #expect(throws: FlowClientError.self) { try await client.healthCheck() }
                #expect(error?.kind == .authentication(status: 401))
                #expect(error?.errorCode == "invalid_client")
                #expect(error?.isTransient == false)
            }
        }
    }

    @Test("submit: 202 with the flow id, the SHA-256 computed, the receipt bytes; the metadata says Out and Ok")
    func submit() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                let file = try FlowTestInvoices.cii(number: "FC-SUBMIT-1")
                let submitted = try await client.submit(file: file, name: "FC-SUBMIT-1.xml", syntax: .cii,
                                                        trackingId: "track-1", processingRule: .b2b)
                #expect(!submitted.flowId.isEmpty)
                #expect(submitted.info.sha256 == FlowClient.sha256Hex(file))
                #expect(submitted.info.trackingId == "track-1")
                let receipt = try JSONSerialization.jsonObject(with: Data(submitted.receipt)) as? [String: Any]
                #expect(receipt?["flowId"] as? String == submitted.flowId)
                let flow = try await client.flow(id: submitted.flowId)
                #expect(flow.flowDirection == .outgoing)
                #expect(flow.flowType == .customerInvoice)
                #expect(flow.acknowledgement.status == .ok)
                #expect(flow.processingRule == .b2b)
                #expect(flow.name == "FC-SUBMIT-1.xml")
            }
        }
    }

    @Test("a declared SHA-256 that is not the file's: acknowledgement Error ChecksumMismatch")
    func checksumMismatch() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                let file = try FlowTestInvoices.cii(number: "FC-SHA-1")
                let wrong = FlowClient.sha256Hex(Array("something else".utf8))
                let submitted = try await client.submit(file: file, name: "FC-SHA-1.xml", syntax: .cii, sha256: wrong)
                let flow = try await client.flow(id: submitted.flowId)
                #expect(flow.acknowledgement.status == .error)
                #expect(flow.acknowledgement.detail(FlowReasonCode.checksumMismatch) != nil)
            }
        }
    }

    @Test("the same file twice: the second flow is acknowledged Error AlreadyExistingFlow, naming the first")
    func alreadyExistingFlow() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                let file = try FlowTestInvoices.cii(number: "FC-TWICE-1")
                let first = try await client.submit(file: file, name: "a.xml", syntax: .cii)
                let second = try await client.submit(file: file, name: "b.xml", syntax: .cii)
                #expect(first.flowId != second.flowId)
                let flow = try await client.flow(id: second.flowId)
                let detail = try #require(flow.acknowledgement.detail(FlowReasonCode.alreadyExistingFlow))
                #expect(detail.reasonMessage.contains(first.flowId))
                #expect(try await client.flow(id: first.flowId).acknowledgement.status == .ok)
            }
        }
    }

    @Test("search pages through more flows than the limit with the cursor; searchAll reads every page")
    func searchPaging() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                var sent: [String] = []
                for index in 1...7 {
                    let file = try FlowTestInvoices.cii(number: "FC-PAGE-\(index)")
                    sent.append(try await client.submit(file: file, name: "p\(index).xml", syntax: .cii).flowId)
                }
                let filters = FlowSearchFilters(flowDirection: [.outgoing])
                var pages: [[String]] = []
                var cursor: String?
                repeat {
                    let page = try await client.search(where: filters, cursor: cursor, limit: 3)
                    pages.append(page.results.map(\.flowId))
                    cursor = page.nextCursor
                } while cursor != nil && pages.count < 10
                #expect(pages.map(\.count) == [3, 3, 1])
                #expect(pages.flatMap { $0 } == sent)
                let all = try await client.searchAll(where: filters, pageSize: 2).collect()
                #expect(all.map(\.flowId) == sent)
                let one = try await client.search(where: FlowSearchFilters(trackingId: "nobody"), limit: 5)
                #expect(one.results.isEmpty && one.nextCursor == nil)
            }
        }
    }

    @Test("download: Original is the file sent, byte for byte; Converted is a UBL invoice we can read")
    func download() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                let file = try FlowTestInvoices.cii(number: "FC-DOWN-1")
                let submitted = try await client.submit(file: file, name: "FC-DOWN-1.xml", syntax: .cii)
                let original = try await client.flow(id: submitted.flowId, docType: .original)
                #expect(original.bytes == file)
                #expect(original.fileName == "FC-DOWN-1.xml")
                let converted = try await client.flow(id: submitted.flowId, docType: .converted)
                let parsed = try InvoiceDocumentReader().read(bytes: converted.bytes)
                #expect(parsed.invoice.number == "FC-DOWN-1")
                #expect(String(decoding: converted.bytes.prefix(400), as: UTF8.self).contains("Invoice"))
                let metadata = try await client.flow(id: submitted.flowId, docType: .metadata)
                let json = try JSONSerialization.jsonObject(with: Data(metadata.bytes)) as? [String: Any]
                #expect(json?["flowId"] as? String == submitted.flowId)
            }
        }
    }

    @Test("an unknown flow is a permanent 404 carrying the spec's MISSING_RESOURCE")
    func unknownFlow() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                let error = await #expect(throws: FlowClientError.self) { _ = try await client.flow(id: "no-such-flow") }
                #expect(error?.httpStatus == 404)
                #expect(error?.errorCode == "MISSING_RESOURCE")
                #expect(error?.isTransient == false)
            }
        }
    }

    @Test("webhooks: register returns the signing key, list shows it, delete removes it")
    func webhooks() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                let registration = try await client.registerWebhook(FlowWebhookParams(
                    callbackUrl: "http://127.0.0.1:9/hook", flowTypes: [.customerInvoiceLC], flowDirection: .incoming))
                #expect(Data(base64Encoded: registration.signingKey)?.count == 32)
                let list = try await client.listWebhooks()
                #expect(list.webhookIds == [registration.webhookId])
                #expect(list.webhooks?.first?.callbackUrl == "http://127.0.0.1:9/hook")
                try await client.deleteWebhook(id: registration.webhookId)
                #expect(try await client.listWebhooks().webhookIds.isEmpty)
                let again = await #expect(throws: FlowClientError.self) {
                    try await client.deleteWebhook(id: registration.webhookId)
                }
                #expect(again?.httpStatus == 404)
            }
        }
    }

    @Test("injected 5xx answers are transient errors with the spec's INTERNAL_ERROR / RESOURCE_ERROR")
    func serverErrorsAreTransient() async throws {
        try await FlowSandbox.with { sandbox in
            try await sandbox.withClient { client in
                try await client.healthCheck()
                try await sandbox.setFaults(#"{"errorRate": 1}"#)
                let error = await #expect(throws: FlowClientError.self) { try await client.healthCheck() }
                #expect([500, 503].contains(error?.httpStatus ?? 0))
                #expect(["INTERNAL_ERROR", "RESOURCE_ERROR"].contains(error?.errorCode ?? ""))
                #expect(error?.isTransient == true)
                try await sandbox.setFaults("{}")
                try await client.healthCheck()
            }
        }
    }

    @Test("a dropped connection and an answer that never comes are transient")
    func transportFailuresAreTransient() async throws {
        try await FlowSandbox.with { sandbox in
            var configuration = sandbox.configuration()
            configuration.requestTimeout = .milliseconds(400)
            try await sandbox.withClient(configuration) { client in
                try await client.healthCheck()
                try await sandbox.setFaults(#"{"dropRate": 1}"#)
                let dropped = await #expect(throws: FlowClientError.self) { try await client.healthCheck() }
                #expect(dropped?.isTransient == true)
                try await sandbox.setFaults(#"{"timeoutRate": 1, "hangSeconds": 5}"#)
                let hung = await #expect(throws: FlowClientError.self) { try await client.healthCheck() }
                #expect(hung?.kind == .timeout)
                #expect(hung?.isTransient == true)
            }
        }
    }

    @Test("a bad URL or CA file is refused at configuration, before any call")
    func badConfiguration() throws {
        let bad = FlowClientConfiguration(flowURL: "ftp://x", tokenURL: "http://127.0.0.1/t", clientID: "a",
                                          clientSecret: "b")
        #expect(throws: FlowClientError.self) { _ = try FlowClient(configuration: bad) }
        let missingCA = FlowClientConfiguration(flowURL: "https://127.0.0.1/flow-service",
                                                tokenURL: "https://127.0.0.1/t", clientID: "a", clientSecret: "b",
                                                caFile: "/nonexistent/ca.pem")
        let error = #expect(throws: FlowClientError.self) { _ = try FlowClient(configuration: missingCA) }
        #expect(error?.kind == .configuration)
        #expect(error?.errorMessage?.contains("/nonexistent/ca.pem") == true)
    }
}
