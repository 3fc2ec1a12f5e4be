import ArgumentParser
import Foundation
import Logging
import Sandbox

/// `passerelle sandbox`: an accredited-platform (PA) simulator speaking the AFNOR Flow and Directory APIs, for
/// tests and customers' acceptance runs (docs/sandbox.md).
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a simulated accredited platform (AFNOR Flow and Directory APIs 1.3.0) for tests.",
        discussion: """
            It answers the Flow Service under /flow-service, the Directory Service under /directory-service and \
            issues OAuth2 client-credentials tokens at /auth-service/token. Submitted invoices are checked with \
            the rules and get lifecycle statuses (CDAR flows and signed webhooks) as the scenario file says. \
            Sandbox-only admin routes live under /sandbox (advance time, faults, webhook log, snapshot). \
            Examples: examples/sandbox/. Exit status 2 for a bad option or file.
            """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "TCP port (0 = any free port).")
    var port = 8090

    @Option(help: "Scenario YAML file: transmission statuses, buyers' sequences, random paths, rules.")
    var scenario: String?

    @Option(help: "Directory file: YAML (legalUnits, facilities, routingCodes, directoryLines) or CSV (one line a row).")
    var directory: String?

    @Option(help: "Clients YAML file: a list of {clientId, clientSecret}.")
    var clients: String?

    @Option(name: .customLong("client-id"), help: "A client id (with --client-secret).")
    var clientId: String?

    @Option(name: .customLong("client-secret"), help: "Its secret.")
    var clientSecret: String?

    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain: serve HTTPS (with --tls-key).")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key.")
    var tlsKey: String?

    @Option(help: "Faults YAML file (rates of latency, 5xx, timeouts, dropped connections, webhook faults).")
    var faults: String?

    @Option(help: "Seed of every random draw (lifecycle paths, delays, faults).")
    var seed: UInt64 = 1

    @Option(name: .customLong("time-scale"),
            help: "Sandbox seconds per real second (3600: an hour a second; 0: time moves only by /sandbox/advance).")
    var timeScale: Double = 1

    @Option(help: "JSON file written by POST /sandbox/snapshot.")
    var snapshot: String?

    @Option(name: .customLong("token-lifetime"), help: "Access token lifetime in seconds.")
    var tokenLifetime = 3600

    @Flag(name: .customLong("chorus-pro"),
          help: "Also serve a Chorus Pro stand-in under /cpro (PISTE tokens at /api/oauth/token; docs/chorus-pro.md).")
    var chorusPro = false

    @Option(name: .customLong("chorus-pro-account"),
            help: "A Chorus Pro technical account, login:password (repeatable; default: one is made up).")
    var chorusProAccounts: [String] = []

    @Option(name: .customLong("chorus-pro-path"),
            help: "What becomes of integrated invoices: paid, suspended, refused or recycled.")
    var chorusProPath = "paid"

    func validate() throws {
        if (clientId == nil) != (clientSecret == nil) {
            throw ValidationError("--client-id and --client-secret go together")
        }
        if (tlsCertificate == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if timeScale < 0 || !timeScale.isFinite { throw ValidationError("--time-scale: 0 or more") }
        if tokenLifetime < 1 { throw ValidationError("--token-lifetime: at least 1 second") }
        if ChorusProPath(rawValue: chorusProPath) == nil {
            throw ValidationError("--chorus-pro-path: paid, suspended, refused or recycled")
        }
        for account in chorusProAccounts where !account.contains(":") {
            throw ValidationError("--chorus-pro-account: login:password")
        }
    }

    func run() async throws {
        var configuration = SandboxConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.seed = seed
        configuration.timeScale = timeScale
        configuration.tlsCertificatePath = tlsCertificate
        configuration.tlsPrivateKeyPath = tlsKey
        configuration.snapshotPath = snapshot
        configuration.tokenLifetimeSeconds = tokenLifetime
        do {
            if let scenario { configuration.scenario = try ScenarioFile.load(path: scenario) }
            if let directory { configuration.directory = try SandboxFiles.directory(path: directory) }
            if let faults { configuration.faults = try SandboxFiles.faults(path: faults) }
            if let clients { configuration.clients = try SandboxFiles.clients(path: clients) }
        } catch {
            FileHandle.standardError.write(Data("passerelle sandbox: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        if let clientId, let clientSecret {
            configuration.clients.append(ClientCredentials(clientId: clientId, clientSecret: clientSecret))
        }
        if configuration.clients.isEmpty {
            let secret = (0..<24).map { _ in String("abcdefghijkmnpqrstuvwxyz23456789".randomElement() ?? "x") }
                .joined()
            configuration.clients = [ClientCredentials(clientId: "sandbox-client", clientSecret: secret)]
        }
        if chorusPro { configuration.chorusPro = chorusProSettings() }
        let clients = configuration.clients
        let cproAccounts = configuration.chorusPro?.accounts ?? []
        let scale = timeScale
        let logger = Logger(label: "passerelle.sandbox")
        try await SandboxServer.run(configuration, logger: logger, handlesSignals: true) { started in
            var lines = [
                "Passerelle sandbox PA listening on \(started.url)",
                "  Flow Service:      \(started.url)/flow-service/v1",
                "  Directory Service: \(started.url)/directory-service/v1",
                "  OAuth2 token:      POST \(started.url)/auth-service/token (client_credentials)",
                "  Sandbox admin:     \(started.url)/sandbox (advance, faults, deliveries, snapshot)",
                "  Time scale:        \(scale == 0 ? "stopped (use POST /sandbox/advance)" : "\(scale)x")",
            ]
            for client in clients {
                lines.append("  Client:            id \(client.clientId)  secret \(client.clientSecret)")
            }
            if !cproAccounts.isEmpty {
                lines.append("  Chorus Pro:        \(started.url)/cpro (token: POST \(started.url)/api/oauth/token)")
            }
            for account in cproAccounts {
                lines.append("  cpro-account:      login \(account.login)  password \(account.password)")
            }
            // Written at once (stdout is block-buffered when it is not a terminal).
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }

    /// The stand-in's settings from the options; a technical account is made up when none is given.
    func chorusProSettings() -> ChorusProSettings {
        var settings = ChorusProSettings()
        settings.path = ChorusProPath(rawValue: chorusProPath) ?? .paid
        settings.accounts = chorusProAccounts.map { text in
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            return ChorusProTechnicalAccount(login: String(parts[0]), password: parts.count == 2 ? String(parts[1]) : "")
        }
        if settings.accounts.isEmpty {
            let password = (0..<20).map { _ in String("abcdefghijkmnpqrstuvwxyz23456789".randomElement() ?? "x") }
                .joined()
            settings.accounts = [ChorusProTechnicalAccount(login: "TECH_sandbox@cpro.fr", password: password)]
        }
        return settings
    }
}
