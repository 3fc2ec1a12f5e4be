import Foundation
import Gateway
import Testing

@Suite("API: pagination and filters")
struct PaginationTests {
    @Test("invoice pages follow `next` to the end without gaps or repeats; filters narrow", arguments: TestBackend.all)
    func invoicePages(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            try await gateway.serve { api in
                var posted: [String] = []
                for index in 0..<7 {
                    let reply = try await api.call(.post, "/v1/invoices", key: tenant.admin,
                                                   body: Payloads.cii(number: "FA-P-\(index)", lines: index % 2 + 1),
                                                   contentType: "application/xml")
                    posted.append(try #require(reply.json["id"].string))
                }
                var seen: [String] = []
                var cursor: String?
                var pages = 0
                repeat {
                    let path = "/v1/invoices?limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                    let page = try await api.get(path, key: tenant.admin)
                    #expect(page.status == 200, "\(page.text)")
                    seen += page.json["items"].array.compactMap { $0["id"].string }
                    cursor = page.json["next"].string
                    pages += 1
                } while cursor != nil && pages < 10
                #expect(pages == 3)
                #expect(seen == posted)

                let received = try await api.get("/v1/invoices?state=received&state=held&limit=500", key: tenant.admin)
                #expect(received.json["items"].array.count == 7)
                let none = try await api.get("/v1/invoices?state=rejected", key: tenant.admin)
                #expect(none.json["items"].array.isEmpty)
                #expect(none.json["next"].isNull)
                let byCustomer = try await api.get("/v1/invoices?customer=\(Payloads.customerCode)&issuedFrom=2026-11-01&issuedTo=2026-11-30", key: tenant.admin)
                #expect(byCustomer.json["items"].array.count == 7)
                let otherCustomer = try await api.get("/v1/invoices?customer=NOBODY", key: tenant.admin)
                #expect(otherCustomer.json["items"].array.isEmpty)
                let tooLate = try await api.get("/v1/invoices?issuedFrom=2026-12-01", key: tenant.admin)
                #expect(tooLate.json["items"].array.isEmpty)

                let limit = try await api.get("/v1/invoices?limit=501", key: tenant.admin)
                #expect(limit.status == 400)
                #expect(limit.json["errors"][0]["field"].string == "limit")
                let typo = try await api.get("/v1/invoices?stat=held", key: tenant.admin)
                #expect(typo.status == 400)
                let badState = try await api.get("/v1/invoices?state=lost", key: tenant.admin)
                #expect(badState.status == 400)
                let badCursor = try await api.get("/v1/invoices?cursor=not-a-cursor", key: tenant.admin)
                #expect(badCursor.status == 400)
                let badAmount = try await api.get("/v1/invoices?minTotal=12abc", key: tenant.admin)
                #expect(badAmount.status == 400)
            }
        }
    }

    @Test("master-data pages are ordered by code; the change feed pages with `since`", arguments: [TestBackend.sqlite])
    func masterDataAndChanges(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            let masterDataReader = try await gateway.makeKey(tenant, scopes: [.masterDataRead])
            let invoiceReader = try await gateway.makeKey(tenant, scopes: [.invoicesRead])
            try await gateway.serve { api in
                for code in ["P-5", "P-1", "P-4", "P-2", "P-3"] {
                    let reply = try await api.send(.put, "/v1/products/\(code)", key: tenant.admin, json: [
                        "name": code, "unitCode": "C62", "vatCategory": "S", "vatRate": "20.00",
                    ])
                    #expect(reply.status == 201)
                }
                let first = try await api.get("/v1/products?limit=2", key: tenant.admin)
                #expect(first.json["items"].array.compactMap { $0["code"].string } == ["P-1", "P-2"])
                let next = try #require(first.json["next"].string)
                let second = try await api.get("/v1/products?limit=2&cursor=\(next)", key: tenant.admin)
                #expect(second.json["items"].array.compactMap { $0["code"].string } == ["P-3", "P-4"])

                _ = try await api.call(.post, "/v1/invoices", key: tenant.admin, body: Payloads.cii(number: "FA-C-1"),
                                       contentType: "application/xml")
                let feed = try await api.get("/v1/changes?limit=3", key: tenant.admin)
                #expect(feed.status == 200)
                #expect(feed.json["items"].array.compactMap { $0["key"].string } == ["P-5", "P-1", "P-4"])
                #expect(feed.json["hasMore"].bool == true)
                let since = try #require(feed.json["next"].string)
                let rest = try await api.get("/v1/changes?since=\(since)", key: tenant.admin)
                #expect(rest.json["items"].array.compactMap { $0["subject"].string } == ["product", "product", "invoice"])
                #expect(rest.json["hasMore"].bool == false)
                let end = try #require(rest.json["next"].string)
                let nothing = try await api.get("/v1/changes?since=\(end)", key: tenant.admin)
                #expect(nothing.json["items"].array.isEmpty)
                #expect(nothing.json["next"].string == end)

                let masterDataOnly = try await api.get("/v1/changes?limit=1000", key: masterDataReader)
                #expect(Set(masterDataOnly.json["items"].array.compactMap { $0["subject"].string }) == ["product"])
                let invoicesOnly = try await api.get("/v1/changes?limit=1000", key: invoiceReader)
                #expect(Set(invoicesOnly.json["items"].array.compactMap { $0["subject"].string }) == ["invoice"])
            }
        }
    }
}
