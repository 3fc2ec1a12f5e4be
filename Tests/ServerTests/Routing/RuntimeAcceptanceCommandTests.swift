import Foundation
import Testing

@Suite("Acceptance command: the example sample through the built passerelle")
struct RuntimeAcceptanceCommandTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the built `passerelle` with `arguments` from the repository root; output through files (no pipe limit).
    static func passerelle(_ arguments: [String]) throws -> Run {
        let binary = try #require(RuntimeTestPaths.passerelleBinary, "build the executable first (swift build)")
        let folder = RuntimeTemporaryFolder()
        let outPath = folder.path("out.txt")
        let errPath = folder.path("err.txt")
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = RuntimeTestPaths.repositoryRoot
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        process.waitUntilExit()
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Run(status: process.terminationStatus, output: output, errors: errors)
    }

    static let example = [
        "acceptance", "--routing", "examples/acceptance/routing.yaml",
        "--mapping", "examples/acceptance/export-erp.mapping.yaml", "examples/acceptance/samples",
    ]

    @Test func theJSONReportSaysWhatPassesWhatIsRejectedAndWhereEachInvoiceGoes() throws {
        let run = try Self.passerelle(Self.example + ["--format", "json"])
        // One sample invoice has a wrong grand total: the run must say so with a non-zero status.
        #expect(run.status == 1, "stderr: \(run.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let invoices = try #require(json["invoices"] as? [[String: Any]])
        func invoice(_ number: String) -> [String: Any]? { invoices.first { $0["number"] as? String == number } }

        let wrong = try #require(invoice("FA-2026-0104"))
        #expect(wrong["outcome"] as? String == "rejected")
        let rules = (wrong["problems"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains("BR-CO-15"))
        let message = (wrong["problems"] as? [[String: Any]] ?? []).first { $0["rule"] as? String == "BR-CO-15" }?["message"]
        #expect((message as? String)?.isEmpty == false)

        let town = try #require(invoice("FA-2026-0102"))
        #expect(town["outcome"] as? String == "passed")
        let townRoute = try #require(town["route"] as? [String: Any])
        #expect(townRoute["target"] as? String == "chorus-pro")
        #expect(townRoute["format"] as? String == "UBL")
        #expect(townRoute["processing"] as? String == "B2G")
        #expect(townRoute["ruleNumber"] as? Int == 1)
        #expect((town["dispatch"] as? String)?.hasPrefix("dry run: would send to chorus-pro as UBL EN16931") == true)

        let pilot = try #require(invoice("FA-2026-0101"))
        #expect(pilot["outcome"] as? String == "passed")
        #expect((pilot["route"] as? [String: Any])?["format"] as? String == "Factur-X")
        #expect((pilot["route"] as? [String: Any])?["ruleID"] as? String == "pilot-customers")

        // The ERP export's invoices are there, with their lines.
        let exported = invoices.filter { ($0["source"] as? String)?.contains("export-erp.csv, lines") == true }
        #expect(exported.count == 2)

        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["invoices"] as? Int == invoices.count)
        #expect(totals["rejected"] as? Int == invoices.filter { $0["outcome"] as? String == "rejected" }.count)
        #expect((totals["byRule"] as? [String: Int])?["BR-CO-15"] == 1)
    }

    @Test func theTextAndMarkdownReportsReadWell() throws {
        let text = try Self.passerelle(Self.example)
        #expect(text.status == 1)
        #expect(text.output.contains("REJECTED invoice FA-2026-0104"))
        #expect(text.output.contains("[BR-CO-15]"))
        #expect(text.output.contains("→ route: chorus-pro as UBL EN16931, B2G, rule 1 (public-buyers)"))
        #expect(text.output.contains("would be rejected"))
        let markdown = try Self.passerelle(Self.example + ["--format", "markdown"])
        #expect(markdown.output.hasPrefix("# Acceptance report"))
        #expect(markdown.output.contains("| Invoice | Source | Outcome | Target | Format | Processing | Rule |"))
        #expect(markdown.output.contains("### Invoice FA-2026-0104 (rejected)"))
    }

    @Test func onlyGoodInvoicesExitZeroAndABadRoutingFileExitsTwoWithItsLocation() throws {
        let good = try Self.passerelle([
            "acceptance", "--routing", "examples/acceptance/routing.yaml",
            "examples/acceptance/samples/fa-2026-0102-ville-de-lyon.xml",
        ])
        #expect(good.status == 0, "stdout: \(good.output) stderr: \(good.errors)")
        #expect(good.output.contains("1 invoices: 1 passed"))

        let folder = RuntimeTemporaryFolder()
        let bad = folder.path("routing.yaml")
        FileManager.default.createFile(atPath: bad, contents: Data("routing:\n  default:\n    taget: legacy\n".utf8))
        let run = try Self.passerelle(["acceptance", "--routing", bad, "examples/acceptance/samples"])
        #expect(run.status == 2)
        #expect(run.errors.contains("routing.yaml:3: routing.default.taget: is not a field here; did you mean target?"))
    }
}
