import EInvoice
import EInvoiceSyntax

/// Namespace of the generated tables (Generated/SyntaxTable+*.swift).
enum SyntaxTables {}

/// A generated table as written: the artefact it comes from, its namespace prefixes, and its lines.
struct SyntaxTableSource: Sendable {
    var name: String
    var artefact: String
    var prefixes: [String: String]
    var parts: [String]
}

/// One assertion of an official syntax rule. A class, so that the check loop passes it around
/// without copying its fields.
final class SyntaxAssertion: Sendable {
    let id: String
    let severity: Severity
    /// A schematron `report` fires when its test is true, an `assert` when it is false.
    let isReport: Bool
    let test: XPathExpression
    /// The test as a node of the table's `FastProgram`.
    let node: Int32
    let english: String
    let french: String
    /// Where to point when it fires: the `offset`-th node (0-based) of `witness` (the element that should
    /// not be there, or the one too many); nil points at the rule's context element.
    let witness: XPathExpression?
    let witnessOffset: Int

    init(
        id: String, severity: Severity, isReport: Bool, test: XPathExpression, node: Int32, english: String, french: String
    ) {
        self.id = id
        self.severity = severity
        self.isReport = isReport
        self.test = test
        self.node = node
        self.english = english
        self.french = french
        (witness, witnessOffset) = SyntaxRuleTable.witness(of: test)
    }
}

/// The assertions sharing one context; within a schematron pattern only the first rule whose context
/// matches an element checks it.
final class SyntaxRule: Sendable {
    let pattern: Int
    let priority: Int
    let context: [ContextPattern]
    let assertions: [SyntaxAssertion]
    /// The assertions' program nodes and kinds, as plain arrays for the check loop.
    let nodes: [Int32]
    let reports: [Bool]
    /// On the root element, `not(P)` and `not(P | Q)` with plain paths are answered from the trie
    /// without going through the program: the trie paths of P and Q, -1 when the assertion is not such.
    let forbiddenFirst: [Int32]
    let forbiddenSecond: [Int32]

    init(
        pattern: Int, priority: Int, context: [ContextPattern], assertions: [SyntaxAssertion],
        program: FastProgram.Builder, onRoot: Bool
    ) {
        self.pattern = pattern
        self.priority = priority
        self.context = context
        self.assertions = assertions
        self.nodes = assertions.map(\.node)
        self.reports = assertions.map(\.isReport)
        var first: [Int32] = []
        var second: [Int32] = []
        for assertion in assertions {
            var paths: [Int32] = []
            if onRoot, !assertion.isReport, case .not(let operand) = program.nodes[Int(assertion.node)],
                case .exists(let start, let count) = program.nodes[Int(operand)], count <= 2
            {
                paths = (start..<(start + count)).map { program.paths[Int($0)].triePath }
            }
            let usable = !paths.isEmpty && paths.allSatisfy { $0 >= 0 }
            first.append(usable ? paths[0] : -1)
            second.append(usable && paths.count == 2 ? paths[1] : -1)
        }
        self.forbiddenFirst = first
        self.forbiddenSecond = second
    }
}

/// A rule being read: its assertions are added line by line.
private struct RuleDraft {
    var pattern: Int
    var priority: Int
    var contextText: String
    var context: [ContextPattern]
    var assertions: [SyntaxAssertion]
}

/// A fired assertion, at the element it points at.
struct SyntaxViolation {
    var assertion: SyntaxAssertion
    var element: Int
}

/// A compiled table: its rules, the names and paths they use, and, for each element name, the rules
/// whose context can match it, ordered by pattern then priority.
struct SyntaxRuleTable: Sendable {
    let name: String
    let rules: [SyntaxRule]
    let names: SyntaxNames
    /// The table's id of each common name (`XMLTree.commonNames`).
    let commonNameIDs: [Int32]
    let trie: PathTrie
    /// The tests and context conditions in their fast form.
    let program: FastProgram
    /// The rules to try on an element, by name id (the last slot serves elements the table never names),
    /// in pattern then priority order: those of slot `s` are `candidateRules[candidateStart[s]..<candidateStart[s + 1]]`.
    /// With what the check loop reads of each rule as plain arrays: its pattern, and the trie node an
    /// element must be at when its context is a single plain absolute path (-1 otherwise).
    let candidateStart: [Int32]
    let candidateRules: [Int32]
    let rulePatterns: [Int32]
    let ruleTrieNodes: [Int32]
    /// What the check loop reads of the rules, as plain arrays (no rule object is retained in the loop).
    let ruleArrays: RuleArrays
    /// Every rule id of the table, in table order.
    let ruleIDs: [String]
    /// Lines that could not be read (a test asserts there are none).
    let loadErrors: [String]

    init(_ source: SyntaxTableSource) {
        var compiler = SyntaxCompiler(prefixes: source.prefixes)
        var drafts: [RuleDraft] = []
        var ids: [String] = []
        var seen: Set<String> = []
        var errors: [String] = []
        for line in source.parts.joined(separator: "\n").split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 10, let pattern = Int(fields[2]), let priority = Int(fields[3]) else {
                errors.append("malformed line: \(line.prefix(60))")
                continue
            }
            do throws(SyntaxCompiler.CompileError) {
                let contextText = String(fields[5])
                let sameRule = drafts.last.map {
                    $0.pattern == pattern && $0.priority == priority && $0.contextText == contextText
                } ?? false
                let context = sameRule ? (drafts.last?.context ?? []) : try compiler.compileContext(Self.read(fields[5]))
                let test = try compiler.compile(Self.read(fields[6]), atRoot: Self.isRoot(context))
                let assertion = SyntaxAssertion(
                    id: String(fields[0]), severity: fields[1] == "warning" ? .warning : .fatal, isReport: fields[4] == "r",
                    test: test, node: compiler.program.add(test), english: String(fields[8]), french: String(fields[9]))
                if sameRule {
                    drafts[drafts.count - 1].assertions.append(assertion)
                } else {
                    drafts.append(
                        RuleDraft(pattern: pattern, priority: priority, contextText: contextText, context: context,
                                  assertions: [assertion]))
                }
                if seen.insert(assertion.id).inserted { ids.append(assertion.id) }
            } catch {
                errors.append("\(fields[0]): \(error)")
            }
        }
        let rules = drafts.map {
            SyntaxRule(
                pattern: $0.pattern, priority: $0.priority, context: $0.context, assertions: $0.assertions,
                program: compiler.program, onRoot: Self.isRoot($0.context))
        }
        let slots = Int(compiler.names.count) + 1
        var candidates = [[Int32]](repeating: [], count: slots)
        let order = rules.indices.sorted {
            (rules[$0].pattern, -rules[$0].priority, $0) < (rules[$1].pattern, -rules[$1].priority, $1)
        }
        for index in order {
            var targets: Set<Int> = []
            for alternative in rules[index].context {
                guard let last = alternative.steps.last else { continue }
                if let name = last.name {
                    targets.insert(Int(name))
                } else {
                    // `*[ends-with(name(), 'Amount')]`: only names that can pass the name conditions.
                    targets.insert(slots - 1)
                    for slot in 0..<(slots - 1)
                    where Self.mayPass(last.predicates, localName: compiler.names.localNames[slot]) {
                        targets.insert(slot)
                    }
                }
            }
            for slot in targets.sorted() { candidates[slot].append(Int32(index)) }
        }
        self.name = source.name
        self.rules = rules
        self.names = compiler.names
        commonNameIDs = compiler.names.commonIDs()
        compiler.trie.freeze()
        self.program = FastProgram(compiler.program)
        self.trie = compiler.trie
        var start: [Int32] = [0]
        for list in candidates { start.append(start[start.count - 1] + Int32(list.count)) }
        self.candidateStart = start
        self.candidateRules = candidates.flatMap { $0 }
        self.rulePatterns = rules.map { Int32($0.pattern) }
        self.ruleTrieNodes = rules.map { rule in
            guard rule.context.count == 1, rule.context[0].trieNode >= 0 else { return -1 }
            return rule.context[0].trieNode
        }
        ruleArrays = RuleArrays(rules)
        self.ruleIDs = ids
        self.loadErrors = errors
    }

    private static func read(_ field: Substring) throws(SyntaxCompiler.CompileError) -> SExpression {
        do {
            return try SExpression.read(field)
        } catch {
            throw SyntaxCompiler.CompileError(message: error.message)
        }
    }

    /// Whether every alternative of a context is the root element (`/ubl:Invoice | /cn:CreditNote`).
    private static func isRoot(_ context: [ContextPattern]) -> Bool {
        !context.isEmpty && context.allSatisfy { $0.absolute && $0.steps.count == 1 && !$0.steps[0].anywhereBelow }
    }

    /// False when a condition on `name()` alone already rules an element name out.
    static func mayPass(_ predicates: [Predicate], localName: String) -> Bool {
        predicates.allSatisfy { predicate in
            guard case .condition(let condition) = predicate else { return true }
            return nameCondition(condition, localName) ?? true
        }
    }

    /// The value of a condition on `name()` for an element of that local name; nil when the condition
    /// depends on more than the name. A suffix without `:` cannot reach into the prefix of `name()`.
    private static func nameCondition(_ condition: XPathExpression, _ localName: String) -> Bool? {
        switch condition {
        case .function(.endsWith, let arguments):
            guard arguments.count == 2, case .function(.name, let inner) = arguments[0], inner.isEmpty,
                case .string(let suffix) = arguments[1], !suffix.contains(":")
            else { return nil }
            return SyntaxEvaluator.hasSuffix(localName, suffix)
        case .function(.not, let arguments):
            guard let inner = arguments.first else { return nil }
            return nameCondition(inner, localName).map { !$0 }
        case .and(let lhs, let rhs):
            let left = nameCondition(lhs, localName)
            let right = nameCondition(rhs, localName)
            if left == false || right == false { return false }
            if left == true, right == true { return true }
            return nil
        default:
            return nil
        }
    }

    /// `not(P)` points at the first node of P, `count(P) <= n` at the (n+1)-th.
    static func witness(of test: XPathExpression) -> (XPathExpression?, Int) {
        if case .function(.not, let arguments) = test, let path = arguments.first, path.isNodeSet { return (path, 0) }
        if case .comparison(.lessOrEqual, .function(.count, let arguments), .number(let limit)) = test,
            let path = arguments.first, path.isNodeSet, limit >= .zero, limit < ExactDecimal(1000)
        {
            return (path, Int(limit.withFractionDigits(0).mantissa))
        }
        return (nil, 0)
    }
}

extension XPathExpression {
    var isNodeSet: Bool {
        switch self {
        case .path(let path): !path.mapsToValues
        case .union(let items): items.allSatisfy(\.isNodeSet)
        case .filter(let inner, _): inner.isNodeSet
        default: false
        }
    }
}

/// The rules of a table as flat arrays: rule `r`'s context alternatives are `contexts[contextStart[r]..<contextStart[r + 1]]`
/// and its assertions `assertionStart[r]..<assertionStart[r + 1]` of the assertion arrays.
final class RuleArrays: Sendable {
    let contextStart: [Int32]
    let contexts: [ContextPattern]
    /// Whether the rule's one context is a plain absolute path without conditions: the element's trie node
    /// alone decides whether it matches.
    let decidedByTrie: [Bool]
    let assertionStart: [Int32]
    let nodes: [Int32]
    let reports: [Bool]
    let forbiddenFirst: [Int32]
    let forbiddenSecond: [Int32]
    /// The context alternatives as flat arrays, for matching without copying a pattern: alternative `c` is
    /// absolute or not, has a trie node (-1 for none) and conditions, and its steps are
    /// `contextStepStart[c]..<contextStepStart[c + 1]` of the step arrays.
    let contextAbsolute: [Bool]
    let contextTrieNode: [Int32]
    let contextHasConditions: [Bool]
    let contextStepStart: [Int32]
    /// Per step: the name id it requires (-1 for `*`), whether it is `//name`, and its condition's program node
    /// (-1 for none).
    let stepName: [Int32]
    let stepAnywhereBelow: [Bool]
    let stepCondition: [Int32]

    init(_ rules: [SyntaxRule]) {
        var contextStart: [Int32] = [0]
        var assertionStart: [Int32] = [0]
        for rule in rules {
            contextStart.append(contextStart[contextStart.count - 1] + Int32(rule.context.count))
            assertionStart.append(assertionStart[assertionStart.count - 1] + Int32(rule.assertions.count))
        }
        self.contextStart = contextStart
        self.assertionStart = assertionStart
        contexts = rules.flatMap(\.context)
        decidedByTrie = rules.map { $0.context.count == 1 && $0.context[0].trieNode >= 0 && !$0.context[0].hasConditions }
        nodes = rules.flatMap(\.nodes)
        reports = rules.flatMap(\.reports)
        forbiddenFirst = rules.flatMap(\.forbiddenFirst)
        forbiddenSecond = rules.flatMap(\.forbiddenSecond)
        contextAbsolute = contexts.map(\.absolute)
        contextTrieNode = contexts.map(\.trieNode)
        contextHasConditions = contexts.map(\.hasConditions)
        var stepStart: [Int32] = [0]
        for context in contexts { stepStart.append(stepStart[stepStart.count - 1] + Int32(context.steps.count)) }
        contextStepStart = stepStart
        let steps = contexts.flatMap(\.steps)
        stepName = steps.map { $0.name ?? -1 }
        stepAnywhereBelow = steps.map(\.anywhereBelow)
        // A step with predicates has them as one condition node (positional predicates are refused in contexts).
        stepCondition = steps.map { $0.predicates.isEmpty ? -1 : $0.condition }
    }
}
