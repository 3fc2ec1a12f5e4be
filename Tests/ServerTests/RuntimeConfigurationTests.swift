import Foundation
import Testing

@testable import Server

@Suite("Runtime configuration")
struct RuntimeConfigurationTests {
    let folder = RuntimeTemporaryFolder()

    func write(_ text: String, name: String = "config.yaml") throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("zero configuration: SQLite in ./passerelle-data, 127.0.0.1:8080")
    func defaults() throws {
        let loaded = try ConfigurationLoader(environment: [:]).load(file: nil)
        let configuration = loaded.configuration
        #expect(configuration.server.host == "127.0.0.1")
        #expect(configuration.server.port == 8080)
        #expect(configuration.resolvedDatabase == .sqlite(path: "./passerelle-data/passerelle.db"))
        #expect(configuration.workers.count == 2)
        #expect(configuration.auth.tokenLifetime == .seconds(900))
        #expect(!configuration.usesTLS)
        #expect(loaded.warnings.isEmpty)
    }

    @Test("the file, then the environment, then the options")
    func layers() throws {
        let path = try write("""
            server:
              host: 0.0.0.0
              port: 9000
            workers:
              count: 4
              retry_base: 250ms
            limits:
              invoice_body: 5MB
            data_dir: /var/lib/passerelle
            """)
        let environment = ["PASSERELLE_SERVER_PORT": "9100", "PASSERELLE_LIMITS_RATE_PER_SECOND": "7"]
        let loaded = try ConfigurationLoader(environment: environment).load(
            file: path, overrides: [.init(option: "--workers", key: "workers.count", value: "0")])
        let configuration = loaded.configuration
        #expect(configuration.server.host == "0.0.0.0")
        #expect(configuration.server.port == 9100)
        #expect(configuration.workers.count == 0)
        #expect(configuration.workers.retryBase == .milliseconds(250))
        #expect(configuration.limits.invoiceBodyBytes == 5 << 20)
        #expect(configuration.limits.ratePerSecond == 7)
        #expect(configuration.resolvedDatabase == .sqlite(path: "/var/lib/passerelle/passerelle.db"))
    }

    @Test("a bad port in the file names the file, the setting and the value")
    func badPortInFile() throws {
        let path = try write("server:\n  port: \"80x\"\n")
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: [:]).load(file: path)
        }
        #expect(error?.description == "\(path): server.port: \"80x\" is not a port number (1-65535, or 0 for any free port)")
    }

    @Test("a bad value in the environment names the variable")
    func badEnvironment() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: ["PASSERELLE_AUTH_TOKEN_LIFETIME": "soon"]).load(file: nil)
        }
        #expect(error?.description.hasPrefix("PASSERELLE_AUTH_TOKEN_LIFETIME: \"soon\" is not a duration") == true)
    }

    @Test("a bad option names the option")
    func badOption() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: [:]).load(
                file: nil, overrides: [.init(option: "--port", key: "server.port", value: "70000")])
        }
        #expect(error?.description == "--port: \"70000\" is not a port number (1-65535, or 0 for any free port)")
    }

    @Test("an unknown key is an error, with the setting it probably meant")
    func typo() throws {
        let path = try write("server:\n  prot: 8080\n")
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: [:]).load(file: path)
        }
        #expect(error?.description == "\(path): server.prot: is not a setting; did you mean server.port?")
    }

    @Test("a section given a value, a value given a section, a list, a key set twice")
    func shapes() throws {
        let cases: [(String, String)] = [
            ("server: 8080\n", "server: is a section, not a value"),
            ("server:\n  port:\n    number: 1\n", "server.port: takes one value, not a section"),
            ("workers:\n  count: [1, 2]\n", "workers.count: is a list; it takes one value"),
            ("log:\n  level: info\n  level: debug\n", "duplicated key(s): 'level'"),
            ("- server\n", "must be a mapping of settings"),
        ]
        for (index, (text, expected)) in cases.enumerated() {
            let path = try write(text, name: "shape\(index).yaml")
            let error = #expect(throws: ConfigurationError.self) {
                try ConfigurationLoader(environment: [:]).load(file: path)
            }
            #expect(error?.description.contains(expected) == true, "\(text) gave \(String(describing: error))")
        }
    }

    @Test("a file that is not YAML, or missing, says so")
    func unreadable() throws {
        let broken = try write("server:\n  port: [8080\n", name: "broken.yaml")
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: [:]).load(file: broken)
        }
        #expect(error?.description.hasPrefix("\(broken): is not valid YAML") == true)
        #expect(error?.description.contains("\n") == false)
        let missing = folder.path("absent.yaml")
        let missingError = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: [:]).load(file: missing)
        }
        #expect(missingError?.description.hasPrefix("\(missing): cannot be read") == true)
    }

    @Test("HTTPS needs both the certificate and the key")
    func halfTLS() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: ["PASSERELLE_SERVER_TLS_CERTIFICATE": "/tmp/cert.pem"]).load(file: nil)
        }
        #expect(error?.description == "server.tls.private_key: is missing: server.tls.certificate is set, and HTTPS needs both")
    }

    @Test("values: sizes, durations, booleans-free settings, database URLs, signing keys")
    func values() throws {
        #expect(try ConfigurationValues.byteSize("512KB") == 512 * 1024)
        #expect(try ConfigurationValues.byteSize("20MiB") == 20 << 20)
        #expect(try ConfigurationValues.byteSize("4096") == 4096)
        #expect(throws: InvalidValue.self) { try ConfigurationValues.byteSize("-1MB") }
        #expect(throws: InvalidValue.self) { try ConfigurationValues.byteSize("lots") }
        #expect(try ConfigurationValues.duration("15m") == .seconds(900))
        #expect(try ConfigurationValues.duration("250ms") == .milliseconds(250))
        #expect(try ConfigurationValues.duration("30") == .seconds(30))
        #expect(throws: InvalidValue.self) { try ConfigurationValues.duration("0s", minimum: .seconds(1)) }
        #expect(try ConfigurationValues.database("postgres://u:p@db:5432/gw") == .postgres(url: "postgres://u:p@db:5432/gw"))
        #expect(try ConfigurationValues.database("sqlite:/tmp/x.db") == .sqlite(path: "/tmp/x.db"))
        #expect(try ConfigurationValues.database("data/x.db") == .sqlite(path: "data/x.db"))
        #expect(throws: InvalidValue.self) { try ConfigurationValues.database("mysql://db/x") }
        #expect(throws: InvalidValue.self) { try ConfigurationValues.signingKey("short") }
        #expect(DatabaseLocation.postgres(url: "postgres://u:secret@db/gw").description == "postgres://u:***@db/gw")
    }

    @Test("unknown PASSERELLE_ variables are reported, not applied")
    func unknownVariable() throws {
        let loaded = try ConfigurationLoader(environment: ["PASSERELLE_SERVR_PORT": "1"]).load(file: nil)
        #expect(loaded.configuration.server.port == 8080)
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.hasPrefix("PASSERELLE_SERVR_PORT is not a Passerelle setting") == true)
    }

    @Test("docs/passerelle.example.yaml loads and matches the defaults it documents")
    func exampleFile() throws {
        let example = RuntimeTestPaths.repositoryRoot.appendingPathComponent("docs/passerelle.example.yaml").path
        let configuration = try ConfigurationLoader(environment: [:]).load(file: example).configuration
        #expect(configuration == ServerConfiguration())
    }

    @Test("every setting has a distinct environment variable")
    func environmentNames() {
        let names = ConfigurationSetting.all.map(\.environmentVariable)
        #expect(Set(names).count == names.count)
        #expect(ConfigurationSetting.named("server.port")?.environmentVariable == "PASSERELLE_SERVER_PORT")
        #expect(ConfigurationSetting.named("server.tls.private_key")?.environmentVariable
            == "PASSERELLE_SERVER_TLS_PRIVATE_KEY")
    }

    @Test("docs/serve.md lists every setting with its environment variable, and nothing else")
    func documentedSettings() throws {
        let text = try String(contentsOf: RuntimeTestPaths.repositoryRoot.appendingPathComponent("docs/serve.md"),
                              encoding: .utf8)
        var documented: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, cells[1].hasPrefix("`PASSERELLE_") else { continue }
            documented[cells[0].trimmingCharacters(in: ["`"])] = cells[1].trimmingCharacters(in: ["`"])
        }
        let expected = Dictionary(uniqueKeysWithValues: ConfigurationSetting.all.map { ($0.key, $0.environmentVariable) })
        #expect(documented == expected)
    }
}
