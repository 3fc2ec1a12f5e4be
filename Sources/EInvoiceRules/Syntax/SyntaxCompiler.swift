import EInvoice

/// Turns the S-expressions of a generated table into `XPathExpression`s, naming elements by id.
struct SyntaxCompiler {
    struct CompileError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    let prefixes: [String: String]
    var names = SyntaxNames()
    var trie = PathTrie()
    var program = FastProgram.Builder()

    /// A rule context: a union of location paths of child and `//` steps.
    mutating func compileContext(_ expression: SExpression) throws(CompileError) -> [ContextPattern] {
        let items = expression.items
        if items.first?.atomText == "|" {
            var alternatives: [ContextPattern] = []
            for item in items.dropFirst() { alternatives += try compileContext(item) }
            return alternatives
        }
        guard items.first?.atomText == "path", items.count >= 3, let start = items[1].atomText else {
            throw CompileError(message: "context is not a path")
        }
        var steps: [ContextPattern.Step] = []
        for item in items.dropFirst(2) {
            let parts = item.items
            guard parts.count >= 2, let axis = parts[0].atomText, let test = parts[1].atomText,
                axis == "child" || axis == "desc"
            else { throw CompileError(message: "context step \(item)") }
            let name: Int32? = test == "*" ? nil : try elementName(test)
            if parts.dropFirst(2).contains(where: { if case .number = $0 { true } else { false } }) {
                throw CompileError(message: "positional predicate in a context")
            }
            let predicates = try parts.dropFirst(2).map { (part) throws(CompileError) in try predicate(part) }
            var condition: Int32 = -1
            let expressions = predicates.compactMap { if case .condition(let e) = $0 { e } else { nil } }
            if let first = expressions.first {
                condition = program.add(expressions.dropFirst().reduce(first) { .and($0, $1) })
            }
            steps.append(ContextPattern.Step(anywhereBelow: axis == "desc", name: name, predicates: predicates, condition: condition))
        }
        let absolute = start == "/"
        if absolute, let first = steps.first, !first.anywhereBelow, steps.count == 1, let name = first.name {
            trie.addRoot(name)
        }
        var pattern = ContextPattern(absolute: absolute, steps: steps)
        let names = steps.compactMap { $0.anywhereBelow ? nil : $0.name }
        if absolute, names.count == steps.count {
            pattern.trieNode = trie.registerAbsolute(names)
            pattern.hasConditions = steps.contains { $0.condition >= 0 }
        }
        return [pattern]
    }

    /// A test or value. `atRoot` says the expression is evaluated on the root element, so that plain
    /// child paths can be answered from the path trie.
    mutating func compile(_ expression: SExpression, atRoot: Bool) throws(CompileError) -> XPathExpression {
        switch expression {
        case .string(let text):
            return .string(text)
        case .number(let text):
            guard let value = try? ExactDecimal(parsing: text) else { throw CompileError(message: "number \(text)") }
            return .number(value)
        case .atom(let text):
            throw CompileError(message: "unexpected atom \(text)")
        case .list(let items):
            guard let head = items.first?.atomText else { throw CompileError(message: "empty list") }
            let arguments = Array(items.dropFirst())
            func operand(_ index: Int) throws(CompileError) -> XPathExpression {
                guard index < arguments.count else { throw CompileError(message: "\(head) needs an operand") }
                return try compile(arguments[index], atRoot: atRoot)
            }
            switch head {
            case "path": return .path(try path(arguments, atRoot: atRoot))
            case "seq": return .sequence(try arguments.map { (item) throws(CompileError) in try compile(item, atRoot: atRoot) })
            case "filter":
                return .filter(try operand(0), try arguments.dropFirst().map { (item) throws(CompileError) in try predicate(item) })
            case "call":
                guard let name = arguments.first?.atomText, let function = XPathFunction(rawValue: name) else {
                    throw CompileError(message: "function \(arguments.first.map { "\($0)" } ?? "")")
                }
                return .function(function, try arguments.dropFirst().map { (item) throws(CompileError) in try compile(item, atRoot: atRoot) })
            case "|": return .union([try operand(0), try operand(1)])
            case "and": return .and(try operand(0), try operand(1))
            case "or": return .or(try operand(0), try operand(1))
            case "neg": return .negate(try operand(0))
            default:
                if let comparison = Self.comparisons[head] { return .comparison(comparison, try operand(0), try operand(1)) }
                if let arithmetic = Self.arithmetic[head] { return .arithmetic(arithmetic, try operand(0), try operand(1)) }
                throw CompileError(message: "operator \(head)")
            }
        }
    }

    private static let comparisons: [String: Comparison] = [
        "=": .equal, "eq": .equal, "!=": .notEqual, "ne": .notEqual, "<": .less, "lt": .less,
        "<=": .lessOrEqual, "le": .lessOrEqual, ">": .greater, "gt": .greater, ">=": .greaterOrEqual, "ge": .greaterOrEqual,
    ]
    private static let arithmetic: [String: Arithmetic] = [
        "+": .plus, "-": .minus, "*": .times, "div": .divide, "mod": .modulo,
    ]

    private mutating func path(_ arguments: [SExpression], atRoot: Bool) throws(CompileError) -> LocationPath {
        guard let first = arguments.first else { throw CompileError(message: "empty path") }
        let start: LocationPath.Start
        switch first.atomText {
        case ".": start = .context
        case "/": start = .document
        default: start = .expression(try compile(first, atRoot: atRoot))
        }
        var steps: [Step] = []
        for item in arguments.dropFirst() { steps.append(try step(item)) }
        // `//@name` reads the document's attributes of that name from the index: give the name an id
        for index in steps.indices.dropFirst() where steps[index - 1].axis == .descendantOrSelf {
            if case .attribute(let name, _) = steps[index].test {
                steps[index].test = .attribute(name, names.internAttribute(name))
            }
        }
        var result = LocationPath(start: start, steps: steps)
        if atRoot, case .context = start, !steps.isEmpty {
            var ids: [Int32] = []
            for step in steps {
                guard case .child = step.axis, case .element(let id) = step.test, step.predicates.isEmpty, id >= 0 else {
                    return result
                }
                ids.append(id)
            }
            result.triePath = trie.register(ids)
        }
        return result
    }

    private mutating func step(_ item: SExpression) throws(CompileError) -> Step {
        let parts = item.items
        guard let axisName = parts.first?.atomText else { throw CompileError(message: "step \(item)") }
        if axisName == "map" {
            guard parts.count == 2 else { throw CompileError(message: "map step \(item)") }
            return Step(axis: .this, test: .anyNode, predicates: [], map: try compile(parts[1], atRoot: false))
        }
        guard parts.count >= 2, let testName = parts[1].atomText else { throw CompileError(message: "step \(item)") }
        let axis: Step.Axis
        switch axisName {
        case "child": axis = .child
        case "desc", "descendant": axis = .descendant
        case "dos": axis = .descendantOrSelf
        case "attr": axis = .attribute
        case "parent": axis = .parent
        case "self": axis = .this
        case "ancestor": axis = .ancestor
        case "preceding": axis = .preceding
        default: throw CompileError(message: "axis \(axisName)")
        }
        let test: Step.Test
        switch testName {
        case ":node": test = .anyNode
        case ":text": test = .text
        case "*": test = axis == .attribute ? .anyAttribute : .anyElement
        default:
            if axis == .attribute {
                guard !testName.contains(":") else { throw CompileError(message: "namespaced attribute \(testName)") }
                test = .attribute(testName, -1)
            } else {
                test = .element(try elementName(testName))
            }
        }
        let predicates = try parts.dropFirst(2).map { (part) throws(CompileError) in try predicate(part) }
        return Step(axis: axis, test: test, predicates: predicates, map: nil)
    }

    private mutating func predicate(_ item: SExpression) throws(CompileError) -> Predicate {
        if case .number(let text) = item, let position = Int(text) { return .position(position) }
        return .condition(try compile(item, atRoot: false))
    }

    private mutating func elementName(_ qualified: String) throws(CompileError) -> Int32 {
        guard let colon = qualified.firstIndex(of: ":") else {
            return names.intern(namespace: "", localName: qualified)
        }
        let prefix = String(qualified[..<colon])
        guard let namespace = prefixes[prefix] else { throw CompileError(message: "unbound prefix \(prefix)") }
        return names.intern(namespace: namespace, localName: String(qualified[qualified.index(after: colon)...]))
    }
}

/// One alternative of a rule context, e.g. `/rsm:CrossIndustryInvoice/rsm:ExchangedDocument` or
/// `cac:AccountingSupplierParty/cac:Party` (relative: anywhere in the document).
struct ContextPattern: Sendable {
    struct Step: Sendable {
        /// `//name`: any ancestor may match the step before.
        var anywhereBelow: Bool
        /// nil for `*`.
        var name: Int32?
        var predicates: [Predicate]
        /// The predicates as one node of the table's `FastProgram`, -1 when there are none.
        var condition: Int32 = -1
    }

    var absolute: Bool
    var steps: [Step]
    /// For an absolute path of plain child steps: its node in the path trie, so that matching an
    /// element is comparing its trie node.
    var trieNode: Int32 = -1
    /// Whether some step of such a path has a condition to check besides the names.
    var hasConditions = false
}
