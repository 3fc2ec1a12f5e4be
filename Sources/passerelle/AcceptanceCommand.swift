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
            SQLite store; nothing is sent (dry run). See docs/acceptance.md.
            Exit status: 0 when every invoice passed, 1 when one would be rejected (or could not be read), 2 when \
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

    @Option(help: "Send to a PA sandbox at this URL instead of the dry run (needs the AFNOR Flow client).")
    var sandbox: String?

    @Flag(help: "Do not apply the French BR-FR rules (EN 16931 only).")
    var noFrenchRules = false

    func run() async throws {
        guard let reportFormat = AcceptanceReport.Format(rawValue: format) else {
            throw Self.fail("--format is text, json or markdown, not \"\(format)\"")
        }
        guard !samples.isEmpty else { throw Self.fail("give the sample files or folders to run") }
        if sandbox != nil {
            throw Self.fail("--sandbox needs the AFNOR Flow client, which this build does not have yet; "
                + "run without it for the dry run")
        }
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
            frenchRules: !noFrenchRules, masterData: master, batch: batch)
        let report: AcceptanceReport
        do {
            report = try await run.run()
        } catch let failure as AcceptanceFailure {
            throw Self.fail(failure.description)
        }
        print(report.render(reportFormat))
        if !report.allPassed { throw ExitCode(1) }
    }

    static func fail(_ message: String) -> ExitCode {
        StandardError.write("passerelle acceptance: \(message)")
        return ExitCode(2)
    }
}
