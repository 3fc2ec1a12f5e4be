@testable import Channels
import Foundation
import Gateway
import GatewayStorage
import Testing

/// The pick-up channel of `passerelle serve` over a local folder, into a real SQLite store.
@Suite struct PickupChannelTests {
    @Test func aDroppedFileBecomesInvoicesWithTheirJobsAndAnAcknowledgement() async throws {
        let inbox = try TempFolder()
        let outbox = try TempFolder()
        defer { inbox.remove(); outbox.remove() }
        try await withSQLiteStore { store in
            let channel = try ChannelSamples.channel(
                folder: LocalChannelFolder(root: inbox.path), store: store,
                acknowledgements: LocalChannelFolder(root: outbox.path))
            try inbox.write("factures.csv", ChannelSamples.csv(numbers: ["F1", "F2", "F3"]))
            let outcomes = try await channel.scan()
            #expect(outcomes.map(\.kind) == [.done])
            #expect(try await ChannelSamples.storedNumbers(store) == ["F1", "F2", "F3"])
            #expect(try await ChannelSamples.queuedJobs(store) == 3)
            #expect(FileManager.default.fileExists(atPath: inbox.file("done/factures.csv")))
            #expect(!FileManager.default.fileExists(atPath: inbox.file("factures.csv")))

            let ack = ResultCSV(try String(contentsOfFile: outbox.file("factures.csv.ack.csv"), encoding: .utf8))
            #expect(ack.header == AcknowledgementFile.columns)
            #expect(ack.rows.map { $0["invoice"] } == ["F1", "F2", "F3"])
            #expect(ack.rows.map { $0["status"] } == ["accepted", "accepted", "accepted"])
            #expect(ack.rows.map { $0["first_line"] } == ["2", "4", "6"])
            #expect(ack.rows.allSatisfy { $0["source_file"] == "factures.csv" && $0["invoice_id"]?.isEmpty == false })
            // No temporary file is left in the outbox.
            #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path) == ["factures.csv.ack.csv"])
        }
    }

    @Test func aFileDroppedTwiceIsImportedOnce() async throws {
        let inbox = try TempFolder()
        let outbox = try TempFolder()
        defer { inbox.remove(); outbox.remove() }
        try await withSQLiteStore { store in
            let channel = try ChannelSamples.channel(
                folder: LocalChannelFolder(root: inbox.path), store: store,
                acknowledgements: LocalChannelFolder(root: outbox.path))
            let text = ChannelSamples.csv(numbers: ["D1", "D2"])
            try inbox.write("lot.csv", text)
            #expect(try await channel.scan().map(\.kind) == [.done])
            try inbox.write("lot.csv", text)
            // A second channel object (another node) shares the fingerprints through the store.
            let other = try ChannelSamples.channel(
                folder: LocalChannelFolder(root: inbox.path), store: store,
                acknowledgements: LocalChannelFolder(root: outbox.path))
            #expect(try await other.scan().map(\.kind) == [.duplicate])
            #expect(try await ChannelSamples.storedNumbers(store) == ["D1", "D2"])
            #expect(FileManager.default.fileExists(atPath: inbox.file("done/1-lot.csv.duplicate")))
            let second = ResultCSV(try String(contentsOfFile: outbox.file("1-lot.csv.ack.csv"), encoding: .utf8))
            #expect(second.rows.map { $0["status"] } == ["file-duplicate"])
            // The same name with other content is a new file.
            try inbox.write("lot.csv", ChannelSamples.csv(numbers: ["D3"]))
            #expect(try await channel.scan().map(\.kind) == [.done])
            #expect(try await ChannelSamples.storedNumbers(store) == ["D1", "D2", "D3"])
        }
    }

    @Test func hostileCSVGivesLocatedErrorsAndTheGoodInvoicesGoThrough() async throws {
        let inbox = try TempFolder()
        let outbox = try TempFolder()
        defer { inbox.remove(); outbox.remove() }
        try await withSQLiteStore { store in
            let channel = try ChannelSamples.channel(
                folder: LocalChannelFolder(root: inbox.path), store: store,
                acknowledgements: LocalChannelFolder(root: outbox.path))
            try inbox.write("hostile.csv", HostileCSV.bytes())
            let outcomes = try await channel.scan()
            #expect(outcomes.map(\.kind) == [.failed])
            try HostileCSV.check(
                stored: try await ChannelSamples.storedNumbers(store),
                errorReport: try String(contentsOfFile: inbox.file("error/hostile.csv.errors.csv"), encoding: .utf8),
                acknowledgement: try String(contentsOfFile: outbox.file("hostile.csv.ack.csv"), encoding: .utf8))
        }
    }

    @Test func unsafeNamesAreRefusedWithAClearErrorAndLeftInPlace() async throws {
        let inbox = try TempFolder()
        defer { inbox.remove() }
        try await withSQLiteStore { store in
            // A backslash is the one unsafe character a local file name can hold.
            try inbox.write("a\\..\\etc.csv", ChannelSamples.csv(numbers: ["X1"]))
            let channel = try ChannelSamples.channel(folder: LocalChannelFolder(root: inbox.path), store: store,
                                                     acknowledgements: nil)
            let outcomes = try await channel.scan()
            #expect(outcomes.map(\.kind) == [.refusedName])
            #expect(outcomes.first?.failure?.contains("refused name") == true)
            #expect(FileManager.default.fileExists(atPath: inbox.file("a\\..\\etc.csv")))
            #expect(try await ChannelSamples.storedNumbers(store).isEmpty)
            #expect(try await channel.scan().isEmpty)  // reported once
        }
    }

    @Test func allOrNothingRefusesTheWholeFileInTheAcknowledgement() async throws {
        let inbox = try TempFolder()
        let outbox = try TempFolder()
        defer { inbox.remove(); outbox.remove() }
        try await withSQLiteStore { store in
            var mapping = try ChannelSamples.mapping
            mapping.policy = .allOrNothing
            let channel = try ChannelSamples.channel(
                folder: LocalChannelFolder(root: inbox.path), store: store,
                acknowledgements: LocalChannelFolder(root: outbox.path), format: .xml, mapping: mapping)
            try inbox.write("tout.csv", ChannelSamples.csv(numbers: ["T1"]) + "T2;01/02/2026;Client;FR;1;Vis;x;1;20\n")
            #expect(try await channel.scan().map(\.kind) == [.failed])
            #expect(try await ChannelSamples.storedNumbers(store).isEmpty)
            let xml = try String(contentsOfFile: outbox.file("tout.csv.ack.xml"), encoding: .utf8)
            #expect(xml.contains("<Acknowledgement sourceFile=\"tout.csv\""))
            #expect(xml.contains("invoice=\"T2\""))
            #expect(xml.contains("status=\"rejected\""))
            #expect(xml.contains("firstLine=\"4\""))
            #expect(!xml.contains("status=\"accepted\""))
        }
    }
}

/// A CSV with broken quoting, a byte that is not UTF-8, a 10 MB line and formula cells between good invoices.
enum HostileCSV {
    static func bytes() -> [UInt8] {
        var bytes = Array(ChannelSamples.csv(numbers: ["G1"]).utf8)                            // lines 2-3
        bytes += Array("B1;01/02/2026;\"Client \"cassé\" ;FR;1;Vis;1;1;20\n".utf8)              // line 4: quoting
        bytes += Array(ChannelSamples.csv(numbers: ["G2"]).utf8.dropFirst(CSVInvoiceSourceTests.header.utf8.count))
        bytes += Array("E1;01/02/2026;Client ".utf8) + [0xE9] + Array(";FR;1;Vis;1;1;20\n".utf8)  // line 7: not UTF-8
        bytes += Array("L1;01/02/2026;".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
            + Array(";FR;1;Vis;1;1;20\n".utf8)                                                   // line 8: 10 MB
        bytes += Array("=cmd|' /C calc'!A0;01/02/2026;Client;FR;1;Vis;abc;1;20\n".utf8)        // line 9: formula
        bytes += Array(ChannelSamples.csv(numbers: ["G3"]).utf8.dropFirst(CSVInvoiceSourceTests.header.utf8.count))
        return bytes
    }

    static func check(stored: [String], errorReport: String, acknowledgement: String) throws {
        #expect(stored == ["G1", "G2", "G3"])
        let errors = ResultCSV(errorReport)
        let lines = Set(errors.rows.compactMap { $0["line"] })
        #expect(lines.isSuperset(of: ["4", "7", "8", "9"]), "\(errors.rows)")
        // The formula never reaches a cell as a formula.
        for row in errors.rows {
            for cell in row.values { #expect(!cell.hasPrefix("="), "\(cell)") }
        }
        #expect(errors.rows.contains { $0["invoice"] == "'=cmd|' /C calc'!A0" })
        let ack = ResultCSV(acknowledgement)
        #expect(ack.rows.filter { $0["status"] == "accepted" }.compactMap { $0["invoice"] } == ["G1", "G2", "G3"])
        #expect(ack.rows.filter { $0["status"] == "rejected" }.count >= 3)
        for row in ack.rows {
            for cell in row.values { #expect(!cell.hasPrefix("="), "\(cell)") }
        }
        #expect(ack.rows.contains { $0["reason"]?.contains("line 8") == true })
        #expect(ack.rows.contains { $0["reason"]?.contains("line 7") == true })
    }
}
