import EInvoiceSyntax
import Foundation
import Testing

@testable import EInvoiceRules

/// The French seeds and the conformance mutations made from them: every BR-FR rule id fires on its minimal break.
@Suite("BR-FR rules on the French seeds and their mutations")
struct FranceMutationTests {
    static let mutations: [FranceMutations.Mutation] = (try? FranceMutations.load()) ?? []

    static let implemented = Set(RuleGroups.france.flatMap(\.ruleIDs))

    @Test("the seeds are valid French invoices", arguments: ["fr-cii.xml", "fr-ubl.xml", "fr-ubl-creditnote.xml"])
    func seedsPass(seed: String) throws {
        let findings = try FranceTestSupport.findings(try FranceTestSupport.seed(seed))
        #expect(findings.map(\.ruleID) == [])
    }

    @Test("the mutation file names every implemented rule and nothing else")
    func mutationsCoverEveryRule() {
        let expected = Set(Self.mutations.flatMap(\.expect))
        #expect(Self.mutations.count > 300)
        #expect(Self.implemented.subtracting(expected).sorted() == [], "implemented but never broken")
        #expect(expected.subtracting(Self.implemented).sorted() == [], "broken but not implemented")
        #expect(Set(Self.mutations.map(\.id)).count == Self.mutations.count, "mutation ids are unique")
    }

    @Test("each group lists 197 distinct ids between them, none twice")
    func groupsPartitionTheRules() {
        let all = RuleGroups.france.flatMap(\.ruleIDs)
        #expect(all.count == 197)
        #expect(Set(all).count == all.count)
        #expect(RuleGroups.france.allSatisfy { $0.appliesTo(.fr) && !$0.appliesTo(.en16931) })
    }

    @Test("a mutation fires the rules it names", arguments: mutations)
    func mutationFires(_ mutation: FranceMutations.Mutation) throws {
        let parsed = try FranceTestSupport.parsed(try FranceMutations.apply(mutation))
        let findings = FranceTestSupport.validator.validate(parsed)
        let reported = Set(findings.map(\.ruleID))
        for id in mutation.expect {
            #expect(reported.contains(id), "\(mutation.id): \(id) not reported; reported \(reported.sorted())")
        }
        // Each group reports only the ids it declares, with a location and messages in both languages.
        for group in RuleGroups.france {
            let own = Validator(ruleSet: .fr, groups: [group]).validate(parsed)
            #expect(Set(own.map(\.ruleID)).isSubset(of: Set(group.ruleIDs)), "\(group.name) reports undeclared ids")
        }
        for finding in findings {
            #expect(finding.location != nil && !finding.terms.isEmpty)
            #expect(!finding.message.english.isEmpty && !finding.message.french.isEmpty)
        }
    }

    @Test("a finding points at the element that breaks the rule")
    func findingLocation() throws {
        let mutation = try #require(Self.mutations.first { $0.id == "BR-FR-16_BT-152-cii" })
        let findings = try FranceTestSupport.findings(try FranceMutations.apply(mutation))
        let finding = try #require(findings.first { $0.ruleID == "BR-FR-16_BT-152" })
        #expect(
            finding.location?.xpath
                == "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[2]"
                + "/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax")
        #expect(finding.terms == ["BT-152"])
        #expect(finding.message.english.contains("not a French VAT rate"))
        #expect(finding.message.french.contains("taux de TVA"))
    }

    @Test("the French rules stay silent outside the French rule set")
    func notInEN16931() throws {
        let mutation = try #require(Self.mutations.first { $0.id == "BR-FR-08_BT-23-cii" })
        let parsed = try FranceTestSupport.parsed(try FranceMutations.apply(mutation))
        #expect(Validator(ruleSet: .en16931, groups: RuleGroups.france).validate(parsed).isEmpty)
        #expect(FranceTestSupport.validator.validate(parsed).map(\.ruleID) == ["BR-FR-08_BT-23"])
    }
}
