import ArgumentParser
import Channels
import Foundation
import Gateway
import Server

/// `passerelle acceptance`: a customer's *recette* — their sample invoices through the whole gateway in dry run,
/// with a report of what would pass, what would be rejected and why, and where each invoice would go.
struct AcceptanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acceptance",
        abstract: "Run a customer's sample invoices through an in-process gateway (dry run) and report.",
        discussion: """
            SAMPLES are files or folders: CII/UBL XML, Factur-X PDF and JSON invoices are taken as they are; an ERP \
            export (CSV…) is read with --mapping, as passerelle import does. Every invoice goes through intake, the \
            catalogue (with --master-data) and the rules, render and the routing of --routing, on a temporary \
            SQLite store; nothing is sent (dry run). With --sandbox URL, the invoices routed to a platform are sent \
            to that PA sandbox through the AFNOR Flow client and the platform's verdict on each (acknowledgement, \
            first lifecycle status) is awaited and reported. See docs/acceptance.md.
            Exit status: 0 when every invoice passed, 1 when one would be rejected, is rejected by the platform, \
            gets no verdict in time (or could not be read), 2 when \
            the command cannot run (bad routing file, mapping or option).
            """
    )

    @Argument(help: "Sample files or folders.")
    var samples: [String] = []

    @Option(help: "The routing file (YAML, `routing:` as in passerelle.yaml).")
    var routing: String

    @Option(help: "The mapping (YAML) for ERP exports among the samples.")
    var mapping: String?

    @Option(name: .customLong("master-data"), help: "Master data to load first, as FILE:MAPPING (repeatable).")
    var masterData: [String] = []

    @Option(help: "The tenant whose routing table applies.")
    var tenant = "default"

    @Option(help: "The ERP batch id the sample invoices carry (for the routing's `batch:` conditions).")
    var batch: String?

    @Option(help: "Report format: text, json or markdown.")
    var format = "text"

    @Option(help: "Send the invoices routed to a platform to the PA sandbox at this URL (passerelle sandbox) instead of the dry run, and report its verdicts.")
    var sandbox: String?

    @Option(name: .customLong("client-id"), help: "The sandbox's OAuth2 client id (with --sandbox).")
    var clientID: String?

    @Option(name: .customLong("client-secret-file"), help: "A file holding the client secret (with --sandbox).")
    var clientSecretFile: String?

    @Option(name: .customLong("client-secret"), help: "The client secret itself (prefer --client-secret-file).")
    var clientSecret: String?

    @Option(help: "Seconds to wait for the platform's verdict on each invoice sent (with --sandbox).")
    var timeout: Int = 30

    @Flag(help: "Move the sandbox clock with POST /sandbox/advance while waiting (sandbox-only, for --time-scale 0).")
    var advance = false

    @Flag(help: "Do not apply the French BR-FR rules (EN 16931 only).")
    var noFrenchRules = false

    func run() async throws {
        guard let reportFormat = AcceptanceReport.Format(rawValue: format) else {
            throw Self.fail("--format is text, json or markdown, not \"\(format)\"")
        }
        guard !samples.isEmpty else { throw Self.fail("give the sample files or folders to run") }
        let platform = try sandboxTarget()
        let policy: RoutingPolicy
        do {
            policy = try RoutingFile.load(path: routing)
        } catch {
            throw Self.fail(error.description)
        }
        let loadedMapping: ERPMapping?
        do {
            loadedMapping = try mapping.map { path throws in try ERPMapping.load(path: path) }
        } catch {
            throw Self.fail("\(mapping ?? ""): \(error)")
        }
        var master: [(file: String, mapping: ERPMapping)] = []
        for item in masterData {
            guard let colon = item.lastIndex(of: ":") else {
                throw Self.fail("--master-data takes FILE:MAPPING, got \"\(item)\"")
            }
            let mappingPath = String(item[item.index(after: colon)...])
            do {
                master.append((String(item[..<colon]), try ERPMapping.load(path: mappingPath)))
            } catch {
                throw Self.fail("\(mappingPath): \(error)")
            }
        }
        let run = AcceptanceRun(
            inputs: samples, mapping: loadedMapping, policy: policy, routingFile: routing, tenant: TenantID(tenant),
            frenchRules: !noFrenchRules, masterData: master, batch: batch, sandbox: platform)
        let report: AcceptanceReport
        do {
            report = try await run.run()
            await platform?.client.shutdown()
        } catch let failure as AcceptanceFailure {
            await platform?.client.shutdown()
            throw Self.fail(failure.description)
        } catch {
            await platform?.client.shutdown()
            throw error
        }
        print(report.render(reportFormat))
        if !report.allPassed { throw ExitCode(1) }
    }

    /// The sandbox of `--sandbox`, its client set up from the options; nil for the dry run.
    func sandboxTarget() throws -> AcceptanceSandbox? {
        guard let sandbox else {
            if clientID != nil || clientSecret != nil || clientSecretFile != nil || advance {
                throw Self.fail("--client-id, --client-secret(-file) and --advance go with --sandbox")
            }
            return nil
        }
        guard let clientID, !clientID.isEmpty else { throw Self.fail("--sandbox needs --client-id") }
        var secret = clientSecret
        if let clientSecretFile {
            guard secret == nil else { throw Self.fail("give --client-secret-file or --client-secret, not both") }
            do {
                secret = try String(contentsOfFile: clientSecretFile, encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw Self.fail("--client-secret-file: \(clientSecretFile) cannot be read")
            }
        }
        guard let secret, !secret.isEmpty else {
            throw Self.fail("--sandbox needs --client-secret-file (or --client-secret)")
        }
        guard timeout > 0 else { throw Self.fail("--timeout is a number of seconds above 0") }
        guard let parsed = URL(string: sandbox), parsed.scheme == "http" || parsed.scheme == "https",
              parsed.host != nil
        else { throw Self.fail("--sandbox takes the sandbox's URL (http://127.0.0.1:8090), not \"\(sandbox)\"") }
        do {
            return try AcceptanceSandbox(url: sandbox, clientID: clientID, clientSecret: secret,
                                         timeout: .seconds(timeout), advance: advance)
        } catch {
            throw Self.fail("--sandbox: \(error)")
        }
    }

    static func fail(_ message: String) -> ExitCode {
        StandardError.write("passerelle acceptance: \(message)")
        return ExitCode(2)
    }
}
