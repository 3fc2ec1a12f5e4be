import Foundation
import Gateway
import Testing

@Suite("API: catalogue checks under validate=sync")
struct CatalogueAPITests {
    @Test("unknown products, VAT and price mismatches answer 422 with CAT findings; settings turn checks off", arguments: TestBackend.all)
    func catalogueFindings(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            let payload = Payloads.cii(number: "FA-CAT-1")
            try await gateway.serve { api in
                // The tenant syncs a catalogue, but not these products.
                let other = try await api.send(.put, "/v1/products/OTHER-1", key: tenant.admin, json: [
                    "name": "Autre article", "unitCode": "C62", "vatCategory": "S", "vatRate": "20.00",
                ])
                #expect(other.status == 201)
                let unknown = try await api.call(.post, "/v1/invoices?validate=sync", key: tenant.admin, body: payload,
                                                 contentType: "application/xml")
                #expect(unknown.status == 422, "\(unknown.text)")
                #expect(unknown.header("Content-Type") == "application/problem+json")
                #expect(unknown.json["type"].string == "https://passerelle.dev/problems/invoice-rejected")
                let fatal = unknown.json["findings"].array.filter { $0["severity"].string == "fatal" }
                let rules = Set(fatal.compactMap { $0["ruleID"].string })
                #expect(rules == [CatalogueCheck.RuleID.unknownProduct])
                #expect(fatal.first?["message"]["fr"].string?.isEmpty == false)
                #expect(fatal.first?["location"]["path"].string == "BG-25[0]")
                let rejectedID = try #require(unknown.json["existingID"].string)
                #expect(unknown.header("Location") == "/v1/invoices/\(rejectedID)")
                let rejected = try await api.get("/v1/invoices/\(rejectedID)", key: tenant.admin)
                #expect(rejected.json["state"].string == "rejected")

                // The catalogue is synced, but one product's VAT rate and one agreed price differ.
                var products = Payloads.productBodies()
                products[1]["vatRate"] = "5.50"
                for product in products {
                    let code = try #require(product["code"] as? String)
                    #expect(try await api.send(.put, "/v1/products/\(code)", key: tenant.admin, json: product).status == 201)
                }
                let customer = try await api.send(.put, "/v1/customers/\(Payloads.customerCode)", key: tenant.admin,
                                                  json: ["name": "Compagnie Cliente SA"])
                #expect(customer.status == 201)
                let firstCode = try #require(products[0]["code"] as? String)
                let priceList: [String: Any] = [
                    "customerCode": Payloads.customerCode,
                    "entries": [["productCode": firstCode, "unitPrice": "999.99"]],
                ]
                #expect(try await api.send(.put, "/v1/price-lists/PL-1", key: tenant.admin, json: priceList).status == 201)
                let mismatch = try await api.call(.post, "/v1/invoices?validate=sync", key: tenant.admin, body: payload,
                                                  contentType: "application/xml")
                #expect(mismatch.status == 422)
                let mismatchRules = Set(mismatch.json["findings"].array.filter { $0["severity"].string == "fatal" }
                    .compactMap { $0["ruleID"].string })
                #expect(mismatchRules == [CatalogueCheck.RuleID.vatRateMismatch, CatalogueCheck.RuleID.priceMismatch])
                #expect(mismatch.json["existingID"].string != rejectedID)

                // The admin turns the VAT and price checks off: the same invoice passes.
                let settings = try await api.get("/v1/settings", key: tenant.admin)
                var body = try #require(settings.json.value as? [String: Any])
                var catalogue = try #require(body["catalogue"] as? [String: Any])
                catalogue["rejectVATMismatch"] = false
                catalogue["rejectPriceMismatch"] = false
                body["catalogue"] = catalogue
                let put = try await api.send(.put, "/v1/settings", key: tenant.admin, json: body,
                                             headers: ["If-Match": settings.header("ETag") ?? ""])
                #expect(put.status == 200, "\(put.text)")
                let passed = try await api.call(.post, "/v1/invoices?validate=sync", key: tenant.admin, body: payload,
                                                contentType: "application/xml")
                #expect(passed.status == 202, "\(passed.text)")
                #expect(passed.json["state"].string == "checked")
                #expect(passed.json["findings"].array.filter { $0["severity"].string == "fatal" }.isEmpty)
            }
            // The check jobs queued at intake find their invoices checked already and change nothing.
            try await gateway.drain()
            let counts = try await gateway.store.transaction { try await $0.invoiceCountsByState(tenant: tenant.id, batchID: nil) }
            #expect(counts[.rejected] == 2)
            #expect(counts[.held] == 1)
        }
    }
}
