import Crypto
import Foundation
import NIOSSH
import SFTP
import Testing

/// Everything that talks to the real OpenSSH server. Serialized: the cut tests kill and restart that server.
@Suite(
    "SFTP against a real OpenSSH server", .serialized, .enabled(if: TestServer.isAvailable, TestServer.skipReason))
struct SFTPServerTests {}

extension SFTPServerTests {
    @Suite("login and host keys")
    struct Login {
        @Test func passwordLogin() async throws {
            let client = try await TestServer.connect(.password(TestServer.password))
            #expect(client.server.version == 3)
            #expect(client.server.extensions["posix-rename@openssh.com"] != nil)
            let home = try await client.realPath(".")
            #expect(home.hasPrefix("/"))
            await client.close()
            #expect(!client.isConnected)
        }

        @Test func ed25519KeyLogin() async throws {
            let client = try await TestServer.connect(try .privateKeyFile(TestServer.keyPath))
            let entries = try await client.list(TestServer.root)
            #expect(entries.allSatisfy { $0.name != "." && $0.name != ".." })
            await client.close()
        }

        @Test func p256KeyLogin() async throws {
            let client = try await TestServer.connect(try .privateKeyFile("\(TestServer.directory)/client_p256"))
            let attributes = try await client.stat(TestServer.root)
            #expect(attributes.isDirectory)
            await client.close()
        }

        @Test func wrongPasswordIsAuthenticationFailed() async throws {
            let error = await #expect(throws: SFTPError.self) {
                _ = try await TestServer.connect(.password("not-the-password"))
            }
            #expect(error?.code == .authenticationFailed)
            #expect(error?.message.contains(TestServer.user) == true)
        }

        @Test func unknownKeyIsAuthenticationFailed() async throws {
            let error = await #expect(throws: SFTPError.self) {
                _ = try await TestServer.connect(.privateKey(NIOSSHPrivateKey(ed25519Key: .init())))
            }
            #expect(error?.code == .authenticationFailed)
        }

        @Test func wrongHostKeyIsRefusedWithBothFingerprints() async throws {
            let impostor = SSHPublicKeyBlob(NIOSSHPrivateKey(ed25519Key: Curve25519.Signing.PrivateKey()).publicKey)
            let line = "[127.0.0.1]:\(TestServer.port) ssh-ed25519 \(Data(impostor.bytes).base64EncodedString())"
            let path = NSTemporaryDirectory() + "known_hosts-\(UUID().uuidString)"
            try line.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let real = try TestServer.hostKeyFingerprint()
            let error = await #expect(throws: SFTPError.self) {
                _ = try await SFTPClient.connect(TestServer.settings(hostKeyPolicy: .knownHosts(path: path)))
            }
            #expect(error?.code == .hostKeyMismatch)
            #expect(error?.message.contains("[127.0.0.1]:\(TestServer.port)") == true)
            #expect(error?.message.contains(real) == true)
            #expect(error?.message.contains(impostor.fingerprint) == true)
        }

        @Test func unknownHostIsRefused() async throws {
            let line = "[127.0.0.1]:1 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH1Gv2m0eU2dxfMYvLwPBD6czQGYCrV0o3d9nRZBfJGb"
            let error = await #expect(throws: SFTPError.self) {
                _ = try await SFTPClient.connect(
                    TestServer.settings(hostKeyPolicy: .knownHostsEntries(KnownHosts(parsing: line))))
            }
            #expect(error?.code == .hostKeyUnknown)
            #expect(error?.message.contains(try TestServer.hostKeyFingerprint()) == true)
        }

        @Test func closedPortIsConnectFailed() async throws {
            var settings = TestServer.settings()
            settings.port = 1
            let error = await #expect(throws: SFTPError.self) { _ = try await SFTPClient.connect(settings) }
            #expect(error?.code == .connectFailed)
            #expect(error?.isConnectionProblem == true)
        }
    }
}
