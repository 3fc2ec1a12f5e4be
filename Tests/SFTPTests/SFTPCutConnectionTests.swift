import Foundation
import SFTP
import Synchronization
import Testing

extension SFTPServerTests {
    /// sshd is killed (SIGKILL to the listener and the per-connection processes) in the middle of a transfer and
    /// started again a little later; the resumable helpers must finish with the very same bytes.
    @Suite("connection cut mid-transfer")
    struct CutConnection {
        private let backoff = SFTPBackoff(initial: .milliseconds(200), maximum: .seconds(1), attempts: 12)

        /// Kills sshd now and starts it again after `delay`, off the transfer's task.
        private func cut(restartAfter delay: Duration) -> Task<Void, any Error> {
            do {
                try TestServer.script("kill")
            } catch {
                Issue.record("could not kill sshd: \(error)")
            }
            return Task.detached {
                try await Task.sleep(for: delay)
                try TestServer.script("restart")
            }
        }

        @Test func killedDownloadResumesWithIdenticalBytes() async throws {
            let bytes = randomBytes(8 * 1024 * 1024 + 777)
            let remote = "\(TestServer.root)/cut-download-\(UUID().uuidString).bin"
            let seed = try await TestServer.connect()
            try await seed.write(remote, bytes: bytes)
            await seed.close()

            let local = NSTemporaryDirectory() + "passerelle-download-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: local) }
            let reconnecting = ReconnectingSFTPClient(settings: TestServer.settings(), backoff: backoff)
            let killed = OnceFlag()
            let restart = RestartBox()
            let size = try await reconnecting.download(remote, toLocal: local) { have in
                if have > 2 * 1024 * 1024, killed.claim() {
                    restart.set(cut(restartAfter: .milliseconds(800)))
                }
            }
            try await restart.wait()
            await reconnecting.close()

            #expect(killed.isSet)
            #expect(await reconnecting.connectionCount >= 2)
            #expect(size == UInt64(bytes.count))
            let downloaded = try Data(contentsOf: URL(fileURLWithPath: local))
            #expect(downloaded.count == bytes.count)
            #expect(sha256Hex(downloaded) == sha256Hex(bytes))
        }

        @Test func killedUploadResumesFromThePartFile() async throws {
            let bytes = randomBytes(8 * 1024 * 1024 + 4321)
            let local = NSTemporaryDirectory() + "passerelle-upload-\(UUID().uuidString)"
            try Data(bytes).write(to: URL(fileURLWithPath: local))
            defer { try? FileManager.default.removeItem(atPath: local) }
            let remote = "\(TestServer.root)/cut-upload-\(UUID().uuidString).bin"

            let reconnecting = ReconnectingSFTPClient(settings: TestServer.settings(), backoff: backoff)
            let killed = OnceFlag()
            let restart = RestartBox()
            let afterCut = Offsets()
            try await reconnecting.upload(local, remote: remote) { reached in
                if killed.isSet { afterCut.note(reached) }
                if reached > 3 * 1024 * 1024, killed.claim() {
                    restart.set(cut(restartAfter: .milliseconds(800)))
                }
            }
            try await restart.wait()
            await reconnecting.close()
            #expect(killed.isSet)
            #expect(await reconnecting.connectionCount >= 2)
            // After the cut the upload went on from the .part file (about 3 MB), not from zero (256 KiB steps).
            #expect(afterCut.minimum.map { $0 > 2 * 1024 * 1024 } == true)

            let check = try await TestServer.connect()
            let uploaded = try await check.readAll(remote, maxBytes: 16 * 1024 * 1024)
            let part = try await check.statIfExists(remote + ".part")
            await check.close()
            #expect(part == nil)
            #expect(uploaded.count == bytes.count)
            #expect(sha256Hex(uploaded) == sha256Hex(bytes))
        }

        @Test func uploadReplacesAnExistingFile() async throws {
            let local = NSTemporaryDirectory() + "passerelle-replace-\(UUID().uuidString)"
            try Data("nouvelle version".utf8).write(to: URL(fileURLWithPath: local))
            defer { try? FileManager.default.removeItem(atPath: local) }
            let remote = "\(TestServer.root)/replace-\(UUID().uuidString).txt"
            let reconnecting = ReconnectingSFTPClient(settings: TestServer.settings(), backoff: backoff)
            _ = try await reconnecting.withReconnect { client in try await client.write(remote, bytes: Array("old".utf8)) }
            try await reconnecting.upload(local, remote: remote)
            let content = try await reconnecting.withReconnect { client in try await client.readAll(remote, maxBytes: 100) }
            await reconnecting.close()
            #expect(content == Array("nouvelle version".utf8))
            #expect(await reconnecting.connectionCount == 1)
        }

        @Test func nonConnectionErrorsAreNotRetried() async throws {
            let reconnecting = ReconnectingSFTPClient(settings: TestServer.settings(), backoff: backoff)
            let error = await #expect(throws: SFTPError.self) {
                try await reconnecting.download(
                    "\(TestServer.root)/missing-\(UUID().uuidString)", toLocal: NSTemporaryDirectory() + "never")
            }
            await reconnecting.close()
            #expect(error?.status == .noSuchFile)
            #expect(await reconnecting.connectionCount == 1)
        }
    }
}

/// Holds the restart task started from inside a progress callback.
final class RestartBox: Sendable {
    private let task = Mutex<Task<Void, any Error>?>(nil)
    func set(_ new: Task<Void, any Error>) { task.withLock { $0 = new } }
    func wait() async throws {
        if let running = task.withLock({ $0 }) { try await running.value }
    }
}

/// Records the progress values, to see where the transfer went on after the cut.
final class Offsets: Sendable {
    private let values = Mutex<[UInt64]>([])
    func note(_ value: UInt64) { values.withLock { $0.append(value) } }
    var minimum: UInt64? { values.withLock { $0.min() } }
}
