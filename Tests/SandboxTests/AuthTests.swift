import AsyncHTTPClient
import Foundation
import NIOSSL
import Sandbox
import Testing

/// OAuth2 client credentials, bearer tokens on every call, HTTPS with a throwaway certificate.
@Suite("Sandbox authentication")
struct AuthTests {
    @Test("without a token, with a forged one, the API answers 401 with the spec's error body")
    func missingAndInvalidTokens() async throws {
        try await SandboxHarness.with { sandbox in
            let none = try await sandbox.request(.GET, "/flow-service/v1/healthcheck")
            #expect(none.status == 401)
            #expect(try none.json()["errorCode"] as? String == "MISSING_TOKEN")
            #expect(none.headers.first(name: "WWW-Authenticate")?.hasPrefix("Bearer") == true)
            let token = try await sandbox.token()
            var forged = Array(token.utf8)
            forged[forged.count - 3] = forged[forged.count - 3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            let bad = try await sandbox.request(.GET, "/directory-service/v1/healthcheck",
                                                token: String(decoding: forged, as: UTF8.self))
            #expect(bad.status == 401)
            #expect(try bad.json()["errorCode"] as? String == "INVALID_TOKEN")
            let good = try await sandbox.request(.GET, "/directory-service/v1/healthcheck", token: token)
            #expect(good.status == 200)
            let admin = try await sandbox.request(.POST, "/sandbox/advance", json: ["seconds": 1])
            #expect(admin.status == 401)
        }
    }

    @Test("the token endpoint: wrong secret 401 invalid_client, other grant 400, HTTP Basic accepted")
    func tokenEndpoint() async throws {
        try await SandboxHarness.with { sandbox in
            let form = [("Content-Type", "application/x-www-form-urlencoded")]
            let wrong = try await sandbox.request(
                .POST, "/auth-service/token",
                body: Array("grant_type=client_credentials&client_id=erp-test&client_secret=nope".utf8), headers: form)
            #expect(wrong.status == 401)
            #expect(try wrong.json()["error"] as? String == "invalid_client")
            let grant = try await sandbox.request(.POST, "/auth-service/token",
                                                  body: Array("grant_type=password".utf8), headers: form)
            #expect(grant.status == 400)
            #expect(try grant.json()["error"] as? String == "unsupported_grant_type")
            let basic = Data("\(SandboxHarness.clientId):\(SandboxHarness.clientSecret)".utf8).base64EncodedString()
            let viaBasic = try await sandbox.request(
                .POST, "/auth-service/tenant-1/token", body: Array("grant_type=client_credentials".utf8),
                headers: form + [("Authorization", "Basic \(basic)")])
            #expect(viaBasic.status == 200)
            let body = try viaBasic.json()
            #expect(body["token_type"] as? String == "Bearer")
            #expect(body["expires_in"] as? Int == 3600)
            let token = try #require(body["access_token"] as? String)
            #expect(try await sandbox.request(.GET, "/flow-service/v1/healthcheck", token: token).status == 200)
        }
    }

    @Test("an expired token is refused with TOKEN_EXPIRED")
    func expiredToken() async throws {
        var configuration = SandboxHarness.configuration()
        configuration.tokenLifetimeSeconds = 1
        try await SandboxHarness.with(configuration) { sandbox in
            let token = try await sandbox.token()
            try await Task.sleep(for: .milliseconds(2200))
            let answer = try await sandbox.request(.GET, "/flow-service/v1/healthcheck", token: token)
            #expect(answer.status == 401)
            #expect(try answer.json()["errorCode"] as? String == "TOKEN_EXPIRED")
        }
    }

    @Test("with a certificate and key the sandbox speaks HTTPS (throwaway certificate made by openssl)")
    func https() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                             "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=127.0.0.1"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
        var configuration = SandboxHarness.configuration()
        configuration.tlsCertificatePath = certificate
        configuration.tlsPrivateKeyPath = key
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .file(certificate)
        tls.certificateVerification = .noHostnameVerification
        let clientConfiguration = HTTPClient.Configuration(tlsConfiguration: tls)
        try await SandboxHarness.with(configuration, clientConfiguration: clientConfiguration) { sandbox in
            #expect(sandbox.url.hasPrefix("https://"))
            let token = try await sandbox.token()
            #expect(try await sandbox.request(.GET, "/flow-service/v1/healthcheck", token: token).status == 200)
            let plain = HTTPClient(eventLoopGroupProvider: .singleton)
            let http = sandbox.url.replacingOccurrences(of: "https://", with: "http://")
            var request = HTTPClientRequest(url: http + "/flow-service/v1/healthcheck")
            request.method = .GET
            await #expect(throws: (any Error).self) {
                let response = try await plain.execute(request, timeout: .seconds(5))
                _ = try await response.body.collect(upTo: 1024)
                if response.status.code < 400 { return }
                throw HarnessFailure("plain HTTP got \(response.status)")
            }
            try await plain.shutdown()
        }
    }
}
