import EInvoice
import FacturX
import Foundation
import Gateway
import Testing

/// The newcomer's tour over real HTTP: sync the catalogue, post an invoice, run the pipeline, watch its events and
/// fetch its documents.
@Suite("API: invoice flow end to end")
struct InvoiceFlowTests {
    @Test("a CII invoice goes received → checked → rendered → held, and its documents can be fetched", arguments: TestBackend.all)
    func ciiFlow(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            let payload = Payloads.cii(number: "FA-FLOW-1")
            let id: String = try await gateway.serve { api in
                for product in Payloads.productBodies() {
                    let code = try #require(product["code"] as? String)
                    let reply = try await api.send(.put, "/v1/products/\(code)", key: tenant.admin, json: product)
                    #expect(reply.status == 201, "\(reply.text)")
                }
                let posted = try await api.call(.post, "/v1/invoices", key: tenant.admin, body: payload,
                                                contentType: "application/xml", headers: ["Idempotency-Key": "erp-flow-1"])
                #expect(posted.status == 202, "\(posted.text)")
                #expect(posted.json["state"].string == "received")
                #expect(posted.json["number"].string == "FA-FLOW-1")
                #expect(posted.json["sourceFormat"].string == "cii")
                let id = try #require(posted.json["id"].string)
                #expect(posted.header("Location") == "/v1/invoices/\(id)")
                return id
            }
            #expect(try await gateway.drain() >= 3)
            try await gateway.serve { api in
                let invoice = try await api.get("/v1/invoices/\(id)", key: tenant.admin)
                #expect(invoice.status == 200)
                #expect(invoice.json["state"].string == "held", "\(invoice.text)")
                #expect(invoice.json["totalWithVAT"].string != nil)
                #expect(invoice.header("ETag") == "\"\(invoice.json["version"].int ?? -1)\"")

                let events = try await api.get("/v1/invoices/\(id)/events", key: tenant.admin)
                #expect(events.status == 200)
                let types = events.json["items"].array.compactMap { $0["type"].string }
                #expect(types == ["invoice.received", "invoice.checked", "invoice.rendered", "invoice.held"])
                #expect(events.json["items"][0]["actor"].string == tenant.adminKeyID)

                let original = try await api.get("/v1/invoices/\(id)/documents/original", key: tenant.admin)
                #expect(original.status == 200)
                #expect(original.body == payload)
                #expect(original.header("Content-Type") == "application/xml")
                #expect(original.header("ETag") == "\"\(Hashing.sha256Hex(payload))\"")
                let unchanged = try await api.get("/v1/invoices/\(id)/documents/original", key: tenant.admin,
                                                  headers: ["If-None-Match": original.header("ETag") ?? ""])
                #expect(unchanged.status == 304)

                let cii = try await api.get("/v1/invoices/\(id)/documents/cii", key: tenant.admin)
                #expect(cii.status == 200)
                #expect(cii.header("Content-Type") == "application/xml")
                #expect(cii.text.contains("FA-FLOW-1"))
                #expect(cii.header("Content-Disposition") == "attachment; filename=\"FA-FLOW-1-cii.xml\"")

                let missing = try await api.get("/v1/invoices/\(id)/documents/facturx", key: tenant.admin)
                #expect(missing.status == 404)
                #expect(missing.header("Content-Type") == "application/problem+json")
                #expect(missing.json["detail"].string?.contains("it has: original, cii") == true, "\(missing.text)")

                let listed = try await api.get("/v1/invoices/\(id)/documents", key: tenant.admin)
                #expect(listed.json["items"].array.compactMap { $0["kind"].string } == ["original", "cii"])
            }
        }
    }

    @Test("a UBL upload as multipart/form-data is read, and keeps a UBL document", arguments: [TestBackend.sqlite])
    func multipartUBL(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            // BR-FR wants a scheme on the sample's buyer identifier in UBL; this test is about the upload.
            let tenant = try await gateway.makeTenant("acme", settings: TenantSettings(
                catalogue: CataloguePolicy(rejectUnknownProduct: false), frenchRules: false))
            let ubl = Payloads.ubl(number: "FA-UBL-1")
            let body = Array("--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n".utf8)
                + Array("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fa.xml\"\r\nContent-Type: application/xml\r\n\r\n".utf8)
                + ubl + Array("\r\n--XyZ--\r\n".utf8)
            let id: String = try await gateway.serve { api in
                let posted = try await api.call(.post, "/v1/invoices", key: tenant.admin, body: body,
                                                contentType: "multipart/form-data; boundary=XyZ")
                #expect(posted.status == 202, "\(posted.text)")
                #expect(posted.json["sourceFormat"].string == "ubl")
                return try #require(posted.json["id"].string)
            }
            try await gateway.drain()
            try await gateway.serve { api in
                let invoice = try await api.get("/v1/invoices/\(id)", key: tenant.admin)
                #expect(invoice.json["state"].string == "held", "\(invoice.json["findings"])")
                let original = try await api.get("/v1/invoices/\(id)/documents/original", key: tenant.admin)
                #expect(original.body == ubl)
                let document = try await api.get("/v1/invoices/\(id)/documents/ubl", key: tenant.admin)
                #expect(document.status == 200)
                #expect(document.text.contains("FA-UBL-1"))
            }
        }
    }

    @Test("the documented example (canonical JSON) is taken, checked and held; its original comes back as JSON", arguments: TestBackend.all)
    func jsonExample(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            let example = try Payloads.repositoryFile("openapi/examples/invoice.json")
            let invoice = try InvoiceJSON.decode(example)
            let id: String = try await gateway.serve { api in
                for line in invoice.lines {
                    let code = try #require(line.item.sellerIdentifier)
                    var product: [String: Any] = ["name": line.item.name, "unitCode": line.quantity?.unitCode ?? "C62",
                                                  "vatCategory": line.vat.categoryCode]
                    if let rate = line.vat.rate { product["vatRate"] = rate.description }
                    let reply = try await api.send(.put, "/v1/products/\(code)", key: tenant.admin, json: product)
                    #expect(reply.status == 201, "\(reply.text)")
                }
                let posted = try await api.call(.post, "/v1/invoices?validate=sync", key: tenant.admin, body: example,
                                                contentType: "application/json")
                #expect(posted.status == 202, "\(posted.text)")
                #expect(posted.json["sourceFormat"].string == "json")
                #expect(posted.json["state"].string == "checked")
                #expect(posted.json["number"].string == invoice.number)
                #expect(posted.json["totalWithVAT"].string == invoice.totals.taxInclusiveAmount?.description)

                var typo = try #require(JSON(parsing: example).value as? [String: Any])
                typo["isueDate"] = "2026-11-02"
                let refused = try await api.send(.post, "/v1/invoices", key: tenant.admin, json: typo)
                #expect(refused.status == 400)
                #expect(refused.json["detail"].string?.contains("isueDate") == true, "\(refused.text)")
                return try #require(posted.json["id"].string)
            }
            try await gateway.drain()
            try await gateway.serve { api in
                #expect(try await api.get("/v1/invoices/\(id)", key: tenant.admin).json["state"].string == "held")
                let original = try await api.get("/v1/invoices/\(id)/documents/original", key: tenant.admin)
                #expect(original.body == example)
                #expect(original.header("Content-Type") == "application/json")
            }
        }
    }

    @Test("a Factur-X PDF is read through its embedded XML; the PDF is kept as the original", arguments: [TestBackend.sqlite])
    func facturXUpload(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            let pdf = try FacturXWriter().create(invoice: Payloads.invoice(number: "FA-PDF-1"))
            let id: String = try await gateway.serve { api in
                let posted = try await api.call(.post, "/v1/invoices?validate=sync", key: tenant.admin, body: pdf,
                                                contentType: "application/pdf")
                #expect(posted.status == 202, "\(posted.text)")
                #expect(posted.json["sourceFormat"].string == "facturx")
                #expect(posted.json["number"].string == "FA-PDF-1")
                #expect(posted.json["state"].string == "checked")
                return try #require(posted.json["id"].string)
            }
            try await gateway.drain()
            try await gateway.serve { api in
                let original = try await api.get("/v1/invoices/\(id)/documents/original", key: tenant.admin)
                #expect(original.body == pdf)
                #expect(original.header("Content-Type") == "application/pdf")
                #expect(try await api.get("/v1/invoices/\(id)", key: tenant.admin).json["state"].string == "held")
            }
        }
    }
}
