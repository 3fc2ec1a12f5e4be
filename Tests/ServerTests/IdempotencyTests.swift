import Foundation
import Gateway
import Testing

@Suite("API: idempotent intake")
struct IdempotencyTests {
    @Test("the same POST 100 times in parallel makes one invoice; the others answer 200 with its id", arguments: TestBackend.all)
    func hundredParallelRequests(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            let payload = Payloads.cii(number: "FA-IDEM-1")
            let replies = try await gateway.serve { api in
                let port = try #require(api.client.port)
                return try await ParallelClient(port: port).post(
                    "/v1/invoices", count: 100, body: payload,
                    headers: [("Authorization", "Bearer \(tenant.admin)"), ("Content-Type", "application/xml"),
                              ("Idempotency-Key", "erp-idem-1")])
            }
            #expect(replies.count == 100)
            #expect(replies.filter { $0.status == 202 }.count == 1)
            #expect(replies.filter { $0.status == 200 }.count == 99, "\(replies.filter { $0.status != 200 && $0.status != 202 }.map(\.text))")
            #expect(Set(replies.compactMap { $0.json["id"].string }).count == 1)
            let counts = try await gateway.store.transaction { try await $0.invoiceCountsByState(tenant: tenant.id, batchID: nil) }
            #expect(counts.values.reduce(0, +) == 1)
        }
    }

    @Test("a key or a number reused with other content is a 409 naming the existing invoice", arguments: [TestBackend.sqlite])
    func conflicts(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            try await gateway.serve { api in
                let first = try await api.call(.post, "/v1/invoices", key: tenant.admin, body: Payloads.cii(number: "FA-1"),
                                               contentType: "application/xml", headers: ["Idempotency-Key": "k-1"])
                #expect(first.status == 202)
                let id = try #require(first.json["id"].string)

                let sameKey = try await api.call(.post, "/v1/invoices", key: tenant.admin, body: Payloads.cii(number: "FA-2"),
                                                 contentType: "application/xml", headers: ["Idempotency-Key": "k-1"])
                #expect(sameKey.status == 409)
                #expect(sameKey.json["existingID"].string == id)
                #expect(sameKey.json["type"].string == "https://passerelle.dev/problems/conflict")

                let again = try await api.call(.post, "/v1/invoices", key: tenant.admin, body: Payloads.cii(number: "FA-1"),
                                               contentType: "application/xml")
                #expect(again.status == 200)
                #expect(again.json["id"].string == id)

                let changed = Payloads.cii(number: "FA-1") { $0.paymentTerms = "Paiement à 45 jours" }
                let sameNumber = try await api.call(.post, "/v1/invoices", key: tenant.admin, body: changed,
                                                    contentType: "application/xml")
                #expect(sameNumber.status == 409)
                #expect(sameNumber.json["existingID"].string == id)
                #expect(sameNumber.json["detail"].string?.contains("FA-1") == true)
            }
        }
    }
}
