@testable import Channels
import EInvoice
import EInvoiceSyntax
import Foundation
import Gateway
import GatewayStorage
import Testing

/// Status files (events since the persisted cursor).
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

    @Test func twoNodesRunningTogetherWriteEachChangeOnce() async throws {
        let inbox = try TempFolder()
        let outbox = try TempFolder()
        defer { inbox.remove(); outbox.remove() }
        try await withSQLiteStore { store in
            let pickup = try ChannelSamples.channel(folder: LocalChannelFolder(root: inbox.path), store: store,
                                                    acknowledgements: nil)
            for round in 0..<3 {
                try inbox.write("a\(round).csv", ChannelSamples.csv(numbers: ["N\(round)A", "N\(round)B"]))
                try await pickup.scan()
                // Two nodes read the same page: the cursor moves with the queued file in one transaction, so only
                // one of them queues it.
                let nodes = (0..<2).map { _ in
                    StatusFileChannel(name: "status", tenant: ChannelSamples.tenant, state: store,
                                      outbox: LocalChannelFolder(root: outbox.path), format: .csv,
                                      interval: .seconds(1), maximumRows: 1)
                }
                async let a = nodes[0].run()
                async let b = nodes[1].run()
                _ = try await (a, b)
            }
            var events: [String] = []
            for name in try FileManager.default.contentsOfDirectory(atPath: outbox.path) {
                #expect(!name.hasPrefix("."), "temporary file left: \(name)")
                events += ResultCSV(try String(contentsOfFile: outbox.file(name), encoding: .utf8)).rows
                    .compactMap { $0["event"] }
            }
            #expect(events.count == 6)
            #expect(Set(events).count == 6)
        }
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

    @Test func anXMLResultFileIsWellFormedWithOneDeclaration() throws {
        var table = ResultTable(columns: ["invoice", "status", "reason"])
        table.append(["F-1", "accepted", ""])
        table.append(["F-2", "rejected", "BR-CO-10 & <total>"])
        let bytes = table.xml(root: "Acknowledgement", rootAttributes: [("file", "a.csv")], row: "Invoice",
                              textColumn: "reason")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "<?xml").count == 2, "one XML declaration: \(text)")
        let tree = try SafeXMLParser().parse(bytes)
        #expect(tree.elements.count == 3)
    }
}
