import Foundation
import Gateway
import GatewayStorage
import Logging
import NIOSSL
import Testing

@testable import Server

@Suite("Runtime HTTPS")
struct RuntimeTLSTests {
    /// A self-signed certificate for 127.0.0.1 and localhost, made by the openssl command.
    static func makeCertificate(in folder: RuntimeTemporaryFolder) throws -> (certificate: String, key: String) {
        let certificate = folder.path("cert.pem")
        let key = folder.path("key.pem")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw RuntimeTestFailure("openssl failed") }
        return (certificate, key)
    }

    @Test("with a certificate and key configured the server speaks HTTPS, verified against the certificate")
    func https() async throws {
        let folder = RuntimeTemporaryFolder()
        let files = try Self.makeCertificate(in: folder)
        var clientTLS = TLSConfiguration.makeClientConfiguration()
        clientTLS.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(files.certificate))
        try await RuntimeTestServer.with(configure: { configuration in
            configuration.server.certificateFile = files.certificate
            configuration.server.privateKeyFile = files.key
        }, clientTLS: clientTLS) { server in
            #expect(server.url.hasPrefix("https://127.0.0.1:"))
            let health = try await server.get("/health")
            #expect(health.status == 200)
            let whoami = try await server.get("/test/whoami", bearer: server.adminSecret)
            #expect(whoami.status == 200)
        }
    }

    @Test("a missing or unreadable certificate stops start-up with a message naming the setting")
    func badFiles() async throws {
        let folder = RuntimeTemporaryFolder()
        let files = try Self.makeCertificate(in: folder)
        let store = try await SQLGatewayStore.open(url: "sqlite:" + folder.path("tls.db"))
        try "not a certificate".write(toFile: folder.path("junk.pem"), atomically: true, encoding: .utf8)
        let cases: [(String, String, String)] = [
            (folder.path("absent.pem"), files.key, "server.tls.certificate: \(folder.path("absent.pem")) cannot be read"),
            (files.certificate, folder.path("absent-key.pem"), "server.tls.private_key: \(folder.path("absent-key.pem")) cannot be read"),
            (folder.path("junk.pem"), files.key, "server.tls.certificate: \(folder.path("junk.pem"))"),
            (files.certificate, folder.path("junk.pem"), "server.tls.private_key: \(folder.path("junk.pem")) is not a PEM private key"),
        ]
        for (certificate, key, expected) in cases {
            var configuration = ServerConfiguration()
            configuration.dataDirectory = folder.path("data")
            configuration.server.certificateFile = certificate
            configuration.server.privateKeyFile = key
            let error = await #expect(throws: ServerComponents.StartupError.self) {
                _ = try await ServerComponents.make(configuration: configuration, store: store,
                                                     logger: Logger(label: "test"))
            }
            #expect(error?.description.hasPrefix(expected) == true, "\(String(describing: error))")
        }
        try await store.shutdown()
    }
}
