import AsyncHTTPClient
import Foundation
import Sandbox
import Testing

/// Each fault happens when its rate is 1, and stops when the admin route sets it back to 0.
@Suite("Sandbox fault injection")
struct FaultInjectionTests {
    static func configuration(_ change: (inout FaultSettings) -> Void) -> SandboxConfiguration {
        var configuration = SandboxHarness.configuration()
        change(&configuration.faults)
        return configuration
    }

    @Test("errorRate 1: every API call answers 500/503 with the spec's body; PUT /sandbox/faults turns it off")
    func serverErrors() async throws {
        try await SandboxHarness.with(Self.configuration { $0.errorRate = 1 }) { sandbox in
            let token = try await sandbox.token()
            var codes: Set<Int> = []
            for _ in 0..<12 {
                let answer = try await sandbox.request(.GET, "/flow-service/v1/healthcheck", token: token)
                codes.insert(answer.status)
                #expect(["INTERNAL_ERROR", "RESOURCE_ERROR"].contains(try answer.json()["errorCode"] as? String))
                #expect(answer.headers.first(name: "Sandbox-Fault") == "error")
            }
            #expect(codes.isSubset(of: [500, 503]))
            #expect(codes.count == 2, "both 500 and 503 appear in 12 draws: \(codes)")
            let off = try await sandbox.request(.PUT, "/sandbox/faults", token: token, json: [:])
            #expect(off.status == 200)
            #expect(try await sandbox.request(.GET, "/flow-service/v1/healthcheck", token: token).status == 200)
        }
    }

    @Test("latencyRate 1: answers are delayed, and say by how much")
    func latency() async throws {
        try await SandboxHarness.with(Self.configuration {
            $0.latencyRate = 1
            $0.latencyMinMs = 20
            $0.latencyMaxMs = 40
        }) { sandbox in
            let token = try await sandbox.token()
            let answer = try await sandbox.request(.GET, "/flow-service/v1/healthcheck", token: token)
            #expect(answer.status == 200)
            let header = try #require(answer.headers.first(name: "Sandbox-Fault"))
            let milliseconds = try #require(Int(header.dropFirst("latency=".count).dropLast(2)))
            #expect((20...40).contains(milliseconds))
        }
    }

    @Test("dropRate 1: the connection is closed without an answer")
    func droppedConnection() async throws {
        try await SandboxHarness.with(Self.configuration { $0.dropRate = 1 }) { sandbox in
            let token = try await sandbox.token()
            await #expect(throws: (any Error).self) {
                _ = try await sandbox.request(.GET, "/flow-service/v1/healthcheck", token: token)
            }
        }
    }

    @Test("timeoutRate 1: the call is never answered (the client's deadline passes); shutdown releases it")
    func neverAnswered() async throws {
        try await SandboxHarness.with(Self.configuration {
            $0.timeoutRate = 1
            $0.hangSeconds = 120
        }) { sandbox in
            let token = try await sandbox.token()
            var request = HTTPClientRequest(url: sandbox.url + "/flow-service/v1/healthcheck")
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            await #expect(throws: HTTPClientError.deadlineExceeded) {
                _ = try await sandbox.client.execute(request, timeout: .milliseconds(500))
            }
        }
    }

    @Test("webhookDuplicateRate 1: every webhook call is made twice; webhookReorderRate 1: a batch comes reversed")
    func webhookFaults() async throws {
        try await WebhookReceiver.with { hook, received in
            var configuration = Self.configuration {
                $0.webhookDuplicateRate = 1
                $0.webhookReorderRate = 1
            }
            configuration.scenario = try ScenarioFile.parse("""
                transmission:
                  - {status: 200, after: 1s}
                  - {status: 201, after: 1s}
                  - {status: 202, after: 1s}
                """)
            try await SandboxHarness.with(configuration) { sandbox in
                let token = try await sandbox.token()
                _ = try await sandbox.request(.POST, "/flow-service/v1/webhooks", token: token,
                                              json: ["callbackUrl": hook, "flowTypes": ["CustomerInvoiceLC"]])
                _ = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(),
                                             file: try TestInvoices.cii(number: "SBX-FAULT-1"))
                _ = try await sandbox.advance(token: token, seconds: 60)
                let page = try await sandbox.search(token: token, where: ["flowType": ["CustomerInvoiceLC"]]).json()
                let created = try #require(page["results"] as? [[String: Any]]).compactMap { $0["flowId"] as? String }
                #expect(created.count == 3)
                let calls = await received.calls.compactMap { call in
                    (try? JSONSerialization.jsonObject(with: Data(call.body)) as? [String: Any])?["flowId"] as? String
                }
                let reversed = Array(created.reversed())
                #expect(calls == [reversed[0], reversed[0], reversed[1], reversed[1], reversed[2], reversed[2]])
                let log = try await sandbox.request(.GET, "/sandbox/deliveries", token: token)
                let deliveries = try #require(try JSONSerialization.jsonObject(with: Data(log.body)) as? [[String: Any]])
                #expect(deliveries.filter { $0["duplicate"] as? Bool == true }.count == 3)
            }
        }
    }
}
