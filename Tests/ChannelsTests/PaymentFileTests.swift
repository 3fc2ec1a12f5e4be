@testable import Channels
import EInvoice
import Foundation
import Gateway
import GatewayStorage
import Testing

/// Payment files for lettering: each payment of the payments table written once, from the channel's cursor in the
/// store, across restarts and nodes.
@Suite struct PaymentFileTests {
    /// Imports invoices through a pick-up and records payments for them in the store's payments table, with the
    /// ERP's reference and the platform of each invoice.
    struct Bench {
        let store: SQLGatewayStore
        var ids: [String: InvoiceID] = [:]
        var nextSequence: Int64 = 100

        init(store: SQLGatewayStore, numbers: [String]) async throws {
            self.store = store
            let inbox = try TempFolder()
            defer { inbox.remove() }
            let pickup = try ChannelSamples.channel(folder: LocalChannelFolder(root: inbox.path), store: store,
                                                    acknowledgements: nil)
            try inbox.write("a.csv", ChannelSamples.csv(numbers: numbers))
            try await pickup.scan()
            let records = try await store.read { transaction in
                try await transaction.invoices(tenant: ChannelSamples.tenant, filter: InvoiceFilter(), after: nil,
                                               limit: 100)
            }
            for record in records { ids[record.documentKey.number] = record.id }
        }

        /// Records a payment of `amount` (of `due`) for invoice `number`.
        mutating func pay(_ number: String, amount: String, due: String, kind: PaymentRecord.Kind = .cashed,
                          reference: String? = nil, platform: String? = nil) async throws {
            let id = try #require(ids[number])
            let paid = try ExactDecimal(parsing: amount)
            let dueAmount = try ExactDecimal(parsing: due)
            let day = try #require(CalendarDate(text: "2026-03-10"))
            let date = try #require(LifecycleDateTime(date: day))
            nextSequence += 1
            let payment = RecordedPayment(
                tenant: ChannelSamples.tenant, invoiceID: id, statusID: "st-\(nextSequence)", kind: kind, amount: paid,
                currency: "EUR", date: date, amountDue: dueAmount, remainingAfter: dueAmount - paid,
                exceedsBalance: paid > dueAmount, feedSequence: nextSequence, recordedAt: Date())
            try await store.transaction { transaction in
                try await transaction.insertPayment(payment)
                if let reference { try await transaction.putERPReference(invoice: id, tenant: payment.tenant,
                                                                         reference: reference) }
                if let platform {
                    try await transaction.recordPlatformSubmission(tenant: payment.tenant, invoice: id,
                                                                   platform: platform, flowID: "flow-\(id.rawValue)",
                                                                   at: Date())
                }
            }
        }
    }

    static func channel(_ store: SQLGatewayStore, _ outbox: TempFolder, format: ResultFileFormat = .csv,
                        maximumRows: Int = 10_000) -> PaymentFileChannel {
        PaymentFileChannel(name: "paiements", tenant: ChannelSamples.tenant, state: store,
                           outbox: LocalChannelFolder(root: outbox.path), format: format, interval: .seconds(1),
                           maximumRows: maximumRows)
    }

    @Test func eachPaymentIsWrittenOnceWithItsInvoiceFactsAcrossRestarts() async throws {
        let outbox = try TempFolder()
        defer { outbox.remove() }
        try await withSQLiteStore { store in
            var bench = try await Bench(store: store, numbers: ["PA1", "PA2"])
            try await bench.pay("PA1", amount: "100.00", due: "250.00", reference: "=HYPERLINK(\"x\")",
                                platform: "pa-alpha")
            try await bench.pay("PA2", amount: "40.50", due: "40.50", kind: .sent)
            let first = try await Self.channel(store, outbox).run()
            #expect(first == ["payments-000000000101-000000000102.csv"])
            let rows = ResultCSV(try String(contentsOfFile: outbox.file(first[0]), encoding: .utf8))
            #expect(rows.header == PaymentFile.columns)
            #expect(rows.rows.map { $0["invoice"] } == ["PA1", "PA2"])
            #expect(rows.rows.map { $0["amount_paid"] } == ["100.00", "40.50"])
            #expect(rows.rows.map { $0["remaining_balance"] } == ["150.00", "0.00"])
            #expect(rows.rows.map { $0["status_code"] } == ["212", "211"])
            #expect(rows.rows.map { $0["payment_date"] } == ["2026-03-10", "2026-03-10"])
            #expect(rows.rows.map { $0["issue_date"] } == ["2026-02-01", "2026-02-01"])
            #expect(rows.rows.map { $0["currency"] } == ["EUR", "EUR"])
            #expect(rows.rows.map { $0["platform"] } == ["pa-alpha", ""])
            // The ERP's reference is neutralised: a spreadsheet must not run it.
            #expect(rows.rows.first?["accounting_reference"] == "'=HYPERLINK(\"x\")")
            #expect(try await Self.channel(store, outbox).run().isEmpty)

            // A restart (a new channel object) goes on after the last payment written, in XML this time.
            try await bench.pay("PA1", amount: "150.00", due: "250.00")
            let second = try await Self.channel(store, outbox, format: .xml).run()
            #expect(second == ["payments-000000000103-000000000103.xml"])
            let xml = try String(contentsOfFile: outbox.file(second[0]), encoding: .utf8)
            #expect(xml.contains("<Payment sequence=\"103\" invoice=\"PA1\""))
            #expect(xml.contains("remainingBalance=\"100.00\""))
            #expect(!xml.contains("sequence=\"101\""))
            #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted()
                == (first + second).sorted())
        }
    }

    @Test func twoNodesRunningTogetherWriteEachPaymentOnce() async throws {
        let outbox = try TempFolder()
        defer { outbox.remove() }
        try await withSQLiteStore { store in
            var bench = try await Bench(store: store, numbers: ["N1", "N2", "N3"])
            for round in 0..<4 {
                for number in ["N1", "N2", "N3"] {
                    try await bench.pay(number, amount: "\(round + 1).00", due: "100.00")
                }
                let nodeA = PaymentFileChannel(
                    name: "paiements", tenant: ChannelSamples.tenant, state: store,
                    outbox: LocalChannelFolder(root: outbox.path), format: .csv, interval: .seconds(1), maximumRows: 2)
                let nodeB = PaymentFileChannel(
                    name: "paiements", tenant: ChannelSamples.tenant, state: store,
                    outbox: LocalChannelFolder(root: outbox.path), format: .csv, interval: .seconds(1), maximumRows: 2)
                async let a = nodeA.run()
                async let b = nodeB.run()
                _ = try await (a, b)
            }
            var sequences: [String] = []
            for name in try FileManager.default.contentsOfDirectory(atPath: outbox.path) {
                #expect(!name.hasPrefix("."), "temporary file left: \(name)")
                let rows = ResultCSV(try String(contentsOfFile: outbox.file(name), encoding: .utf8))
                sequences += rows.rows.compactMap { $0["sequence"] }
            }
            #expect(sequences.sorted() == (101...112).map(String.init))
        }
    }

    @Test func paymentsChannelIsReadFromTheChannelsFile() throws {
        let configuration = try ChannelsConfiguration.load(yaml: """
            payments:
              - name: lettrage
                folder: /srv/erp/paiements
                format: xml
                every: 5m
            """, relativeTo: "/etc/passerelle")
        let payments = try #require(configuration.paymentFiles.first)
        #expect(payments.name == "lettrage")
        #expect(payments.destination.format == .xml)
        #expect(payments.interval == .seconds(300))
        #expect(payments.destination.location == .local("/srv/erp/paiements"))
        #expect(!configuration.isEmpty)
        #expect(throws: ChannelsConfigurationError.self) {
            try ChannelsConfiguration.load(yaml: "payments:\n  - name: x\n    folder: /a\n    format: json\n",
                                           relativeTo: "/")
        }
    }
}
