import Foundation
import Testing

@testable import Server

/// The `platform:` section of passerelle.yaml (docs/platform.md).
@Suite("FlowDispatcher configuration (platform section)")
struct PlatformConfigurationTests {
    let folder = RuntimeTemporaryFolder()

    func load(_ text: String, environment: [String: String] = [:]) throws(ConfigurationError) -> ServerConfiguration {
        let path = folder.path("platform-\(UUID().uuidString).yaml")
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ConfigurationError(message: "cannot write the test file")
        }
        return try ConfigurationLoader(environment: environment).load(file: path).configuration
    }

    @Test("a full section is read, with its durations and breaker settings")
    func fullSection() throws {
        let configuration = try load("""
            platform:
              name: my-pa
              flow_url: https://api.flow.my-pa.example/flow-service
              token_url: https://auth.my-pa.example/auth-service/token
              client_id: passerelle
              client_secret_file: /etc/passerelle/platform-secret
              ca_file: /etc/passerelle/ca.pem
              timeout: 12s
              connect_timeout: 500ms
              breaker:
                failures: 3
                cooldown: 2m
            """)
        let platform = configuration.platform
        #expect(platform.isConfigured)
        #expect(platform.resolvedName == "my-pa")
        #expect(platform.flowURL == "https://api.flow.my-pa.example/flow-service")
        #expect(platform.clientSecretFile == "/etc/passerelle/platform-secret")
        #expect(platform.caFile == "/etc/passerelle/ca.pem")
        #expect(platform.timeout == .seconds(12))
        #expect(platform.connectTimeout == .milliseconds(500))
        #expect(platform.breakerFailures == 3)
        #expect(platform.breakerCooldown == .seconds(120))
    }

    @Test("no section: no platform (invoices are held); the name defaults to the flow URL's host")
    func defaults() throws {
        #expect(!ServerConfiguration().platform.isConfigured)
        let configuration = try load("", environment: [
            "PASSERELLE_PLATFORM_FLOW_URL": "http://127.0.0.1:8090/flow-service",
            "PASSERELLE_PLATFORM_TOKEN_URL": "http://127.0.0.1:8090/auth-service/token",
            "PASSERELLE_PLATFORM_CLIENT_ID": "a", "PASSERELLE_PLATFORM_CLIENT_SECRET_FILE": "/tmp/s",
        ])
        #expect(configuration.platform.resolvedName == "127.0.0.1")
        #expect(configuration.platform.breakerFailures == 5)
    }

    @Test("a partial section names the missing setting")
    func missingSetting() {
        let error = #expect(throws: ConfigurationError.self) {
            _ = try load("""
                platform:
                  flow_url: https://api.flow.my-pa.example/flow-service
                  client_id: passerelle
                """)
        }
        #expect(error?.setting == "platform.token_url")
        #expect(error?.message.contains("platform.flow_url, platform.client_id set") == true)
    }

    @Test("a bad URL, a bad breaker value and a typo are refused with a located message")
    func badValues() {
        let url = #expect(throws: ConfigurationError.self) { _ = try load("platform:\n  flow_url: ftp://x\n") }
        #expect(url?.setting == "platform.flow_url")
        #expect(url?.message.contains("is not an absolute http(s) URL") == true)
        let failures = #expect(throws: ConfigurationError.self) {
            _ = try load("platform:\n  breaker:\n    failures: 0\n")
        }
        #expect(failures?.setting == "platform.breaker.failures")
        let typo = #expect(throws: ConfigurationError.self) { _ = try load("platform:\n  flow_ulr: https://x/y\n") }
        #expect(typo?.message == "is not a setting; did you mean platform.flow_url?")
    }
}
