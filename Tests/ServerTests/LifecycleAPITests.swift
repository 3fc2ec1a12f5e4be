import EInvoice
import EInvoiceSyntax
import Foundation
import Gateway
import Testing

@testable import Server

/// Lifecycle statuses and payments through the API over real HTTP: posting them (JSON or CDAR), reading where an
/// invoice stands, the reconciliation feed and its CSV export.
@Suite("API: lifecycle statuses and reconciliation")
struct LifecycleAPITests {
    static let hundred = "100.00"

    static func cdar(_ invoice: Invoice, _ code: String, at time: String, reasons: [StatusReason] = [])
        throws -> [UInt8]
    {
        let moment = try #require(LifecycleDateTime(text: time))
        let party = CDARParty(globalID: "0042", globalIDScheme: "0238", name: "PA", role: "WK")
        let reference = CDARInvoiceReference(
            number: invoice.number, issueDate: try #require(invoice.issueDate),
            sellerSIREN: try #require(invoice.seller.legalRegistrationIdentifier?.value))
        return CDARWriter().write(CDARMessage(
            messageID: "CDV-\(code)-\(time)", issueDateTime: moment, sender: party,
            recipients: [CDARParty.siren("200000008", role: "BY")], invoice: reference,
            status: LifecycleStatus(code: code), statusDateTime: moment, reasons: reasons))
    }

    /// Posts the sample invoice `number` with an ERP reference; returns its id.
    static func postInvoice(_ api: APIClient, tenant: TestTenant, number: String, erpReference: String) async throws
        -> String
    {
        let posted = try await api.call(.post, "/v1/invoices", key: tenant.admin, body: Payloads.cii(number: number),
                                        contentType: "application/xml",
                                        headers: ["Passerelle-ERP-Reference": erpReference])
        #expect(posted.status == 202, "\(posted.text)")
        return try #require(posted.json["id"].string)
    }

    static func payment(_ code: String, _ time: String, _ amount: String) -> [String: Any] {
        ["code": code, "time": time, "amounts": [["amount": amount, "currency": "EUR"]]]
    }

    @Test("a CDAR and JSON statuses, a duplicate, partial then full payment: the invoice, its statuses and the feed",
          arguments: TestBackend.all)
    func statusesAndPayments(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            let invoice = Payloads.invoice(number: "FA-LC-API-1")
            let dueAmount = try #require(invoice.totals.amountDue)
            let partAmount = ExactDecimal(mantissa: 3_000, fractionDigits: 2)
            // Only strings cross the awaits below (see ExportExpectation).
            let (due, part, rest, zero) = (dueAmount.description, partAmount.description,
                                           (dueAmount - partAmount).description, (dueAmount - dueAmount).description)
            let number = invoice.number
            let message = try Self.cdar(invoice, "200", at: "20261102090000")
            try await gateway.serve { api in
                let id = try await Self.postInvoice(api, tenant: tenant, number: number,
                                                    erpReference: "ECR-2026-0042")
                let path = "/v1/invoices/\(id)/statuses"
                let submitted = try await api.call(.post, path, key: tenant.admin, body: message,
                                                   contentType: "application/xml")
                #expect(submitted.status == 201, "\(submitted.text)")
                #expect(submitted.json["outcome"].string == "applied")
                #expect(submitted.json["status"]["source"].string == "api")
                let approved = try await api.send(.post, path, key: tenant.admin,
                                                  json: ["code": "205", "time": "2026-11-04T08:00:00Z"])
                #expect(approved.status == 201, "\(approved.text)")
                #expect(approved.json["lifecycle"]["label"].string == "Approuvée")
                let again = try await api.send(.post, path, key: tenant.admin,
                                               json: ["code": "205", "time": "2026-11-04T08:00:00Z"])
                #expect(again.status == 200)
                #expect(again.json["outcome"].string == "duplicate")
                let older = try await api.send(.post, path, key: tenant.admin,
                                               json: ["code": "202", "time": "2026-11-02T10:00:00Z"])
                #expect(older.json["outcome"].string == "older")
                #expect(older.json["lifecycle"]["code"].string == "205")

                let partial = try await api.send(.post, path, key: tenant.admin,
                                                 json: Self.payment("212", "2026-11-20T09:00:00Z", part))
                #expect(partial.status == 201, "\(partial.text)")
                #expect(partial.json["payment"]["remainingBalance"].string == rest)
                #expect(partial.json["payments"]["fullyPaid"].bool == false)
                let full = try await api.send(.post, path, key: tenant.admin,
                                              json: Self.payment("212", "2026-11-25T09:00:00Z", rest))
                #expect(full.json["payment"]["fullyPaid"].bool == true)

                let read = try await api.get("/v1/invoices/\(id)", key: tenant.admin)
                #expect(read.json["lifecycle"]["code"].string == "212")
                #expect(read.json["lifecycle"]["label"].string == "Encaissée")
                #expect(read.json["lifecycle"]["time"].string == "2026-11-25T09:00:00Z")
                #expect(read.json["payments"]["paid"].string == due)
                #expect(read.json["payments"]["amountDue"].string == due)
                #expect(read.json["payments"]["remaining"].string == zero)
                #expect(read.json["payments"]["fullyPaid"].bool == true)
                #expect(read.header("ETag") == "\"\(read.json["version"].int ?? -1)\"")
                let listed = try await api.get("/v1/invoices", key: tenant.admin)
                #expect(listed.json["items"][0]["lifecycle"]["code"].string == "212")

                let statuses = try await api.get(path, key: tenant.admin)
                #expect(statuses.json["items"].array.compactMap { $0["code"].string } == ["200", "205", "202", "212", "212"])
                let link = try #require(statuses.json["items"][0]["document"].string)
                let document = try await api.get(link, key: tenant.admin)
                #expect(document.status == 200)
                #expect(document.body == message)
                let documents = try await api.get("/v1/invoices/\(id)/documents", key: tenant.admin)
                #expect(documents.json["items"].array.contains { $0["kind"].string == "cdar" && $0["link"].string == link })

                let first = try await api.get("/v1/reconciliation?limit=1", key: tenant.admin)
                #expect(first.json["items"].array.count == 1)
                #expect(first.json["hasMore"].bool == true)
                #expect(first.json["items"][0]["invoiceNumber"].string == number)
                #expect(first.json["items"][0]["erpReference"].string == "ECR-2026-0042")
                #expect(first.json["items"][0]["amount"].string == part)
                #expect(first.json["items"][0]["paymentDate"].string == "2026-11-20")
                let next = try #require(first.json["next"].string)
                let second = try await api.get("/v1/reconciliation?since=\(next)", key: tenant.admin)
                #expect(second.json["items"].array.count == 1)
                #expect(second.json["hasMore"].bool == false)
                #expect(second.json["items"][0]["remainingBalance"].string == zero)
                #expect(second.json["items"][0]["amount"].string == rest)

                let changes = try await api.get("/v1/changes?limit=100", key: tenant.admin)
                let entries = changes.json["items"].array.compactMap { $0["change"].string }
                #expect(entries.filter { $0.hasPrefix("status:") } == ["status:200", "status:205", "status:202", "status:212", "status:212"])
                #expect(entries.filter { $0.hasPrefix("payment:") } == ["payment:212", "payment:212"])
            }
        }
    }

    @Test("bad statuses are refused as problems with the field or the reason", arguments: TestBackend.all)
    func refusals(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            try await gateway.serve { api in
                let id = try await Self.postInvoice(api, tenant: tenant, number: "FA-LC-API-2", erpReference: "E-2")
                let path = "/v1/invoices/\(id)/statuses"
                let invalid = try await api.send(.post, path, key: tenant.admin, json: ["code": "2x5", "time": "yesterday"])
                #expect(invalid.status == 422)
                #expect(invalid.header("Content-Type") == "application/problem+json")
                #expect(Set(invalid.json["errors"].array.compactMap { $0["field"].string }) == ["code", "time"])
                let unknown = try await api.send(.post, path, key: tenant.admin,
                                                 json: ["code": "205", "time": "2026-11-04", "statut": "x"])
                #expect(unknown.status == 422)
                #expect(unknown.json["errors"][0]["field"].string == "statut")
                let other = Payloads.invoice(number: "FA-OTHER")
                let wrong = try await api.call(.post, path, key: tenant.admin,
                                               body: try Self.cdar(other, "205", at: "20261104080000"),
                                               contentType: "application/xml")
                #expect(wrong.status == 422)
                #expect(wrong.json["type"].string == "https://passerelle.dev/problems/wrong-invoice")
                let broken = try await api.call(.post, path, key: tenant.admin, body: Array("<rsm:Nope/>".utf8),
                                                contentType: "application/xml")
                #expect(broken.status == 422)
                #expect(broken.json["type"].string == "https://passerelle.dev/problems/unreadable-cdar")
                let missing = try await api.send(.post, "/v1/invoices/nope/statuses", key: tenant.admin,
                                                 json: ["code": "205", "time": "2026-11-04"])
                #expect(missing.status == 404)
                let statuses = try await api.get(path, key: tenant.admin)
                #expect(statuses.json["items"].array.isEmpty)
            }
        }
    }

    @Test("the CSV export neutralises formulas and keeps exact balances", arguments: TestBackend.all)
    func csvExport(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let tenant = try await gateway.makeTenant("acme")
            let invoice = Payloads.invoice(number: "FA-LC-CSV-1")
            let due = try #require(invoice.totals.amountDue)
            let third = ExactDecimal(mantissa: 3_333, fractionDigits: 2)
            // Only strings cross the awaits below: ExactDecimal (Int128) values kept in async frames crashed the
            // test process on this toolchain.
            let expected = ExportExpectation(
                payments: [third, third, due - third - third].map(\.description),
                remaining: [due - third, due - third - third, due - due].map(\.description),
                sent: Self.hundred)
            let number = invoice.number
            try await gateway.serve { api in
                try await Self.exportChecks(api, tenant: tenant, number: number, expected: expected)
            }
        }
        #expect(CSVText.cell("-12") == "'-12")
        #expect(CSVText.cell("+33 4") == "'+33 4")
        #expect(CSVText.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.cell("a;b") == "\"a;b\"")
        #expect(CSVText.cell("12.50") == "12.50")
    }

    /// The CSV test's calls and checks, in a function of its own (the test's closure stays small).
    struct ExportExpectation: Sendable {
        /// The three 212 amounts, as sent.
        var payments: [String]
        /// The balance after each.
        var remaining: [String]
        /// The 211 amount.
        var sent: String
    }

    static func exportChecks(_ api: APIClient, tenant: TestTenant, number: String, expected: ExportExpectation)
        async throws
    {
        let hostile = #"=HYPERLINK("http://evil.example";"x")"#
        let id = try await Self.postInvoice(api, tenant: tenant, number: number, erpReference: hostile)
        let path = "/v1/invoices/\(id)/statuses"
        for (day, amount) in zip(["10", "11", "12"], expected.payments) {
            let reply = try await api.send(.post, path, key: tenant.admin,
                                           json: Self.payment("212", "2026-11-\(day)T09:00:00Z", amount))
            #expect(reply.status == 201, "\(reply.text)")
        }
        _ = try await api.send(.post, path, key: tenant.admin,
                               json: Self.payment("211", "2026-12-01T09:00:00Z", expected.sent))
        let csv = try await api.get("/v1/reconciliation.csv?from=2026-11-01&to=2026-11-30", key: tenant.admin)
        #expect(csv.status == 200)
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 4, "\(csv.text)")
        let header = lines[0].components(separatedBy: ";")
        #expect(header == ReconciliationDTO.csvHeader)
        let column = { (name: String) in header.firstIndex(of: name) ?? -1 }
        #expect(lines[1].contains(#";"'=HYPERLINK(""http://evil.example"";""x"")";"#), "\(lines[1])")
        let rows = lines.dropFirst().map { $0.replacingOccurrences(of: #""'=HYPERLINK(""http://evil.example"";""x"")""#, with: "REF").components(separatedBy: ";") }
        #expect(rows.map { $0[column("amount")] } == expected.payments)
        #expect(rows.map { $0[column("remainingBalance")] } == expected.remaining)
        #expect(rows.map { $0[column("fullyPaid")] } == ["false", "false", "true"])
        #expect(rows.allSatisfy { $0[column("erpReference")] == "REF" && $0.count == header.count })
        #expect(!csv.text.contains(";=") && !csv.text.contains("\n="))

        let december = try await api.get("/v1/reconciliation.csv?from=2026-12-01", key: tenant.admin)
        #expect(december.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)
        let backwards = try await api.get("/v1/reconciliation.csv?from=2026-12-01&to=2026-11-01", key: tenant.admin)
        #expect(backwards.status == 400)
    }
}
