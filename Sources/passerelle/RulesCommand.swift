import ArgumentParser
import EInvoiceRules
import Foundation

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules Passerelle implements, by group.")

    @Option(help: "Output format: text or json.")
    var format: ValidateCommand.OutputFormat = .text

    func run() throws {
        let groups = RuleGroups.all
        switch format {
        case .json:
            struct Listing: Encodable {
                let implemented: [String]
                let groups: [String: [String]]
            }
            let listing = Listing(
                implemented: Array(Set(groups.flatMap(\.ruleIDs))).sorted(),
                groups: Dictionary(groups.map { ($0.name, $0.ruleIDs) }, uniquingKeysWith: +))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(listing), as: UTF8.self))
        case .text:
            for group in groups {
                print("\(group.name) (\(group.ruleIDs.count)): \(group.ruleIDs.joined(separator: " "))")
            }
            print("total: \(Set(groups.flatMap(\.ruleIDs)).count) rules")
        }
    }
}
