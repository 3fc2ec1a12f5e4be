@testable import Channels
import Crypto
import Foundation
import Gateway
import GatewayStorage
import SFTP
import Testing

/// Result files go through the store's outbox: a crash at any step of a delivery, a restart, or an SFTP cut never
/// loses a file nor writes it twice.
@Suite struct ResultFileRetryTests {
    static func outbox(_ store: SQLGatewayStore, _ folder: any ChannelFolder, holder: String = UUID().uuidString)
        -> ResultFileOutbox
    {
        // A fresh holder is a restarted process; a zero lease lets it take over at once.
        ResultFileOutbox(channel: "acks", tenant: ChannelSamples.tenant, state: store, folder: folder,
                         holder: holder, lease: .zero)
    }

    static func names(_ folder: TempFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func aCrashAtAnyStepOfADeliveryEndsWithTheFileWrittenExactlyOnce() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try await withSQLiteStore { store in
            let local = LocalChannelFolder(root: folder.path)
            let before = Self.outbox(store, local)
            let content = Array("a;b\r\n1;2\r\n".utf8)

            // 1. Crashed in the middle of writing the temporary copy: a partial copy, not recorded as written.
            try await before.queue(content, name: "one.csv")
            var queued = try await store.queuedResultFiles(channel: "acks", tenant: ChannelSamples.tenant, limit: 10)
            try await local.write(before.temporaryName(try #require(queued.first)), bytes: Array(content.prefix(3)))
            #expect(try await Self.outbox(store, local).deliverQueued() == ["one.csv"])
            #expect(try Array(Data(contentsOf: URL(fileURLWithPath: folder.file("one.csv")))) == content)

            // 2. Crashed after the copy was recorded as written, before the rename.
            try await before.queue(content, name: "two.csv")
            queued = try await store.queuedResultFiles(channel: "acks", tenant: ChannelSamples.tenant, limit: 10)
            let two = try #require(queued.first)
            try await local.write(before.temporaryName(two), bytes: content)
            try await store.markResultFileWritten(two.id)
            #expect(try await Self.outbox(store, local).deliverQueued() == ["two.csv"])

            // 3. Crashed after the rename, before the store forgot the file: it is not written again.
            try await before.queue(content, name: "three.csv")
            queued = try await store.queuedResultFiles(channel: "acks", tenant: ChannelSamples.tenant, limit: 10)
            let three = try #require(queued.first)
            try await local.write(before.temporaryName(three), bytes: content)
            try await store.markResultFileWritten(three.id)
            #expect(try await local.move(before.temporaryName(three), to: "three.csv") == .moved)
            #expect(try await Self.outbox(store, local).deliverQueued().isEmpty)

            #expect(try Self.names(folder) == ["one.csv", "three.csv", "two.csv"])
            #expect(try await store.queuedResultFiles(channel: "acks", tenant: ChannelSamples.tenant, limit: 10)
                .isEmpty)
        }
    }

    @Test func aLeaseKeepsAnotherNodeOffAFileBeingDelivered() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try await withSQLiteStore { store in
            let local = LocalChannelFolder(root: folder.path)
            let nodeA = ResultFileOutbox(channel: "acks", tenant: ChannelSamples.tenant, state: store, folder: local,
                                         holder: "node-a", lease: .seconds(600))
            let nodeB = ResultFileOutbox(channel: "acks", tenant: ChannelSamples.tenant, state: store, folder: local,
                                         holder: "node-b", lease: .seconds(600))
            try await nodeA.queue(Array("x".utf8), name: "x.csv")
            let file = try #require(try await store.queuedResultFiles(channel: "acks", tenant: ChannelSamples.tenant,
                                                                      limit: 1).first)
            let now = Date()
            #expect(try await store.leaseResultFile(file.id, holder: "node-a", now: now,
                                                     until: now.addingTimeInterval(600)))
            #expect(try await nodeB.deliverQueued().isEmpty)
            #expect(try Self.names(folder).isEmpty)
            #expect(try await nodeA.deliverQueued() == ["x.csv"])
        }
    }

    @Test func acknowledgementsSurviveARestartWhileTheOutboxIsUnreachable() async throws {
        let inbox = try TempFolder()
        let unreachable = try TempFolder()
        let outbox = try TempFolder()
        defer { inbox.remove(); unreachable.remove(); outbox.remove() }
        try await withSQLiteStore { store in
            // The acknowledgement folder's parent is a file: every write there fails.
            let blocked = unreachable.file("not-a-folder")
            try unreachable.write("not-a-folder", "x")
            func channel(_ acks: String) throws -> PickupChannel {
                let spool = FileManager.default.temporaryDirectory
                    .appendingPathComponent("passerelle-spool-\(UUID().uuidString.lowercased())").path
                return PickupChannel(
                    name: "erp", interval: .milliseconds(100),
                    worker: PickupWorker(
                        folder: LocalChannelFolder(root: inbox.path), completion: .stableFor(.zero),
                        fingerprints: StoreFingerprintRegistry(store: store, channel: "erp",
                                                               tenant: ChannelSamples.tenant),
                        spool: spool),
                    importer: FileImporter(mapping: try ChannelSamples.mapping, actor: "channel:erp", store: store),
                    acknowledgements: (folder: LocalChannelFolder(root: acks), format: .csv),
                    state: store, tenant: ChannelSamples.tenant, lease: .zero)
            }
            try inbox.write("a.csv", ChannelSamples.csv(numbers: ["R1", "R2"]))
            await #expect(throws: (any Error).self) { try await channel(blocked + "/acks").scan() }
            #expect(try await ChannelSamples.storedNumbers(store) == ["R1", "R2"])
            #expect(FileManager.default.fileExists(atPath: inbox.file("done/a.csv")))

            // The process restarts with a working folder: the acknowledgement is written, once.
            let restarted = try channel(outbox.path)
            #expect(try await restarted.scan().isEmpty)
            #expect(try Self.names(outbox) == ["a.csv.ack.csv"])
            let rows = ResultCSV(try String(contentsOfFile: outbox.file("a.csv.ack.csv"), encoding: .utf8))
            #expect(rows.rows.map { $0["invoice"] } == ["R1", "R2"])
            #expect(rows.rows.allSatisfy { $0["status"] == "accepted" })
            #expect(try await restarted.scan().isEmpty)
            #expect(try await channel(outbox.path).scan().isEmpty)
            #expect(try Self.names(outbox) == ["a.csv.ack.csv"])
        }
    }
}

/// The same over the real OpenSSH server, killed in the middle of writing a result file and started again.
@Suite(.enabled(if: SharedSSHServer.isAvailable, SharedSSHServer.skipReason))
struct ResultFileRetrySFTPTests {
    @Test func sshdKilledDuringTheWriteOfAResultFileDeliversItExactlyOnce() async throws {
        let server = try PrivateSSHServer.start()
        defer { try? server.script("stop") }
        // One attempt per operation: the cut surfaces as an error, and the retry is the outbox's.
        let client = ReconnectingSFTPClient(
            settings: try server.settings(),
            backoff: SFTPBackoff(initial: .milliseconds(100), maximum: .milliseconds(100), attempts: 1))
        let remote = server.root + "/out"
        // Setting up and finishing use clients with the usual reconnection (a loaded machine may be slow to shake
        // hands); only the cut delivery runs with a single attempt.
        try await ReconnectingSFTPClient(settings: try server.settings()).withReconnect { sftp in
            try await sftp.mkdir(remote)
        }
        var bytes = [UInt8](repeating: 0, count: 48 << 20)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 31 &+ index >> 13) }
        let content = bytes
        try await withSQLiteStore { store in
            let folder = SFTPChannelFolder(client: client, root: remote)
            let outbox = ResultFileRetryTests.outbox(store, folder)
            try await outbox.queue(content, name: "big.csv")
            let file = try #require(try await store.queuedResultFiles(channel: "acks", tenant: ChannelSamples.tenant,
                                                                      limit: 1).first)
            let temporary = remote + "/" + outbox.temporaryName(file)
            let cutter = Task.detached { () -> Bool in
                for _ in 0..<6000 {
                    let size = ((try? FileManager.default.attributesOfItem(atPath: temporary))?[.size] as? NSNumber)?
                        .intValue ?? 0
                    if size > 4 << 20 {
                        try server.script("kill")
                        return true
                    }
                    try await Task.sleep(for: .milliseconds(2))
                }
                return false
            }
            let firstAttempt: [String]? = try? await outbox.deliverQueued()
            let cut = try await cutter.value
            #expect(cut, "the write ended before sshd could be killed")
            #expect(firstAttempt == nil)
            let partial = ((try? FileManager.default.attributesOfItem(atPath: temporary))?[.size] as? NSNumber)?
                .intValue ?? 0
            #expect(partial < content.count)
            #expect(try FileManager.default.contentsOfDirectory(atPath: remote).allSatisfy { $0.hasPrefix(".") })

            try server.script("restart")
            // A restarted process (another holder, its own client) finishes the delivery; one more run writes
            // nothing.
            let restarted = SFTPChannelFolder(client: ReconnectingSFTPClient(settings: try server.settings()),
                                              root: remote)
            #expect(try await ResultFileRetryTests.outbox(store, restarted).deliverQueued() == ["big.csv"])
            #expect(try await ResultFileRetryTests.outbox(store, restarted).deliverQueued().isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: remote) == ["big.csv"])
            let written = try Data(contentsOf: URL(fileURLWithPath: remote + "/big.csv"))
            #expect(SHA256.hash(data: written) == SHA256.hash(data: content))
        }
        await client.close()
    }
}
