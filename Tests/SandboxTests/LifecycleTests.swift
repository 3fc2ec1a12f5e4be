import Crypto
import EInvoice
import EInvoiceSyntax
import Foundation
import Sandbox
import Testing

/// Scenario-driven lifecycles: scripted and random sequences, CDAR flows, signed webhooks, 213 on invalid invoices.
@Suite("Sandbox lifecycle")
struct LifecycleTests {
    static let scripted = """
        rules: en16931
        transmission:
          - {status: 200, after: 1s}
          - {status: 201, after: 1m}
          - {status: 202, after: 1m}
          - {status: 203, after: 1m}
        buyers:
          - match: {siren: "732829320"}
            steps:
              - {status: 204, after: 1h}
              - {status: 207, after: 2h, reason: CMD_ERR, text: "bon de commande manquant"}
              - {status: 205, after: 1d}
              - "211:40%"
              - {status: 211, after: 1d, paid: "60%"}
              - {status: 212, after: 2d, paid: "100%"}
          - match: {routingCode: "ACHATS"}
            steps:
              - {status: 204, after: 1h}
              - {status: 210, after: 1h, reason: MONTANTTOTAL_ERR, text: "montant faux"}
        """

    static func configuration(scenario: String, seed: UInt64 = 42) throws -> SandboxConfiguration {
        var configuration = SandboxHarness.configuration()
        configuration.scenario = try ScenarioFile.parse(scenario)
        configuration.seed = seed
        return configuration
    }

    /// The lifecycle flows of the client, in order, with their CDAR messages.
    static func lifecycle(_ sandbox: SandboxHarness, token: String, trackingId: String? = nil) async throws
        -> [(flow: [String: Any], message: CDARMessage, bytes: [UInt8])]
    {
        var filters: [String: Any] = ["flowType": ["CustomerInvoiceLC"]]
        if let trackingId { filters["trackingId"] = trackingId }
        let page = try await sandbox.search(token: token, where: filters, limit: 100).json()
        var result: [(flow: [String: Any], message: CDARMessage, bytes: [UInt8])] = []
        for flow in try #require(page["results"] as? [[String: Any]]) {
            let id = try #require(flow["flowId"] as? String)
            let original = try await sandbox.request(.GET, "/flow-service/v1/flows/\(id)?docType=Original",
                                                     token: token)
            result.append((flow, try CDARReader().read(original.body), original.body))
        }
        return result
    }

    @Test("a scripted buyer (by SIREN) gets 200…203 then 204, 207 with its reason, 205, 211 ×2 and 212, as CDAR flows")
    func scriptedSequence() async throws {
        try await SandboxHarness.with(try Self.configuration(scenario: Self.scripted)) { sandbox in
            let token = try await sandbox.token()
            let file = try TestInvoices.cii(number: "SBX-LC-1", buyerSIREN: "732829320")
            let answer = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(trackingId: "lc-1"),
                                                  file: file)
            #expect(answer.status == 202)
            #expect(try await Self.lifecycle(sandbox, token: token).isEmpty)
            let first = try await sandbox.advance(token: token, seconds: 1).json()
            #expect(first["nextEventAt"] is String)
            #expect(try await Self.lifecycle(sandbox, token: token).map(\.message.status.code) == ["200"])
            _ = try await sandbox.advance(token: token, seconds: 10 * 86400)
            let flows = try await Self.lifecycle(sandbox, token: token, trackingId: "lc-1")
            #expect(flows.map(\.message.status.code)
                == ["200", "201", "202", "203", "204", "207", "205", "211", "211", "212"])
            for (flow, message, _) in flows {
                #expect(flow["flowDirection"] as? String == "In")
                #expect(flow["flowSyntax"] as? String == "CDAR")
                #expect(message.invoice.number == "SBX-LC-1")
                #expect(message.invoice.sellerSIREN == "552100554")
            }
            let disputed = try #require(flows.first { $0.message.status == .disputed }?.message)
            #expect(disputed.reasons == [StatusReason(code: "CMD_ERR", text: "bon de commande manquant")])
            #expect(disputed.issuer?.globalID == "732829320")
            let payments = flows.filter { $0.message.status == .paymentSent }.map { $0.message.amounts.first?.amount }
            // Amount due 250.33: 40 % is 100.13 (100.132 rounded), 60 % is 150.20 (150.198 rounded).
            #expect(payments == [try ExactDecimal(parsing: "100.13"), try ExactDecimal(parsing: "150.20")])
            let cashed = try #require(flows.last?.message)
            #expect(cashed.status == .paymentReceived)
            #expect(cashed.amounts.first?.amount == (try ExactDecimal(parsing: "250.33")))
        }
    }

    @Test("a buyer matched by routing code (BT-49 suffix) refuses with 210 and its reason; nothing follows 210")
    func routingCodeMatchAndRefusal() async throws {
        try await SandboxHarness.with(try Self.configuration(scenario: Self.scripted)) { sandbox in
            let token = try await sandbox.token()
            let file = try TestInvoices.cii(number: "SBX-LC-2", buyerAddress: "315143296_ACHATS")
            _ = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(), file: file)
            _ = try await sandbox.advance(token: token, seconds: 30 * 86400)
            let flows = try await Self.lifecycle(sandbox, token: token)
            #expect(flows.map(\.message.status.code) == ["200", "201", "202", "203", "204", "210"])
            #expect(flows.last?.message.reasons.first?.code == "MONTANTTOTAL_ERR")
        }
    }

    @Test("an invoice that breaks the rules gets 213 Rejetée with REJ_SEMAN naming the rules, and nothing else")
    func invalidInvoiceRejected() async throws {
        try await SandboxHarness.with(try Self.configuration(scenario: Self.scripted)) { sandbox in
            let token = try await sandbox.token()
            let file = try TestInvoices.invalidCII(number: "SBX-BAD-2")
            let answer = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(), file: file)
            let flowId = try #require(try answer.json()["flowId"] as? String)
            _ = try await sandbox.advance(token: token, seconds: 30 * 86400)
            let flows = try await Self.lifecycle(sandbox, token: token)
            #expect(flows.map(\.message.status.code) == ["213"])
            let reason = try #require(flows.first?.message.reasons.first)
            #expect(reason.code == "REJ_SEMAN")
            #expect(reason.text.contains("BR-CO-15"), "\(reason.text)")
            let metadata = try await sandbox.request(.GET, "/flow-service/v1/flows/\(flowId)", token: token).json()
            #expect((metadata["acknowledgement"] as? [String: Any])?["status"] as? String == "Ok")
        }
    }

    @Test("a second invoice with the same seller, number and year is rejected 213 REJ_UNI")
    func duplicateInvoiceNumber() async throws {
        try await SandboxHarness.with(try Self.configuration(scenario: Self.scripted)) { sandbox in
            let token = try await sandbox.token()
            _ = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(trackingId: "a"),
                                         file: try TestInvoices.cii(number: "SBX-UNI-1"))
            _ = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(trackingId: "b"),
                                         file: try TestInvoices.cii(number: "SBX-UNI-1", buyerReference: "other"))
            _ = try await sandbox.advance(token: token, seconds: 86400)
            let second = try await Self.lifecycle(sandbox, token: token, trackingId: "b")
            #expect(second.map(\.message.status.code) == ["213"])
            #expect(second.first?.message.reasons.first?.code == "REJ_UNI")
            let first = try await Self.lifecycle(sandbox, token: token, trackingId: "a")
            #expect(first.first?.message.status.code == "200")
        }
    }

    @Test("webhooks announce each lifecycle flow, signed as the spec says (HMAC of SHA-256(payload@epoch))")
    func signedWebhooks() async throws {
        try await WebhookReceiver.with { hook, received in
            try await SandboxHarness.with(try Self.configuration(scenario: Self.scripted)) { sandbox in
                let token = try await sandbox.token()
                let created = try await sandbox.request(.POST, "/flow-service/v1/webhooks", token: token,
                                                        json: ["callbackUrl": hook, "flowTypes": ["CustomerInvoiceLC"]])
                let key = try #require((try created.json()["signingKey"] as? String)
                    .flatMap { Data(base64Encoded: $0) })
                _ = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(),
                                             file: try TestInvoices.cii(number: "SBX-HOOK-1", buyerSIREN: "732829320"))
                _ = try await sandbox.advance(token: token, seconds: 10 * 86400)
                let calls = await received.calls
                let flows = try await Self.lifecycle(sandbox, token: token)
                #expect(calls.count == flows.count)
                #expect(calls.count == 10)
                var announced: [String] = []
                for call in calls {
                    let epoch = try #require(call.timestamp)
                    var message = call.body
                    message += Array("@\(epoch)".utf8)
                    let expected = HMAC<SHA256>.authenticationCode(
                        for: Data(SHA256.hash(data: message)), using: SymmetricKey(data: key))
                    #expect(call.signature == Data(expected).base64EncodedString())
                    let body = try #require(try JSONSerialization.jsonObject(with: Data(call.body)) as? [String: Any])
                    #expect(body["flowType"] as? String == "CustomerInvoiceLC")
                    announced.append(try #require(body["flowId"] as? String))
                }
                #expect(announced == flows.compactMap { $0.flow["flowId"] as? String })
                var tampered = calls[0].body
                tampered[tampered.count - 2] ^= 1
                let forged = HMAC<SHA256>.authenticationCode(
                    for: Data(SHA256.hash(data: tampered + Array("@\(calls[0].timestamp ?? "")".utf8))),
                    using: SymmetricKey(data: key))
                #expect(calls[0].signature != Data(forged).base64EncodedString())
            }
        }
    }

    static let randomScenario = """
        random:
          delay: {min: 1h, max: 3d}
          paths:
            - {weight: 50, steps: [204, 205, "211:100%", "212:100%"]}
            - {weight: 25, steps: [204, "207:TX_TVA_ERR", 205, "211:30%", "211:70%", "212"]}
            - {weight: 25, steps: [204, "210:DOUBLON"]}
        """

    static func randomRun(seed: UInt64) async throws -> [[String]] {
        try await SandboxHarness.with(try configuration(scenario: randomScenario, seed: seed)) { sandbox in
            let token = try await sandbox.token()
            for index in 1...8 {
                _ = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(trackingId: "r\(index)"),
                                             file: try TestInvoices.cii(number: "SBX-RND-\(index)"))
            }
            _ = try await sandbox.advance(token: token, seconds: 60 * 86400)
            var sequences: [[String]] = []
            for index in 1...8 {
                sequences.append(try await lifecycle(sandbox, token: token, trackingId: "r\(index)")
                    .map(\.message.status.code))
            }
            return sequences
        }
    }

    @Test("random paths: the same seed gives the same sequences; every sequence is one of the scenario's paths")
    func seededRandomPaths() async throws {
        let first = try await Self.randomRun(seed: 7)
        let second = try await Self.randomRun(seed: 7)
        #expect(first == second)
        let transmission = ["200", "201", "202", "203"]
        let allowed = [["204", "205", "211", "212"], ["204", "207", "205", "211", "211", "212"], ["204", "210"]]
        for sequence in first {
            #expect(allowed.map { transmission + $0 }.contains(sequence), "\(sequence)")
        }
        #expect(Set(first).count > 1, "8 invoices all took the same path: \(first)")
    }
}
