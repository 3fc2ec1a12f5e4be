import Foundation
import Gateway
import Testing

@Suite("API: master data")
struct MasterDataAPITests {
    static var customer: [String: Any] { [
        "code": "C-1", "name": "Compagnie Cliente SA", "siren": "987654324", "siret": "98765432400019",
        "address": ["line1": "1 avenue de la Gare", "city": "Nantes", "postCode": "44000", "countryCode": "FR"],
        "preferredFormat": "ubl",
    ] }

    @Test("versions travel as ETags; a stale If-Match is refused with 412 and the current version", arguments: TestBackend.all)
    func optimisticConcurrency(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            try await gateway.serve { api in
                let created = try await api.send(.put, "/v1/customers/C-1", key: tenant.admin, json: Self.customer)
                #expect(created.status == 201, "\(created.text)")
                #expect(created.header("ETag") == "\"1\"")
                #expect(created.header("Location") == "/v1/customers/C-1")
                #expect(created.json["version"].int == 1)
                #expect(created.json["address"]["city"].string == "Nantes")
                #expect(created.json["active"].bool == true)

                var renamed = Self.customer
                renamed["name"] = "Compagnie Cliente"
                let updated = try await api.send(.put, "/v1/customers/C-1", key: tenant.admin, json: renamed,
                                                 headers: ["If-Match": "\"1\""])
                #expect(updated.status == 200)
                #expect(updated.header("ETag") == "\"2\"")

                let stale = try await api.send(.put, "/v1/customers/C-1", key: tenant.admin, json: Self.customer,
                                               headers: ["If-Match": "\"1\""])
                #expect(stale.status == 412)
                #expect(stale.header("Content-Type") == "application/problem+json")
                #expect(stale.json["currentVersion"].int == 2)
                #expect(stale.json["type"].string == "https://passerelle.dev/problems/stale")

                let mustBeNew = try await api.send(.put, "/v1/customers/C-1", key: tenant.admin, json: Self.customer,
                                                   headers: ["If-None-Match": "*"])
                #expect(mustBeNew.status == 412)

                let read = try await api.get("/v1/customers/C-1", key: tenant.admin)
                #expect(read.status == 200)
                #expect(read.json["name"].string == "Compagnie Cliente")
                #expect(read.header("ETag") == "\"2\"")
                let notModified = try await api.get("/v1/customers/C-1", key: tenant.admin, headers: ["If-None-Match": "\"2\""])
                #expect(notModified.status == 304)

                let staleDelete = try await api.delete("/v1/customers/C-1", key: tenant.admin, headers: ["If-Match": "\"1\""])
                #expect(staleDelete.status == 412)
                #expect(staleDelete.json["currentVersion"].int == 2)
                let deleted = try await api.delete("/v1/customers/C-1", key: tenant.admin, headers: ["If-Match": "\"2\""])
                #expect(deleted.status == 200)
                #expect(deleted.json["active"].bool == false)
                #expect(deleted.header("ETag") == "\"3\"")
                #expect(try await api.get("/v1/customers/C-404", key: tenant.admin).status == 404)
            }
        }
    }

    @Test("invalid bodies answer 422 with the field of each problem", arguments: [TestBackend.sqlite])
    func fieldProblems(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            try await gateway.serve { api in
                var badSIREN = Self.customer
                badSIREN["siren"] = "12345"
                let invalid = try await api.send(.put, "/v1/customers/C-1", key: tenant.admin, json: badSIREN)
                #expect(invalid.status == 422)
                #expect(invalid.json["errors"].array.compactMap { $0["field"].string }.contains("siren"))

                let mismatch = try await api.send(.put, "/v1/customers/C-2", key: tenant.admin, json: Self.customer)
                #expect(mismatch.status == 422)
                #expect(mismatch.json["errors"][0]["field"].string == "code")

                var typo = Self.customer
                typo["sirne"] = "987654324"
                let unknown = try await api.send(.put, "/v1/customers/C-1", key: tenant.admin, json: typo)
                #expect(unknown.status == 422)
                #expect(unknown.json["errors"][0]["field"].string == "sirne")

                let wrongType = try await api.send(.put, "/v1/products/P-1", key: tenant.admin, json: [
                    "name": "Vis", "unitCode": "C62", "vatCategory": "S", "vatRate": 20,
                ] as [String: Any])
                #expect(wrongType.status == 422)
                #expect(wrongType.json["errors"][0]["field"].string == "vatRate")

                let badPrice = try await api.send(.put, "/v1/price-lists/PL-1", key: tenant.admin, json: [
                    "entries": [["productCode": "P-1", "unitPrice": "12,50"], ["productCode": "P-2"]],
                ] as [String: Any])
                #expect(badPrice.status == 422)
                #expect(Set(badPrice.json["errors"].array.compactMap { $0["field"].string })
                        == ["entries[0].unitPrice", "entries[1].unitPrice"])

                let notJSON = try await api.call(.put, "/v1/customers/C-1", key: tenant.admin, body: Array("{".utf8),
                                                 contentType: "application/json")
                #expect(notJSON.status == 400)
                let notDeclared = try await api.call(.put, "/v1/customers/C-1", key: tenant.admin, body: Array("{}".utf8),
                                                     contentType: "text/plain")
                #expect(notDeclared.status == 415)
            }
        }
    }

    @Test("a bulk write reports each item: written, invalid or stale, in the order sent", arguments: TestBackend.all)
    func bulk(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            try await gateway.serve { api in
                let items: [[String: Any]] = [
                    ["code": "P-1", "name": "Vis", "unitCode": "C62", "vatCategory": "S", "vatRate": "20.00"],
                    ["code": "P-2", "name": "Écrou", "unitCode": "C62", "vatCategory": "S", "vatRate": "0"],
                    ["code": "P-3", "name": "Rondelle", "unitCode": "C62", "vatCategory": "S", "vatRate": "20.00",
                     "expectedVersion": 4],
                    ["code": "P-4", "name": "Clou", "unitCode": "C62", "vatCategory": "S", "vatRate": "20.00",
                     "colour": "red"],
                    ["code": "P-5", "name": "Boulon", "unitCode": "C62", "vatCategory": "Z", "vatRate": "0"],
                ]
                let reply = try await api.send(.post, "/v1/products:bulk", key: tenant.admin, json: ["items": items])
                #expect(reply.status == 200, "\(reply.text)")
                #expect(reply.json["total"].int == 5)
                #expect(reply.json["written"].int == 2)
                #expect(reply.json["invalid"].int == 2)
                #expect(reply.json["stale"].int == 1)
                #expect(reply.json["items"].array.compactMap { $0["status"].string }
                        == ["written", "invalid", "stale", "invalid", "written"])
                #expect(reply.json["items"][1]["errors"][0]["field"].string == "vatRate")
                #expect(reply.json["items"][2]["currentVersion"].int == 0)
                #expect(reply.json["items"][3]["errors"][0]["field"].string == "colour")
                #expect(try await api.get("/v1/products/P-5", key: tenant.admin).status == 200)
                #expect(try await api.get("/v1/products/P-2", key: tenant.admin).status == 404)
            }
        }
    }
}
