import EInvoiceSyntax
import Foundation
import Sandbox
import Testing

/// The Flow Service 1.3.0 over real HTTP: submit, metadata, documents, search with cursors, webhooks CRUD.
@Suite("Sandbox Flow Service")
struct FlowServiceTests {
    @Test("a submitted CII answers 202 with a flowId, and its metadata and documents can be fetched")
    func submitAndFetch() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.token()
            let file = try TestInvoices.cii(number: "SBX-FLOW-1")
            let sha = Fixtures.sha256(file)
            let answer = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(sha256: sha,
                                                                                              trackingId: "erp-1"),
                                                  file: file)
            #expect(answer.status == 202, "\(answer.text)")
            let posted = try answer.json()
            let flowId = try #require(posted["flowId"] as? String)
            #expect(!flowId.isEmpty)
            #expect(posted["sha256"] as? String == sha)
            #expect(posted["trackingId"] as? String == "erp-1")
            #expect(posted["submittedAt"] is String)

            let metadata = try await sandbox.request(.GET, "/flow-service/v1/flows/\(flowId)", token: token)
            #expect(metadata.status == 200)
            let flow = try metadata.json()
            #expect(flow["flowType"] as? String == "CustomerInvoice")
            #expect(flow["flowDirection"] as? String == "Out")
            #expect(flow["flowSyntax"] as? String == "CII")
            #expect(flow["processingRule"] as? String == "B2B")
            #expect(flow["processingRuleSource"] as? String == "Computed")
            #expect((flow["acknowledgement"] as? [String: Any])?["status"] as? String == "Ok")

            let original = try await sandbox.request(.GET, "/flow-service/v1/flows/\(flowId)?docType=Original",
                                                     token: token)
            #expect(original.status == 200)
            #expect(original.body == file)
            #expect(original.headers.first(name: "Content-Disposition") == "attachment;filename=invoice.xml")

            let converted = try await sandbox.request(.GET, "/flow-service/v1/flows/\(flowId)?docType=Converted",
                                                      token: token)
            #expect(converted.status == 200)
            let ubl = try InvoiceDocumentReader().read(bytes: converted.body)
            #expect(ubl.syntax == .ublInvoice)
            #expect(ubl.invoice.number == "SBX-FLOW-1")

            let wrongType = try await sandbox.request(.GET, "/flow-service/v1/flows/\(flowId)?docType=Pdf",
                                                      token: token)
            #expect(wrongType.status == 400)
            let missing = try await sandbox.request(.GET, "/flow-service/v1/flows/no-such-flow", token: token)
            #expect(missing.status == 404)
            #expect(try missing.json()["errorCode"] as? String == "MISSING_RESOURCE")
        }
    }

    @Test("a sha256 that does not match the bytes gives an Error acknowledgement with ChecksumMismatch")
    func checksumMismatch() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.token()
            let file = try TestInvoices.cii(number: "SBX-SHA-1")
            let wrong = String(repeating: "0", count: 64)
            let answer = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(sha256: wrong),
                                                  file: file)
            #expect(answer.status == 202)
            let flowId = try #require(try answer.json()["flowId"] as? String)
            let flow = try await sandbox.request(.GET, "/flow-service/v1/flows/\(flowId)", token: token).json()
            let acknowledgement = try #require(flow["acknowledgement"] as? [String: Any])
            #expect(acknowledgement["status"] as? String == "Error")
            let detail = try #require((acknowledgement["details"] as? [[String: Any]])?.first)
            #expect(detail["reasonCode"] as? String == "ChecksumMismatch")
            #expect((detail["reasonMessage"] as? String)?.contains(Fixtures.sha256(file)) == true)
        }
    }

    @Test("the same file sent twice: the second flow is refused as AlreadyExistingFlow")
    func duplicateFile() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.token()
            let file = try TestInvoices.cii(number: "SBX-DUP-1")
            let first = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(), file: file)
            let second = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(), file: file)
            let firstId = try #require(try first.json()["flowId"] as? String)
            let secondId = try #require(try second.json()["flowId"] as? String)
            #expect(firstId != secondId)
            let flow = try await sandbox.request(.GET, "/flow-service/v1/flows/\(secondId)", token: token).json()
            let acknowledgement = try #require(flow["acknowledgement"] as? [String: Any])
            #expect(acknowledgement["status"] as? String == "Error")
            let detail = try #require((acknowledgement["details"] as? [[String: Any]])?.first)
            #expect(detail["reasonCode"] as? String == "AlreadyExistingFlow")
            #expect((detail["reasonMessage"] as? String)?.contains(firstId) == true)
            let original = try await sandbox.request(.GET, "/flow-service/v1/flows/\(firstId)", token: token).json()
            #expect((original["acknowledgement"] as? [String: Any])?["status"] as? String == "Ok")
        }
    }

    @Test("a request without flowInfo, with a bad enum or a bad sha256 is a 400 with the spec's error body")
    func badRequests() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.token()
            let file = try TestInvoices.cii(number: "SBX-BAD-1")
            let boundary = "b-1"
            let onlyFile = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n".utf8) + file
                + Array("\r\n--\(boundary)--\r\n".utf8)
            let noInfo = try await sandbox.request(
                .POST, "/flow-service/v1/flows", token: token, body: onlyFile,
                headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")])
            #expect(noInfo.status == 400)
            #expect(try noInfo.json()["errorCode"] as? String == "MISSING_REQUIRED_FIELD")
            #expect((try noInfo.json()["errorMessage"] as? String)?.contains("flowInfo") == true)

            let badSyntax = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(syntax: "PDF"),
                                                     file: file)
            #expect(badSyntax.status == 400)
            #expect((try badSyntax.json()["errorMessage"] as? String)?.contains("flowSyntax") == true)

            let badSHA = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(sha256: "ABC"),
                                                  file: file)
            #expect(badSHA.status == 400)
            #expect((try badSHA.json()["errorMessage"] as? String)?.contains("sha256") == true)
        }
    }

    @Test("a file over the size limit is refused 413 FILE_SIZE_EXCEEDED")
    func tooLarge() async throws {
        var configuration = SandboxHarness.configuration()
        configuration.maximumFlowBytes = 2_000
        try await SandboxHarness.with(configuration) { sandbox in
            let token = try await sandbox.token()
            let answer = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(),
                                                  file: try TestInvoices.cii(number: "SBX-BIG-1"))
            #expect(answer.status == 413)
            #expect(try answer.json()["errorCode"] as? String == "FILE_SIZE_EXCEEDED")
            let small = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(),
                                                 file: Array("<x/>".utf8))
            #expect(small.status == 202)
        }
    }

    @Test("search pages with a cursor through every matching flow, once each, and needs a criterion")
    func searchWithCursor() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.token()
            var submitted: [String] = []
            for index in 1...5 {
                let file = try TestInvoices.cii(number: "SBX-SEARCH-\(index)")
                let answer = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(
                    trackingId: index == 3 ? "track-3" : nil), file: file)
                submitted.append(try #require(try answer.json()["flowId"] as? String))
            }
            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let page = try await sandbox.search(token: token, where: ["flowDirection": ["Out"]], limit: 2,
                                                    cursor: cursor).json()
                let results = try #require(page["results"] as? [[String: Any]])
                #expect(results.count <= 2)
                seen += results.compactMap { $0["flowId"] as? String }
                cursor = page["nextCursor"] as? String
                pages += 1
            } while cursor != nil && pages < 10
            #expect(seen == submitted)
            #expect(pages == 3)

            let tracked = try await sandbox.search(token: token, where: ["trackingId": "track-3"]).json()
            #expect((tracked["results"] as? [[String: Any]])?.compactMap { $0["flowId"] as? String } == [submitted[2]])

            let none = try await sandbox.search(token: token, where: [:])
            #expect(none.status == 400)
            let badCursor = try await sandbox.search(token: token, where: ["flowDirection": ["Out"]],
                                                     cursor: "bm90LWEtY3Vyc29y")
            #expect(badCursor.status == 400)
            let tooMany = try await sandbox.search(token: token, where: ["flowDirection": ["Out"]], limit: 101)
            #expect(tooMany.status == 400)
        }
    }

    @Test("another client sees none of the flows")
    func ownership() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.token()
            let other = try await sandbox.token(clientId: "other-client", secret: "other-secret")
            let answer = try await sandbox.submit(token: token, flowInfo: TestInvoices.flowInfo(),
                                                  file: try TestInvoices.cii(number: "SBX-OWN-1"))
            let flowId = try #require(try answer.json()["flowId"] as? String)
            #expect(try await sandbox.request(.GET, "/flow-service/v1/flows/\(flowId)", token: other).status == 404)
            let search = try await sandbox.search(token: other, where: ["flowDirection": ["Out", "In"]]).json()
            #expect((search["results"] as? [Any])?.isEmpty == true)
            #expect(try await sandbox.request(.GET, "/flow-service/v1/flows/\(flowId)", token: token).status == 200)
        }
    }

    @Test("webhooks are created (201 with a 256-bit signing key), listed and deleted; health answers 200")
    func webhooksAndHealth() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.token()
            let created = try await sandbox.request(.POST, "/flow-service/v1/webhooks", token: token, json: [
                "callbackUrl": "http://127.0.0.1:9/hook", "flowTypes": ["CustomerInvoiceLC"],
            ])
            #expect(created.status == 201, "\(created.text)")
            let body = try created.json()
            let id = try #require(body["webhookId"] as? String)
            let key = try #require((body["signingKey"] as? String).flatMap { Data(base64Encoded: $0) })
            #expect(key.count == 32)
            let list = try await sandbox.request(.GET, "/flow-service/v1/webhooks", token: token).json()
            #expect(list["count"] as? Int == 1)
            #expect(list["webhookIds"] as? [String] == [id])
            #expect((list["webhooks"] as? [[String: Any]])?.first?["callbackUrl"] as? String == "http://127.0.0.1:9/hook")
            let badURL = try await sandbox.request(.POST, "/flow-service/v1/webhooks", token: token,
                                                   json: ["callbackUrl": "not a url"])
            #expect(badURL.status == 400)
            #expect(try await sandbox.request(.DELETE, "/flow-service/v1/webhooks/\(id)", token: token).status == 204)
            #expect(try await sandbox.request(.DELETE, "/flow-service/v1/webhooks/\(id)", token: token).status == 404)
            #expect(try await sandbox.request(.GET, "/flow-service/v1/healthcheck", token: token).status == 200)
        }
    }
}
