import Foundation
import Gateway
import Testing

@Suite("Routing: the Passerelle-Batch header on intake")
struct RoutingBatchHeaderTests {
    @Test(arguments: TestBackend.all)
    func theERPBatchIsStoredOnTheInvoiceAndFiltersTheList(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            try await gateway.serve { api in
                let posted = try await api.call(
                    .post, "/v1/invoices", key: tenant.admin, body: Payloads.cii(number: "BATCH-1"),
                    contentType: "application/xml", headers: ["Passerelle-Batch": "NIGHT-2026-03-14"])
                #expect(posted.status == 202, "\(posted.text)")
                #expect(posted.json["batchID"].string == "NIGHT-2026-03-14")
                let other = try await api.call(
                    .post, "/v1/invoices", key: tenant.admin, body: Payloads.cii(number: "BATCH-2"),
                    contentType: "application/xml")
                #expect(other.status == 202)
                #expect(other.json["batchID"].string == nil)
                let listed = try await api.call(.get, "/v1/invoices?batch=NIGHT-2026-03-14", key: tenant.admin)
                #expect(listed.status == 200, "\(listed.text)")
                #expect(listed.json["items"].array.compactMap { $0["number"].string } == ["BATCH-1"])

                let bad = try await api.call(
                    .post, "/v1/invoices", key: tenant.admin, body: Payloads.cii(number: "BATCH-3"),
                    contentType: "application/xml", headers: ["Passerelle-Batch": "two words"])
                #expect(bad.status == 400)
                #expect(bad.json["title"].string == "Invalid Passerelle-Batch")
            }
        }
    }
}
