import EInvoiceSyntax
import Foundation
import Sandbox
import Testing

/// The checks on receipt besides the rules, Factur-X flows, the acknowledgement delay and time that flows.
@Suite("Sandbox intake")
struct IntakeTests {
    static func acknowledgement(_ sandbox: SandboxHarness, token: String, flowId: String) async throws
        -> (status: String?, reason: String?)
    {
        let flow = try await sandbox.request(.GET, "/flow-service/v1/flows/\(flowId)", token: token).json()
        let acknowledgement = flow["acknowledgement"] as? [String: Any]
        let detail = (acknowledgement?["details"] as? [[String: Any]])?.first
        return (acknowledgement?["status"] as? String, detail?["reasonCode"] as? String)
    }

    static func submitted(_ answer: SandboxHarness.Answer) throws -> String {
        guard answer.status == 202, let id = try answer.json()["flowId"] as? String else {
            throw HarnessFailure("not accepted: \(answer.status) \(answer.text)")
        }
        return id
    }

    @Test("empty, unreadable, mislabelled and e-reporting files get an Error acknowledgement with the spec's code")
    func technicalRefusals() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.token()
            let ubl = try Fixtures.corpusFile("en16931/ubl/ubl-tc434-example1.xml")
            let cases: [([String: Any], [UInt8], String)] = [
                (TestInvoices.flowInfo(), [], "EmptyFlow"),
                (TestInvoices.flowInfo(), Array("<Invoice><oops".utf8), "InvalidSchema"),
                (TestInvoices.flowInfo(syntax: "CII"), ubl, "FlowTypeError"),
                (TestInvoices.flowInfo(syntax: "Factur-X"), ubl, "FlowTypeError"),
                (TestInvoices.flowInfo(syntax: "FRR"), Array("<Report/>".utf8), "FlowTypeError"),
            ]
            for (info, file, expected) in cases {
                let id = try Self.submitted(try await sandbox.submit(token: token, flowInfo: info, file: file))
                let acknowledgement = try await Self.acknowledgement(sandbox, token: token, flowId: id)
                #expect(acknowledgement.status == "Error", "\(expected)")
                #expect(acknowledgement.reason == expected)
            }
            let asUBL = try Self.submitted(try await sandbox.submit(
                token: token, flowInfo: TestInvoices.flowInfo(syntax: "UBL"), file: ubl))
            #expect(try await Self.acknowledgement(sandbox, token: token, flowId: asUBL).status == "Ok")
        }
    }

    @Test("a CDAR the client sends is a SupplierInvoiceLC flow, acknowledged Ok")
    func clientLifecycleMessage() async throws {
        try await SandboxHarness.with(try LifecycleTests.configuration(scenario: LifecycleTests.scripted)) { sandbox in
            let token = try await sandbox.token()
            _ = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(),
                                         file: try TestInvoices.cii(number: "SBX-CDAR-1"))
            _ = try await sandbox.advance(token: token, seconds: 10)
            let cdar = try #require(try await LifecycleTests.lifecycle(sandbox, token: token).first?.bytes)
            let id = try Self.submitted(try await sandbox.submit(
                token: token, flowInfo: TestInvoices.flowInfo(name: "status.xml", syntax: "CDAR"), file: cdar))
            let flow = try await sandbox.request(.GET, "/flow-service/v1/flows/\(id)", token: token).json()
            #expect(flow["flowType"] as? String == "SupplierInvoiceLC")
            #expect((flow["acknowledgement"] as? [String: Any])?["status"] as? String == "Ok")
            let bad = try Self.submitted(try await sandbox.submit(
                token: token, flowInfo: TestInvoices.flowInfo(syntax: "CDAR"), file: Array("<x/>".utf8)))
            #expect(try await Self.acknowledgement(sandbox, token: token, flowId: bad).reason == "InvalidSchema")
        }
    }

    @Test("Factur-X: the readable view of a CII is a PDF; sent back as Factur-X it is read, converted to its CII")
    func facturXRoundTrip() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.token()
            let cii = try Self.submitted(try await sandbox.submit(
                token: token, flowInfo: TestInvoices.flowInfo(), file: try TestInvoices.cii(number: "SBX-FX-1")))
            let view = try await sandbox.request(.GET, "/flow-service/v1/flows/\(cii)?docType=ReadableView",
                                                 token: token)
            try #require(view.status == 200, "no readable view (fonts missing?): \(view.text)")
            #expect(view.body.starts(with: Array("%PDF-".utf8)))
            #expect(view.headers.first(name: "Content-Disposition") == "attachment;filename=invoice.pdf")
            let pdf = try Self.submitted(try await sandbox.submit(
                token: token, flowInfo: TestInvoices.flowInfo(name: "invoice.pdf", syntax: "Factur-X"),
                file: view.body, fileName: "invoice.pdf"))
            #expect(try await Self.acknowledgement(sandbox, token: token, flowId: pdf).status == "Ok")
            let converted = try await sandbox.request(.GET, "/flow-service/v1/flows/\(pdf)?docType=Converted",
                                                      token: token)
            #expect(try InvoiceDocumentReader().read(bytes: converted.body).invoice.number == "SBX-FX-1")
            let readable = try await sandbox.request(.GET, "/flow-service/v1/flows/\(pdf)?docType=ReadableView",
                                                     token: token)
            #expect(readable.body == view.body)
            let metadata = try await sandbox.request(.GET, "/flow-service/v1/flows/\(pdf)", token: token).json()
            #expect(metadata["flowProfile"] as? String == "CIUS")
        }
    }

    @Test("with an acknowledgement delay the flow is Pending, then Ok, and the Ok is announced to a webhook")
    func pendingThenOk() async throws {
        try await WebhookReceiver.with { hook, received in
            var configuration = SandboxHarness.configuration()
            configuration.scenario = try ScenarioFile.parse("acknowledgementDelay: 1m\ntransmission: []\n")
            try await SandboxHarness.with(configuration) { sandbox in
                let token = try await sandbox.token()
                _ = try await sandbox.request(.POST, "/flow-service/v1/webhooks", token: token,
                                              json: ["callbackUrl": hook, "flowDirection": "Out", "ackStatus": "Ok"])
                let id = try Self.submitted(try await sandbox.submit(
                    token: token, flowInfo: TestInvoices.flowInfo(), file: try TestInvoices.cii(number: "SBX-ACK-1")))
                #expect(try await Self.acknowledgement(sandbox, token: token, flowId: id).status == "Pending")
                let pending = try await sandbox.search(token: token, where: ["ackStatus": "Pending"]).json()
                #expect((pending["results"] as? [[String: Any]])?.count == 1)
                _ = try await sandbox.advance(token: token, seconds: 30)
                #expect(try await Self.acknowledgement(sandbox, token: token, flowId: id).status == "Pending")
                #expect(await received.calls.isEmpty)
                _ = try await sandbox.advance(token: token, seconds: 30)
                #expect(try await Self.acknowledgement(sandbox, token: token, flowId: id).status == "Ok")
                let calls = await received.calls
                #expect(calls.count == 1)
                let body = try #require(try JSONSerialization.jsonObject(with: Data(calls[0].body)) as? [String: Any])
                #expect(body["flowId"] as? String == id)
            }
        }
    }

    @Test("with time flowing (a large time scale) statuses arrive without /sandbox/advance")
    func timeFlows() async throws {
        var configuration = SandboxHarness.configuration()
        configuration.timeScale = 100_000
        configuration.startDate = nil
        try await SandboxHarness.with(configuration) { sandbox in
            let token = try await sandbox.token()
            _ = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(),
                                         file: try TestInvoices.cii(number: "SBX-TIME-1"))
            var codes: [String] = []
            for _ in 0..<200 where codes.count < 4 {
                try await Task.sleep(for: .milliseconds(50))
                codes = try await LifecycleTests.lifecycle(sandbox, token: token).map(\.message.status.code)
            }
            #expect(codes == ["200", "201", "202", "203"])
        }
    }

    @Test("POST /sandbox/snapshot writes every flow and invoice status to the snapshot file")
    func snapshot() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: path) }
        var configuration = SandboxHarness.configuration()
        configuration.snapshotPath = path.path
        try await SandboxHarness.with(configuration) { sandbox in
            let token = try await sandbox.token()
            _ = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(),
                                         file: try TestInvoices.cii(number: "SBX-SNAP-1"))
            _ = try await sandbox.advance(token: token, seconds: 3600)
            let answer = try await sandbox.request(.POST, "/sandbox/snapshot", token: token)
            #expect(answer.status == 200)
            #expect(try answer.json()["flows"] as? Int == 5)
        }
        let data = try Data(contentsOf: path)
        let snapshot = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let invoices = try #require(snapshot["invoices"] as? [[String: Any]])
        #expect(invoices.first?["statuses"] as? [String] == ["200", "201", "202", "203"])
        #expect((snapshot["flows"] as? [Any])?.count == 5)
    }
}
