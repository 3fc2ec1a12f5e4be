@testable import Channels
import Crypto
import Foundation
import Gateway
import GatewayStorage
import SFTP
import Testing

/// The pick-up channel against a real OpenSSH server.
@Suite("pick-up over SFTP against a real OpenSSH server", .serialized,
       .enabled(if: SharedSSHServer.isAvailable, SharedSSHServer.skipReason))
struct SFTPPickupTests {
    /// A fresh inbox and outbox on the shared server.
    struct RemoteFolders {
        let client: ReconnectingSFTPClient
        let inbox: String
        let outbox: String

        static func make(_ label: String, settings: SFTPConnectionSettings, root: String) async throws -> RemoteFolders {
            let client = ReconnectingSFTPClient(settings: settings,
                                                backoff: SFTPBackoff(initial: .milliseconds(200), maximum: .seconds(1), attempts: 15))
            let base = "\(root)/\(label)-\(UUID().uuidString.prefix(8))"
            try await client.withReconnect { sftp in
                try await sftp.mkdir(base)
                try await sftp.mkdir(base + "/in")
                try await sftp.mkdir(base + "/out")
            }
            return RemoteFolders(client: client, inbox: base + "/in", outbox: base + "/out")
        }

        var inboxFolder: SFTPChannelFolder { SFTPChannelFolder(client: client, root: inbox) }
        var outboxFolder: SFTPChannelFolder { SFTPChannelFolder(client: client, root: outbox) }

        func put(_ name: String, _ bytes: [UInt8], in folder: String? = nil) async throws {
            let path = "\(folder ?? inbox)/\(name)"
            _ = try await client.withReconnect { sftp in try await sftp.write(path, bytes: bytes) }
        }

        func names(_ folder: String) async throws -> [String] {
            try await client.withReconnect { sftp in try await sftp.list(folder).map(\.name) }.sorted()
        }

        func text(_ path: String) async throws -> String {
            String(decoding: try await client.withReconnect { sftp in try await sftp.readAll(path, maxBytes: 1 << 26) },
                   as: UTF8.self)
        }
    }

    @Test func pickUpStoresTheInvoicesAndTheAcknowledgementAppearsInTheOutbox() async throws {
        let remote = try await RemoteFolders.make("pickup", settings: try SharedSSHServer.settings(),
                                                  root: SharedSSHServer.root)
        defer { Task { await remote.client.close() } }
        try await withSQLiteStore { store in
            let channel = try ChannelSamples.channel(folder: remote.inboxFolder, store: store,
                                                     acknowledgements: remote.outboxFolder)
            try await remote.put("factures.csv", Array(ChannelSamples.csv(numbers: ["R1", "R2"]).utf8))
            let outcomes = try await channel.scan()
            #expect(outcomes.map(\.kind) == [.done])
            #expect(try await ChannelSamples.storedNumbers(store) == ["R1", "R2"])
            #expect(try await ChannelSamples.queuedJobs(store) == 2)
            #expect(try await remote.names(remote.inbox) == ["done", "error", "processing"])
            #expect(try await remote.names(remote.inbox + "/done") == ["factures.csv"])
            #expect(try await remote.names(remote.inbox + "/processing").isEmpty)
            #expect(try await remote.names(remote.outbox) == ["factures.csv.ack.csv"])
            let ack = ResultCSV(try await remote.text(remote.outbox + "/factures.csv.ack.csv"))
            #expect(ack.rows.map { $0["invoice"] } == ["R1", "R2"])
            #expect(ack.rows.map { $0["status"] } == ["accepted", "accepted"])
        }
    }

    @Test func aFileDroppedTwiceIsImportedOnce() async throws {
        let remote = try await RemoteFolders.make("twice", settings: try SharedSSHServer.settings(),
                                                  root: SharedSSHServer.root)
        defer { Task { await remote.client.close() } }
        try await withSQLiteStore { store in
            let channel = try ChannelSamples.channel(folder: remote.inboxFolder, store: store,
                                                     acknowledgements: remote.outboxFolder)
            let bytes = Array(ChannelSamples.csv(numbers: ["W1"]).utf8)
            try await remote.put("w.csv", bytes)
            #expect(try await channel.scan().map(\.kind) == [.done])
            try await remote.put("w.csv", bytes)
            #expect(try await channel.scan().map(\.kind) == [.duplicate])
            #expect(try await ChannelSamples.storedNumbers(store) == ["W1"])
            #expect(try await remote.names(remote.inbox + "/done") == ["1-w.csv", "1-w.csv.duplicate", "w.csv"])
            let second = ResultCSV(try await remote.text(remote.outbox + "/1-w.csv.ack.csv"))
            #expect(second.rows.map { $0["status"] } == ["file-duplicate"])
        }
    }

    @Test func aHalfWrittenFileIsNotTakenUntilComplete() async throws {
        let remote = try await RemoteFolders.make("half", settings: try SharedSSHServer.settings(),
                                                  root: SharedSSHServer.root)
        defer { Task { await remote.client.close() } }
        try await withSQLiteStore { store in
            let quiet = try ChannelSamples.channel(folder: remote.inboxFolder, store: store, acknowledgements: nil,
                                                   completion: .stableFor(.milliseconds(1500)))
            let whole = Array(ChannelSamples.csv(numbers: ["H1", "H2", "H3"]).utf8)
            let half = whole.count / 2
            try await remote.put("h.csv", Array(whole[..<half]))
            #expect(try await quiet.scan().isEmpty)  // first sight
            try await Task.sleep(for: .milliseconds(300))
            try await remote.client.withReconnect { sftp in
                _ = try await sftp.write(remote.inbox + "/h.csv", bytes: Array(whole[half...]), mode: .resume(at: UInt64(half)))
            }
            #expect(try await quiet.scan().isEmpty)  // grew: watched again
            #expect(try await remote.names(remote.inbox).contains("h.csv"))
            #expect(try await ChannelSamples.storedNumbers(store).isEmpty)
            try await Task.sleep(for: .milliseconds(1700))
            #expect(try await quiet.scan().map(\.kind) == [.done])
            #expect(try await ChannelSamples.storedNumbers(store) == ["H1", "H2", "H3"])

            // With a .done companion: nothing until the companion is there.
            let marked = try ChannelSamples.channel(name: "marked", folder: remote.inboxFolder, store: store,
                                                    acknowledgements: nil, completion: .doneMarker)
            try await remote.put("m.csv", Array(ChannelSamples.csv(numbers: ["M1"]).utf8))
            #expect(try await marked.scan().isEmpty)
            try await remote.put("m.csv.done", [])
            #expect(try await marked.scan().map(\.kind) == [.done])
            #expect(try await remote.names(remote.inbox + "/done").contains("m.csv.done"))
        }
    }

    @Test func twoWorkersOnTwoConnectionsTakeEachFileExactlyOnce() async throws {
        let remote = try await RemoteFolders.make("two", settings: try SharedSSHServer.settings(),
                                                  root: SharedSSHServer.root)
        let otherClient = ReconnectingSFTPClient(settings: try SharedSSHServer.settings())
        defer { Task { await remote.client.close(); await otherClient.close() } }
        let count = 24
        try await withSQLiteStore { store in
            for index in 0..<count {
                try await remote.put("f\(index).csv", Array(ChannelSamples.csv(numbers: ["N\(index)"]).utf8))
            }
            let first = try ChannelSamples.channel(folder: remote.inboxFolder, store: store,
                                                   acknowledgements: remote.outboxFolder)
            let second = try ChannelSamples.channel(folder: SFTPChannelFolder(client: otherClient, root: remote.inbox),
                                                    store: store,
                                                    acknowledgements: SFTPChannelFolder(client: otherClient, root: remote.outbox))
            var taken: [String] = []
            for _ in 0..<5 {
                async let a = first.scan()
                async let b = second.scan()
                let (one, two) = try await (a, b)
                taken += (one + two).map { "\($0.name):\($0.kind)" }
            }
            #expect(taken.count == count, "\(taken)")
            #expect(Set(taken) == Set((0..<count).map { "f\($0).csv:done" }))
            #expect(try await ChannelSamples.storedNumbers(store) == (0..<count).map { "N\($0)" }.sorted())
            #expect(try await remote.names(remote.inbox + "/done") == (0..<count).map { "f\($0).csv" }.sorted())
            #expect(try await remote.names(remote.outbox).count == count)
        }
    }

    @Test func aWrongHostKeyIsRefusedAndTheFileIsLeftAlone() async throws {
        let remote = try await RemoteFolders.make("hostkey", settings: try SharedSSHServer.settings(),
                                                  root: SharedSSHServer.root)
        defer { Task { await remote.client.close() } }
        try await remote.put("k.csv", Array(ChannelSamples.csv(numbers: ["K1"]).utf8))
        let folder = try TempFolder()
        defer { folder.remove() }
        // Another server's key for this host and port.
        let wrong = try folder.write(
            "known_hosts",
            "[127.0.0.1]:\(SharedSSHServer.port) ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n")
        let impostor = ReconnectingSFTPClient(settings: try SharedSSHServer.settings(hostKeyPolicy: .knownHosts(path: wrong)))
        try await withSQLiteStore { store in
            let channel = try ChannelSamples.channel(folder: SFTPChannelFolder(client: impostor, root: remote.inbox),
                                                     store: store, acknowledgements: nil)
            let error = await #expect(throws: SFTPError.self) { try await channel.scan() }
            #expect(error?.code == .hostKeyMismatch)
            #expect(error?.description.contains("SHA256:") == true)
            #expect(try await ChannelSamples.storedNumbers(store).isEmpty)
        }
        #expect(try await remote.names(remote.inbox) == ["k.csv"])
    }

    @Test func hostileCSVOverSFTPGivesLocatedErrorsAndTheGoodInvoicesGoThrough() async throws {
        let remote = try await RemoteFolders.make("hostile", settings: try SharedSSHServer.settings(),
                                                  root: SharedSSHServer.root)
        defer { Task { await remote.client.close() } }
        try await withSQLiteStore { store in
            let channel = try ChannelSamples.channel(folder: remote.inboxFolder, store: store,
                                                     acknowledgements: remote.outboxFolder)
            try await remote.put("hostile.csv", HostileCSV.bytes())
            #expect(try await channel.scan().map(\.kind) == [.failed])
            try HostileCSV.check(
                stored: try await ChannelSamples.storedNumbers(store),
                errorReport: try await remote.text(remote.inbox + "/error/hostile.csv.errors.csv"),
                acknowledgement: try await remote.text(remote.outbox + "/hostile.csv.ack.csv"))
        }
    }
}
