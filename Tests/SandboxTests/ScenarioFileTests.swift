import EInvoice
import Foundation
import Sandbox
import Testing

@Suite("Sandbox scenario files")
struct ScenarioFileTests {
    @Test("the example scenario loads: transmission, three buyers, five random paths")
    func exampleLoads() throws {
        let scenario = try ScenarioFile.load(
            path: Fixtures.repositoryRoot.appendingPathComponent("examples/sandbox/scenario.yaml").path)
        #expect(scenario.transmission.map(\.status.code) == ["200", "201", "202", "203"])
        #expect(scenario.transmission.map(\.after) == [1, 30, 60, 60])
        #expect(scenario.buyers.count == 3)
        #expect(scenario.buyers[0].steps?.map(\.status.code) == ["204", "207", "205", "211", "211", "212"])
        #expect(scenario.buyers[0].steps?[3].payment == .percent(40))
        #expect(scenario.buyers[2].steps == nil)
        #expect(scenario.random?.paths.count == 5)
        #expect(scenario.acknowledgementDelay == 2)
    }

    @Test("mistakes are reported with their line and what to write instead")
    func locatedErrors() {
        let cases: [(String, String)] = [
            ("transmission:\n  - {status: 204, after: 1s}\n", "2:"),
            ("buyers:\n  - match: {siren: \"1\"}\n    steps:\n      - {status: 299}\n", "not a lifecycle status"),
            ("random:\n  paths:\n    - {weight: 1, steps: [\"211:abc\"]}\n", "not a payment"),
            ("transmision: []\n", "unknown key"),
            ("acknowledgementDelay: soon\n", "not a duration"),
        ]
        for (text, expected) in cases {
            #expect(throws: ConfigurationFileError.self, "\(text)") { _ = try ScenarioFile.parse(text) }
            do {
                _ = try ScenarioFile.parse(text, file: "s.yaml")
            } catch {
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
    }
}
