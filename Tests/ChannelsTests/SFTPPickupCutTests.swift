@testable import Channels
import Crypto
import Foundation
import Gateway
import GatewayStorage
import SFTP
import Testing

/// sshd killed (SIGKILL to the listener and its per-connection processes) in the middle of the download of a large
/// file, then started again: the pick-up resumes, and every invoice is stored exactly once. The server is this
/// test's own, so that killing it disturbs no other test.
@Suite(.enabled(if: SharedSSHServer.isAvailable, SharedSSHServer.skipReason))
struct SFTPPickupCutTests {
    /// Rows padded with an ignored 200 KB column: a large file that is cheap to import.
    static let mappingYAML = ChannelSamples.mappingYAML.replacingOccurrences(
        of: "fields:\n", with: "fields:\n  Pad: ignore\n")

    static func largeCSV(invoices: Int) -> [UInt8] {
        let padding = String(repeating: "p", count: 200_000)
        var text = "Num;Date;Client;Pays;Ligne;Article;Qte;Prix;TVA;Pad\n"
        for index in 0..<invoices {
            text += "C\(index);01/02/2026;Client \(index);FR;1;Vis;3;0,10;20;\(padding)\n"
            text += "C\(index);01/02/2026;Client \(index);FR;2;Écrou;7;2,50;20;\(padding)\n"
        }
        return Array(text.utf8)
    }

    @Test func sshdKilledMidDownloadLosesAndDoublesNothing() async throws {
        let server = try PrivateSSHServer.start()
        defer { try? server.script("stop") }
        let client = ReconnectingSFTPClient(
            settings: try server.settings(), backoff: SFTPBackoff(initial: .milliseconds(200), maximum: .seconds(1), attempts: 20))
        let inbox = server.root + "/in"
        let outbox = server.root + "/out"
        let count = 100
        let bytes = Self.largeCSV(invoices: count)  // about 40 MB
        try await client.withReconnect { sftp in
            try await sftp.mkdir(inbox)
            try await sftp.mkdir(outbox)
            _ = try await sftp.write(inbox + "/big.csv.tmp", bytes: bytes)
            try await sftp.rename(from: inbox + "/big.csv.tmp", to: inbox + "/big.csv")
        }
        let spool = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-cut-spool-\(UUID().uuidString.lowercased())").path
        defer { try? FileManager.default.removeItem(atPath: spool) }
        try await withSQLiteStore { store in
            let channel = PickupChannel(
                name: "cut", interval: .seconds(1),
                worker: PickupWorker(
                    folder: SFTPChannelFolder(client: client, root: inbox), completion: .stableFor(.zero),
                    fingerprints: StoreFingerprintRegistry(store: store, channel: "cut", tenant: ChannelSamples.tenant),
                    spool: spool),
                importer: FileImporter(mapping: try ERPMapping.load(yaml: Self.mappingYAML), actor: "channel:cut",
                                       store: store),
                acknowledgements: (folder: SFTPChannelFolder(client: client, root: outbox) as any ChannelFolder, format: .csv))
            // Watches the spool: once a few MB have arrived, kill sshd and start it again 800 ms later.
            let cutter = Task.detached { () -> Bool in
                for _ in 0..<6000 {
                    if Self.spooledBytes(spool) > 4 << 20 {
                        try server.script("kill")
                        try await Task.sleep(for: .milliseconds(800))
                        try server.script("restart")
                        return true
                    }
                    try await Task.sleep(for: .milliseconds(5))
                }
                return false
            }
            let outcomes = try await channel.scan()
            let cut = try await cutter.value
            #expect(cut, "the download ended before sshd could be killed")
            #expect(await client.connectionCount >= 2)
            #expect(outcomes.map(\.kind) == [.done])
            let stored = try await ChannelSamples.storedNumbers(store)
            #expect(stored.count == count)
            #expect(stored == (0..<count).map { "C\($0)" }.sorted())
            let report = try #require(outcomes.first?.result?.report)
            #expect(report.accepted == count)
            #expect(report.duplicates == 0)
            let done = try await client.withReconnect { sftp in try await sftp.readAll(inbox + "/done/big.csv", maxBytes: 1 << 27) }
            #expect(SHA256.hash(data: done) == SHA256.hash(data: bytes))
            let acks = try await client.withReconnect { sftp in try await sftp.list(outbox).map(\.name) }
            #expect(acks == ["big.csv.ack.csv"])
        }
        await client.close()
    }

    static func spooledBytes(_ spool: String) -> Int {
        guard let enumerator = FileManager.default.enumerator(atPath: spool) else { return 0 }
        var total = 0
        while let name = enumerator.nextObject() as? String {
            let path = (spool as NSString).appendingPathComponent(name)
            total += ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        }
        return total
    }
}
