import Foundation
import Testing

/// `passerelle acceptance --sandbox`: the built binary sends the example sample to `passerelle sandbox` (another
/// process, real HTTP on loopback, a free port) and reports the platform's verdicts.
@Suite("Acceptance against the sandbox: the built passerelle and passerelle sandbox", .serialized)
struct RuntimeAcceptanceSandboxTests {
    @Test("a good invoice is accepted by the platform (200), a BR-FR breach the sandbox checks is rejected (213)")
    func verdictsOfThePlatform() async throws {
        let folder = RuntimeTemporaryFolder()
        // The sandbox checks the French rules; the acceptance run does not (--no-french-rules): the ERP export's
        // invoice FA-2026-0201 (no BT-23, no BT-49) passes here and must be rejected there.
        try "rules: fr\n".write(toFile: folder.path("scenario.yaml"), atomically: true, encoding: .utf8)
        try "s3cret-acceptance\n".write(toFile: folder.path("secret"), atomically: true, encoding: .utf8)
        let sandbox = try SandboxProcess(arguments: [
            "--port", "0", "--time-scale", "0", "--scenario", folder.path("scenario.yaml"),
            "--client-id", "acceptance", "--client-secret", "s3cret-acceptance",
        ])
        defer { sandbox.terminate() }
        let url = try await sandbox.url()
        let run = try RuntimeAcceptanceCommandTests.passerelle(RuntimeAcceptanceCommandTests.example + [
            "--no-french-rules", "--format", "json", "--sandbox", url, "--client-id", "acceptance",
            "--client-secret-file", folder.path("secret"), "--advance", "--timeout", "60",
        ])
        #expect(run.status == 1, "stderr: \(run.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any],
                                "stdout: \(run.output) stderr: \(run.errors)")
        #expect((json["mode"] as? String)?.hasPrefix("sandbox http") == true)
        let invoices = try #require(json["invoices"] as? [[String: Any]])
        func invoice(_ number: String) -> [String: Any]? { invoices.first { $0["number"] as? String == number } }

        // Sent to "production" (the sandbox), accepted: 200 Déposée or a later status.
        let good = try #require(invoice("FA-2026-0101"))
        #expect(good["outcome"] as? String == "passed", "\(good)")
        let goodVerdict = try #require(good["platform"] as? [String: Any], "\(good)")
        #expect(goodVerdict["verdict"] as? String == "accepted")
        #expect(goodVerdict["acknowledgement"] as? String == "Ok")
        let status = try #require(Int(goodVerdict["status"] as? String ?? ""))
        #expect(status >= 200 && status != 213)
        #expect((goodVerdict["flowId"] as? String)?.isEmpty == false)

        // Passed our EN 16931 rules, rejected by the platform's French ones.
        let breach = try #require(invoice("FA-2026-0201"))
        #expect(breach["outcome"] as? String == "rejected", "\(breach)")
        let breachVerdict = try #require(breach["platform"] as? [String: Any], "\(breach)")
        #expect(breachVerdict["verdict"] as? String == "rejected")
        #expect(breachVerdict["status"] as? String == "213")
        let reasons = breachVerdict["reasons"] as? [[String: Any]] ?? []
        #expect(reasons.contains { $0["code"] as? String == "REJ_SEMAN" })
        #expect(reasons.contains { ($0["text"] as? String)?.contains("BR-FR") == true }, "\(reasons)")
        let rules = (breach["problems"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains("REJ_SEMAN"))

        // Caught by our rules before sending: never reaches the platform.
        let wrongTotal = try #require(invoice("FA-2026-0104"))
        #expect(wrongTotal["outcome"] as? String == "rejected")
        #expect(wrongTotal["platform"] == nil)
        // Left to the legacy channel: not sent.
        let legacy = try #require(invoice("FA-2026-0103"))
        #expect(legacy["platform"] == nil)
    }

    @Test("--sandbox without a client id is a usage error (status 2)")
    func missingClientID() throws {
        let run = try RuntimeAcceptanceCommandTests.passerelle(RuntimeAcceptanceCommandTests.example + [
            "--sandbox", "http://127.0.0.1:9",
        ])
        #expect(run.status == 2)
        #expect(run.errors.contains("--client-id"))
    }
}
