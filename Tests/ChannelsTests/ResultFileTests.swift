@testable import Channels
import EInvoice
import Foundation
import Gateway
import GatewayStorage
import Testing

/// Status files (events since the persisted cursor) and payment files.
@Suite struct ResultFileTests {
    @Test func statusFilesCarryEachEventOnceFromThePersistedCursor() async throws {
        let inbox = try TempFolder()
        let outbox = try TempFolder()
        defer { inbox.remove(); outbox.remove() }
        try await withSQLiteStore { store in
            let pickup = try ChannelSamples.channel(folder: LocalChannelFolder(root: inbox.path), store: store,
                                                    acknowledgements: nil)
            try inbox.write("a.csv", ChannelSamples.csv(numbers: ["S1", "S2"]))
            try await pickup.scan()
            let status = StatusFileChannel(name: "status", tenant: ChannelSamples.tenant, state: store,
                                           outbox: LocalChannelFolder(root: outbox.path), format: .csv,
                                           interval: .seconds(1))
            let first = try await status.run()
            #expect(first.count == 1)
            let rows = ResultCSV(try String(contentsOfFile: outbox.file(first[0]), encoding: .utf8))
            #expect(rows.header == StatusFile.columns)
            #expect(rows.rows.map { $0["invoice"] } == ["S1", "S2"])
            #expect(rows.rows.allSatisfy { $0["type"] == "invoice.received" && $0["state"] == "received" })
            #expect(try await status.run().isEmpty)  // nothing new

            try inbox.write("b.csv", ChannelSamples.csv(numbers: ["S3"]))
            try await pickup.scan()
            // A new channel object (a restart, another node) goes on from the cursor in the store.
            let restarted = StatusFileChannel(name: "status", tenant: ChannelSamples.tenant, state: store,
                                              outbox: LocalChannelFolder(root: outbox.path), format: .xml,
                                              interval: .seconds(1))
            let second = try await restarted.run()
            #expect(second.count == 1)
            let xml = try String(contentsOfFile: outbox.file(second[0]), encoding: .utf8)
            #expect(xml.contains("invoice=\"S3\""))
            #expect(!xml.contains("invoice=\"S1\""))
            #expect(second[0].hasSuffix(".xml"))
            let cursor = try await store.channelCursor("status", tenant: ChannelSamples.tenant)
            #expect(cursor > 0)
        }
    }

    @Test func moreChangesThanARunTakesAreSplitIntoFullFiles() async throws {
        let inbox = try TempFolder()
        let outbox = try TempFolder()
        defer { inbox.remove(); outbox.remove() }
        try await withSQLiteStore { store in
            let pickup = try ChannelSamples.channel(folder: LocalChannelFolder(root: inbox.path), store: store,
                                                    acknowledgements: nil)
            try inbox.write("a.csv", ChannelSamples.csv(numbers: ["P1", "P2", "P3"]))
            try await pickup.scan()
            let status = StatusFileChannel(name: "status", tenant: ChannelSamples.tenant, state: store,
                                           outbox: LocalChannelFolder(root: outbox.path), format: .csv,
                                           interval: .seconds(1), maximumRows: 2)
            let written = try await status.run()
            #expect(written == ["status-000000000001-000000000002.csv", "status-000000000003-000000000003.csv"])
            let second = ResultCSV(try String(contentsOfFile: outbox.file(written[1]), encoding: .utf8))
            #expect(second.rows.map { $0["invoice"] } == ["P3"])
        }
    }

    @Test func twoNodesWritingTheSameChangesDeliverOneFile() async throws {
        let inbox = try TempFolder()
        let outbox = try TempFolder()
        defer { inbox.remove(); outbox.remove() }
        try await withSQLiteStore { store in
            let pickup = try ChannelSamples.channel(folder: LocalChannelFolder(root: inbox.path), store: store,
                                                    acknowledgements: nil)
            try inbox.write("a.csv", ChannelSamples.csv(numbers: ["N1"]))
            try await pickup.scan()
            // Node B read the same page before node A moved the cursor: same name, the second delivery is skipped.
            let page = try await store.statusChanges(tenant: ChannelSamples.tenant, after: 0, limit: 100)
            let name = try #require(StatusFile.name(for: page.changes, format: .csv))
            try outbox.write(name, StatusFile.render(page.changes, format: .csv))
            let node = StatusFileChannel(name: "status", tenant: ChannelSamples.tenant, state: store,
                                         outbox: LocalChannelFolder(root: outbox.path), format: .csv,
                                         interval: .seconds(1))
            #expect(try await node.run().isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path) == [name])
            #expect(try await store.channelCursor("status", tenant: ChannelSamples.tenant) == page.reached)
        }
    }

    @Test func paymentFileListsEachPaymentWithTheRemainingBalance() throws {
        let total = try ExactDecimal(parsing: "1200.00")
        var tracker = LifecycleTracker(invoiceTotal: total, currency: "EUR")
        let march = try #require(CalendarDate(text: "2026-03-10"))
        let april = try #require(CalendarDate(text: "2026-04-02"))
        tracker.receive(ReceivedStatus(
            messageID: "m-2", status: .paymentReceived, timestamp: try #require(LifecycleDateTime(date: april)),
            amounts: [StatusAmount(amount: try ExactDecimal(parsing: "700.00"))]))
        tracker.receive(ReceivedStatus(
            messageID: "m-1", status: .paymentReceived, timestamp: try #require(LifecycleDateTime(date: march)),
            amounts: [StatusAmount(amount: try ExactDecimal(parsing: "500.00"))]))
        let entries = PaymentFileEntry.entries(invoiceNumber: "FA-1", accountingReference: "=SUM(A1:A9)",
                                               ledger: tracker.payments)
        let rows = ResultCSV(String(decoding: PaymentFile.render(entries, format: .csv), as: UTF8.self))
        #expect(rows.header == PaymentFile.columns)
        #expect(rows.rows.map { $0["date"] } == ["2026-03-10", "2026-04-02"])
        #expect(rows.rows.map { $0["amount"] } == ["500.00", "700.00"])
        #expect(rows.rows.map { $0["remaining_balance"] } == ["700.00", "0.00"])
        #expect(rows.rows.map { $0["kind"] } == ["cashed", "cashed"])
        #expect(rows.rows.allSatisfy { $0["accounting_reference"] == "'=SUM(A1:A9)" })
        let xml = String(decoding: PaymentFile.render(entries, format: .xml), as: UTF8.self)
        #expect(xml.contains("remainingBalance=\"700.00\""))
        #expect(xml.contains("accountingReference=\"=SUM(A1:A9)\""))
    }

    @Test func csvCellsThatLookLikeFormulasAreNeutralisedAndXMLDropsControlCharacters() {
        var table = ResultTable(columns: ["a", "b", "c", "d", "e"])
        table.append(["=1+1", "+33 1", "-2", "@SUM(A1)", "plain"])
        let text = String(decoding: table.csv(), as: UTF8.self)
        #expect(text == "a;b;c;d;e\r\n'=1+1;'+33 1;'-2;'@SUM(A1);plain\r\n")
        var hostile = ResultTable(columns: ["reason"])
        hostile.append(["nul \u{0} and bell \u{7}"])
        let xml = String(decoding: hostile.xml(root: "R", rootAttributes: [], row: "Row", textColumn: "reason"),
                         as: UTF8.self)
        #expect(xml.contains("<Row>nul \u{FFFD} and bell \u{FFFD}</Row>"))
    }
}
