import Foundation
import SFTP
import Testing

extension SFTPServerTests {
    @Suite("file operations")
    struct FileOperations {
        @Test func listAndStat() async throws {
            let client = try await TestServer.connect()
            defer { Task { await client.close() } }
            let directory = try await TestServer.freshDirectory(client, "list")
            try await client.write("\(directory)/a.csv", bytes: Array("id;amount\n1;10.00\n".utf8))
            try await client.mkdir("\(directory)/archive")
            let before = Date().addingTimeInterval(-120)

            let entries = try await client.list(directory).sorted { $0.name < $1.name }
            #expect(entries.map(\.name) == ["a.csv", "archive"])
            #expect(entries[0].size == 18)
            #expect(!entries[0].isDirectory)
            #expect(entries[1].isDirectory)
            #expect((entries[0].modificationDate ?? .distantPast) > before)

            let attributes = try await client.stat("\(directory)/a.csv")
            #expect(attributes.size == 18)
            #expect(attributes.isRegularFile)
            #expect(try await client.lstat("\(directory)/archive").isDirectory)
        }

        @Test func uploadThenDownloadFiveMegabytes() async throws {
            let client = try await TestServer.connect()
            defer { Task { await client.close() } }
            let directory = try await TestServer.freshDirectory(client, "big")
            let bytes = randomBytes(5 * 1024 * 1024 + 12_345)
            let path = "\(directory)/invoices.bin"

            let written = try await client.write(path, from: ChunkedBytes(bytes: bytes, chunkSize: 100_000))
            #expect(written == UInt64(bytes.count))
            #expect(try await client.stat(path).size == UInt64(bytes.count))

            var chunkSizes: [Int] = []
            var received: [UInt8] = []
            try await client.read(path) { chunk in
                chunkSizes.append(chunk.count)
                received += chunk
            }
            #expect(sha256Hex(received) == sha256Hex(bytes))
            #expect(chunkSizes.allSatisfy { $0 <= 32_000 })

            let tail = try await client.readAll(path, maxBytes: 10 * 1024 * 1024)
            #expect(tail.count == bytes.count)
            let error = await #expect(throws: SFTPError.self) { _ = try await client.readAll(path, maxBytes: 1000) }
            #expect(error?.code == .tooLarge)
        }

        @Test func readFromAnOffset() async throws {
            let client = try await TestServer.connect()
            defer { Task { await client.close() } }
            let directory = try await TestServer.freshDirectory(client, "offset")
            let bytes = randomBytes(100_001)
            try await client.write("\(directory)/f", bytes: bytes)
            var received: [UInt8] = []
            let count = try await client.read("\(directory)/f", from: 70_000) { received += $0 }
            #expect(count == 30_001)
            #expect(received == Array(bytes[70_000...]))
            // An empty file and an offset past the end give no bytes.
            try await client.write("\(directory)/empty", bytes: [])
            #expect(try await client.read("\(directory)/empty") { _ in } == 0)
            #expect(try await client.read("\(directory)/f", from: 200_000) { _ in } == 0)
        }

        @Test func resumeModeAppendsAtTheOffset() async throws {
            let client = try await TestServer.connect()
            defer { Task { await client.close() } }
            let directory = try await TestServer.freshDirectory(client, "resume")
            try await client.write("\(directory)/f", bytes: Array("Factur".utf8))
            try await client.write("\(directory)/f", bytes: Array("e-X".utf8), mode: .resume(at: 6))
            #expect(try await client.readAll("\(directory)/f", maxBytes: 100) == Array("Facture-X".utf8))
            let error = await #expect(throws: SFTPError.self) {
                try await client.write("\(directory)/f", bytes: [1], mode: .createNew)
            }
            #expect(error?.status == .failure)
        }

        @Test func renameAndTargetExists() async throws {
            let client = try await TestServer.connect()
            defer { Task { await client.close() } }
            let directory = try await TestServer.freshDirectory(client, "rename")
            try await client.write("\(directory)/a", bytes: [1])
            try await client.write("\(directory)/b", bytes: [2, 2])

            try await client.rename(from: "\(directory)/a", to: "\(directory)/c")
            #expect(try await client.statIfExists("\(directory)/a") == nil)
            #expect(try await client.stat("\(directory)/c").size == 1)

            let exists = await #expect(throws: SFTPError.self) {
                try await client.rename(from: "\(directory)/c", to: "\(directory)/b")
            }
            #expect(exists?.code == .renameTargetExists)
            #expect(exists?.path == "\(directory)/b")
            #expect(try await client.stat("\(directory)/b").size == 2)

            let missing = await #expect(throws: SFTPError.self) {
                try await client.rename(from: "\(directory)/nothing", to: "\(directory)/x")
            }
            #expect(missing?.status == .noSuchFile)

            try await client.renameReplacing(from: "\(directory)/c", to: "\(directory)/b")
            #expect(try await client.stat("\(directory)/b").size == 1)
        }

        @Test func removeMkdirRmdir() async throws {
            let client = try await TestServer.connect()
            defer { Task { await client.close() } }
            let directory = try await TestServer.freshDirectory(client, "dirs")
            try await client.mkdir("\(directory)/in")
            try await client.write("\(directory)/in/f.xml", bytes: [60, 47, 62])

            let notEmpty = await #expect(throws: SFTPError.self) { try await client.rmdir("\(directory)/in") }
            #expect(notEmpty?.status == .failure)

            try await client.remove("\(directory)/in/f.xml")
            try await client.rmdir("\(directory)/in")
            #expect(try await client.list(directory).isEmpty)

            let again = await #expect(throws: SFTPError.self) { try await client.remove("\(directory)/in/f.xml") }
            #expect(again?.status == .noSuchFile)
            let twice = await #expect(throws: SFTPError.self) { try await client.mkdir(directory) }
            #expect(twice?.status == .failure)
        }

        @Test func missingFileIsNoSuchFileWithThePath() async throws {
            let client = try await TestServer.connect()
            defer { Task { await client.close() } }
            let path = "\(TestServer.root)/does-not-exist-\(UUID().uuidString).csv"
            let error = await #expect(throws: SFTPError.self) { _ = try await client.readAll(path, maxBytes: 10) }
            #expect(error?.code == .status(.noSuchFile))
            #expect(error?.path == path)
            #expect(error?.message.isEmpty == false)
            #expect(error?.description.contains(path) == true)
            let listing = await #expect(throws: SFTPError.self) { _ = try await client.list(path) }
            #expect(listing?.status == .noSuchFile)
        }

        @Test func permissionDeniedOutsideTheUsersReach() async throws {
            let client = try await TestServer.connect()
            defer { Task { await client.close() } }
            let error = await #expect(throws: SFTPError.self) {
                try await client.write("/root/passerelle-should-not-write", bytes: [1])
            }
            #expect(error?.status == .permissionDenied)
        }

        @Test func requestsAfterCloseFailAsConnectionLost() async throws {
            let client = try await TestServer.connect()
            await client.close()
            let error = await #expect(throws: SFTPError.self) { _ = try await client.stat(TestServer.root) }
            #expect(error?.code == .connectionLost)
        }

        @Test func concurrentRequestsShareOneConnection() async throws {
            let client = try await TestServer.connect()
            defer { Task { await client.close() } }
            let directory = try await TestServer.freshDirectory(client, "parallel")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await client.write("\(directory)/\(index)", bytes: Array(repeating: UInt8(index), count: index * 1000))
                    }
                }
                try await group.waitForAll()
            }
            let sizes = try await client.list(directory).reduce(into: [String: UInt64]()) { $0[$1.name] = $1.size }
            #expect(sizes.count == 20)
            #expect(sizes["19"] == 19_000)
        }
    }
}
