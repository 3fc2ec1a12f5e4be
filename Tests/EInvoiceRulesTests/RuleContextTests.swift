import EInvoice
import EInvoiceSyntax
import Testing
@testable import EInvoiceRules

@Suite("Rule context")
struct RuleContextTests {
    func parsed() throws -> ParsedInvoice {
        let tree = try SafeXMLParser().parse("""
            <Invoice>
              <ID>F-1</ID>
              <Line><Amount>12</Amount></Line>
              <Line><Amount>13</Amount></Line>
            </Invoice>
            """)
        let lines = tree.children(of: 0, named: "Line")
        return ParsedInvoice(
            invoice: Invoice(), syntax: .ublInvoice, tree: tree,
            sourceMap: ["BT-1": try #require(tree.child(of: 0, named: "ID")), "BG-25[1]": lines[1]], notCarried: [])
    }

    @Test func locatesATermOrItsNearestGroup() throws {
        var context = RuleContext(parsed: try parsed())
        context.report("BR-02", terms: ["BT-1"], at: "BT-1", en: "e", fr: "f")
        context.report("BR-24", terms: ["BT-131"], at: "BG-25[1]/BT-131", en: "e", fr: "f")
        context.report("BR-01", terms: ["BT-24"], at: "BT-24", en: "e", fr: "f")
        #expect(context.findings.map(\.location?.line) == [2, 4, 1])
        #expect(context.findings[1].location?.xpath == "/Invoice/Line[2]")
        #expect(context.findings[2].location?.xpath == "/Invoice")
    }

    @Test func validatorRunsOnlyTheGroupsOfItsRuleSetAndNeverStopsEarly() throws {
        let always = RuleGroup(name: "always", ruleIDs: ["A-1", "A-2"]) { context in
            context.report("A-1", terms: [], en: "one", fr: "un")
            context.report("A-2", .warning, terms: [], en: "two", fr: "deux")
        }
        let french = RuleGroup(name: "french", ruleIDs: ["F-1"], appliesTo: { $0 == .fr }) { context in
            context.report("F-1", terms: [], en: "fr", fr: "fr")
        }
        let invoice = Invoice()
        #expect(Validator(ruleSet: .en16931, groups: [always, french]).validate(invoice).map(\.ruleID) == ["A-1", "A-2"])
        #expect(Validator(ruleSet: .fr, groups: [always, french]).validate(invoice).map(\.ruleID) == ["A-1", "A-2", "F-1"])
        #expect(Validator(ruleSet: .fr, groups: [always, french]).implementedRuleIDs == ["A-1", "A-2", "F-1"])
    }
}
