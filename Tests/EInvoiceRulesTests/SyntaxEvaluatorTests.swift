import EInvoiceSyntax
import Foundation
import Testing

@testable import EInvoiceRules

/// The evaluator on small documents with hand-written tables, and its fast form against the general one.
@Suite struct SyntaxEvaluatorTests {
    static let prefixes = ["a": "urn:test:a"]

    /// A one-rule table on the root element `a:Doc`: the test fails (fires) when `test` is false.
    func fires(_ test: String, on body: String, context: String = "(path / (child a:Doc))") throws -> [Int] {
        let line = ["T-1", "fatal", "1", "1000", "a", context, test, "custom", "en", "fr"].joined(separator: "\t")
        let table = SyntaxRuleTable(SyntaxTableSource(name: "test", artefact: "test", prefixes: Self.prefixes, parts: [line]))
        #expect(table.loadErrors.isEmpty, "\(table.loadErrors)")
        let tree = try SafeXMLParser().parse("<a:Doc xmlns:a=\"urn:test:a\">\(body)</a:Doc>")
        let fast = table.check(tree).map(\.element)
        let general = table.check(tree, fast: false).map(\.element)
        #expect(fast == general, "fast and general evaluation disagree on \(test)")
        return fast
    }

    @Test func countsAndForbiddenChildren() throws {
        let twice = "<a:X>1</a:X>\n<a:X>2</a:X>"
        #expect(try fires("(<= (call count (path . (child a:X))) #1)", on: twice) == [2])  // points at the second X
        #expect(try fires("(<= (call count (path . (child a:X))) #1)", on: "<a:X/>").isEmpty)
        #expect(try fires("(= (call count (path . (child a:X))) #1)", on: "").isEmpty == false)
        #expect(try fires("(call not (path . (child a:X) (child a:Y)))", on: "<a:X><a:Y/></a:X>") == [2])
        #expect(try fires("(call not (path . (child a:X) (child a:Y)))", on: "<a:X/><a:Y/>").isEmpty)
    }

    @Test func attributes() throws {
        #expect(try fires("(path . (child a:X) (attr id))", on: "<a:X id=\"1\"/>").isEmpty)
        #expect(try fires("(path . (child a:X) (attr id))", on: "<a:X other=\"1\"/>") == [0])
        #expect(try fires("(call not (path / (dos :node) (attr bad)))", on: "<a:X><a:Y bad=\"\"/></a:X>") == [2])
    }

    @Test func generalComparisonsFollowXPath2() throws {
        // untyped text against a number compares numerically, against a string as text
        #expect(try fires("(= (path . (child a:X)) #10)", on: "<a:X>10.0</a:X>").isEmpty)
        #expect(try fires("(= (path . (child a:X)) \"10\")", on: "<a:X>10.0</a:X>") == [0])
        // some pair compares true
        #expect(try fires("(= (path . (child a:X)) \"b\")", on: "<a:X>a</a:X><a:X>b</a:X>").isEmpty)
        // != is true when some pair differs, false on an empty side
        #expect(try fires("(!= (path . (child a:X)) \"a\")", on: "<a:X>a</a:X><a:X>b</a:X>").isEmpty)
        #expect(try fires("(!= (path . (child a:X)) \"a\")", on: "") == [0])
        // an untyped value and a boolean
        #expect(try fires("(= (path . (child a:X)) (call false))", on: "<a:X>false</a:X>").isEmpty)
    }

    @Test func functionsOnText() throws {
        let decimals = "(<= (call string-length (call substring-after (path . (child a:X)) \".\")) #2)"
        #expect(try fires(decimals, on: "<a:X>1.25</a:X>").isEmpty)
        #expect(try fires(decimals, on: "<a:X>1.255</a:X>") == [0])
        #expect(try fires("(= (call upper-case (path . (child a:X))) \"VAT\")", on: "<a:X>vat</a:X>").isEmpty)
        #expect(try fires("(call normalize-space (path . (child a:X)))", on: "<a:X> \n </a:X>") == [0])
        #expect(try fires("(call ends-with (call name) \"Doc\")", on: "").isEmpty)
    }

    @Test func distinctValuesWithThePrecedingAxis() throws {
        let test = "(<= (call count (path / (desc a:P (call not (= (path . (preceding a:P)) (path .)))))) #1)"
        #expect(try fires(test, on: "<a:P>1</a:P><a:Q><a:P>1</a:P></a:Q>").isEmpty)
        // two distinct values: reported at the second node counted (the P inside Q)
        #expect(try fires(test, on: "<a:P>1</a:P><a:Q><a:P>2</a:P></a:Q>") == [3])
    }

    @Test func aFunctionStepMapsEveryNode() throws {
        let test = "(<= (call count (path . (child a:S (= (path . (child a:T) (map (call upper-case (path .)))) \"VAT\")))) #1)"
        #expect(try fires(test, on: "<a:S><a:T>vat</a:T></a:S><a:S><a:T>GST</a:T></a:S>").isEmpty)
        #expect(try fires(test, on: "<a:S><a:T>vat</a:T></a:S><a:S><a:T>VAT</a:T></a:S>") == [3])
    }

    @Test func aFilterTakesThePositionInTheWholeSequence() throws {
        let test = "(= (call count (path / (desc a:T (!= (path .) (filter (path / (desc a:T)) #1))))) #0)"
        #expect(try fires(test, on: "<a:X><a:T>1</a:T></a:X><a:X><a:T>1</a:T></a:X>").isEmpty)
        #expect(try fires(test, on: "<a:X><a:T>1</a:T></a:X><a:X><a:T>2</a:T></a:X>") == [0])
    }

    @Test func contextConditionsSelectTheElements() throws {
        let context = "(path / (child a:Doc) (child a:R (= (path . (child a:Code)) \"130\")))"
        let body = "<a:R><a:Code>130</a:Code></a:R><a:R><a:Code>50</a:Code></a:R>"
        #expect(try fires("(path . (child a:Name))", on: body, context: context) == [1])
        let wildcard = "(path / (desc * (and (call not (path . (child *))) (call not (call normalize-space)))))"
        #expect(try fires("(path . (child false))", on: "<a:X><a:Y> </a:Y><a:Z>1</a:Z></a:X>", context: wildcard) == [2])
    }

    @Test func onlyTheFirstMatchingRuleOfAPatternChecksAnElement() throws {
        let first = ["T-1", "fatal", "1", "1001", "a", "(path / (desc a:X))", "(call false)", "custom", "en", "fr"]
        let second = ["T-2", "fatal", "1", "1000", "a", "(path / (desc a:X))", "(call false)", "custom", "en", "fr"]
        let other = ["T-3", "fatal", "2", "1000", "a", "(path / (desc a:X))", "(call false)", "custom", "en", "fr"]
        let table = SyntaxRuleTable(SyntaxTableSource(
            name: "t", artefact: "t", prefixes: Self.prefixes,
            parts: [[second, first, other].map { $0.joined(separator: "\t") }.joined(separator: "\n")]))
        let tree = try SafeXMLParser().parse("<a:Doc xmlns:a=\"urn:test:a\"><a:X/></a:Doc>")
        #expect(table.check(tree).map(\.assertion.id).sorted() == ["T-1", "T-3"])
    }

    @Test func malformedLinesAreReportedNotDropped() {
        let table = SyntaxRuleTable(SyntaxTableSource(
            name: "t", artefact: "t", prefixes: Self.prefixes,
            parts: ["X-1\tfatal\t1\t1\ta\t(path / (child b:Doc))\t(call false)\tcustom\ten\tfr\nX-2\tfatal"]))
        #expect(table.loadErrors.count == 2)
        #expect(table.ruleIDs.isEmpty)
    }

    /// The fast program and the general evaluator agree on every corpus invoice, for every table.
    @Test func fastAndGeneralEvaluationAgreeOnTheCorpus() throws {
        let paths = SyntaxTestSupport.files(in: "en16931/cii") + SyntaxTestSupport.files(in: "en16931/ubl")
            + SyntaxTestSupport.files(in: "zugferd/XML-Rechnung/CII") + SyntaxTestSupport.files(in: "zugferd/XML-Rechnung/UBL")
        #expect(paths.count > 40)
        for path in paths {
            let tree = try SyntaxTestSupport.parsed(try SyntaxTestSupport.text(path)).tree
            for table in CompiledSyntaxTables.all {
                let fast = table.check(tree).map { "\($0.assertion.id)@\($0.element)" }
                let general = table.check(tree, fast: false).map { "\($0.assertion.id)@\($0.element)" }
                #expect(fast == general, "\(table.name) on \(path)")
            }
        }
    }
}
