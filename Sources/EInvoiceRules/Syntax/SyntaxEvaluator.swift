import EInvoice
import EInvoiceSyntax

/// A node of the source: an element, an attribute of an element, or the document node (element -1).
struct XNode: Equatable {
    var element: Int32
    /// Index in the element's attributes, -1 for the element itself.
    var attribute: Int32 = -1

    static let document = XNode(element: -1)

    init(element: Int32, attribute: Int32 = -1) {
        self.element = element
        self.attribute = attribute
    }

    init(_ element: Int) { self.init(element: Int32(element)) }

    var isElement: Bool { element >= 0 && attribute < 0 }
}

/// An atomic value. Text read from the document is `untyped`, as in XPath 2.0: it compares as a string
/// with strings and as a number with numbers.
enum Atom {
    case untyped(String)
    case string(String)
    /// nil is NaN (text that is not a number).
    case number(ExactDecimal?)
    case boolean(Bool)
}

/// Evaluates the compiled XPath of the syntax rules on one indexed document, with XPath 2.0 general
/// comparisons and without building node sets where counting or finding one node is enough.
struct SyntaxEvaluator {
    /// A class, so that copying the evaluator into the closures of a walk costs one retain.
    let document: SyntaxDocument

    /// The effective boolean value of an expression.
    func isTrue(_ expression: XPathExpression, at node: XNode) -> Bool {
        switch expression {
        case .path(let path) where path.mapsToValues:
            return !forEachAtom(expression, at: node) { _ in false }
        case .path, .union, .filter:
            return !forEachNode(expression, at: node) { _ in false }
        case .and(let lhs, let rhs):
            return isTrue(lhs, at: node) && isTrue(rhs, at: node)
        case .or(let lhs, let rhs):
            return isTrue(lhs, at: node) || isTrue(rhs, at: node)
        case .comparison(let comparison, let lhs, let rhs):
            return compare(comparison, lhs, rhs, at: node)
        case .function(let function, let arguments):
            return truth(of: function, arguments, at: node)
        case .string(let text):
            return !text.isEmpty
        case .number(let value):
            return !value.isZero
        case .sequence(let items):
            guard let first = items.first else { return false }
            return isTrue(first, at: node)
        case .arithmetic, .negate:
            guard let atom = atom(expression, at: node) else { return false }
            return truth(of: atom)
        }
    }

    func truth(of atom: Atom) -> Bool {
        switch atom {
        case .untyped(let text), .string(let text): !text.isEmpty
        case .number(let value): value.map { !$0.isZero } ?? false
        case .boolean(let value): value
        }
    }

    /// Calls `body` with each atomic value of an expression (the string values of its nodes for node
    /// sets); stops and returns false as soon as `body` does.
    func forEachAtom(_ expression: XPathExpression, at node: XNode, _ body: (Atom) -> Bool) -> Bool {
        switch expression {
        case .path(let path) where path.mapsToValues:
            guard let map = path.steps.last?.map else { return true }
            return forEachNode(path: path, at: node, stepCount: path.steps.count - 1) { start in
                forEachAtom(map, at: start, body)
            }
        case .path, .union, .filter:
            return forEachNode(expression, at: node) { body(.untyped(stringValue(of: $0))) }
        case .sequence(let items):
            for item in items where !forEachAtom(item, at: node, body) { return false }
            return true
        default:
            guard let value = atom(expression, at: node) else { return true }
            return body(value)
        }
    }

    /// A single value: the first one of a sequence, nil for an empty one.
    func atom(_ expression: XPathExpression, at node: XNode) -> Atom? {
        switch expression {
        case .string(let text):
            return .string(text)
        case .number(let value):
            return .number(value)
        case .path, .union, .filter, .sequence:
            var first: Atom?
            _ = forEachAtom(expression, at: node) { value in
                first = value
                return false
            }
            return first
        case .function(let function, let arguments):
            return value(of: function, arguments, at: node)
        case .comparison, .and, .or:
            return .boolean(isTrue(expression, at: node))
        case .negate(let operand):
            guard let value = atom(operand, at: node) else { return nil }
            return .number(number(value).map { -$0 })
        case .arithmetic(let operation, let lhs, let rhs):
            guard let left = atom(lhs, at: node), let right = atom(rhs, at: node) else { return nil }
            guard let x = number(left), let y = number(right) else { return .number(nil) }
            return .number(Self.apply(operation, x, y))
        }
    }

    static func apply(_ operation: Arithmetic, _ x: ExactDecimal, _ y: ExactDecimal) -> ExactDecimal? {
        switch operation {
        case .plus: return x + y
        case .minus: return x - y
        case .times: return x * y
        case .divide: return x.divided(by: y, fractionDigits: 12)
        case .modulo:
            guard let quotient = x.divided(by: y, fractionDigits: 12) else { return nil }
            return x - quotient.rounded(to: 0, .towardsZero) * y
        }
    }

    /// XPath 2.0 general comparison: true when some pair of values compares true.
    func compare(_ comparison: Comparison, _ lhs: XPathExpression, _ rhs: XPathExpression, at node: XNode) -> Bool {
        switch rhs {
        case .string(let text):
            return !forEachAtom(lhs, at: node) { !Self.compare(comparison, $0, .string(text)) }
        case .number(let value):
            return !forEachAtom(lhs, at: node) { !Self.compare(comparison, $0, .number(value)) }
        default:
            var right: [Atom] = []
            _ = forEachAtom(rhs, at: node) { value in
                right.append(value)
                return true
            }
            guard !right.isEmpty else { return false }
            return !forEachAtom(lhs, at: node) { value in
                !right.contains { Self.compare(comparison, value, $0) }
            }
        }
    }

    static func compare(_ comparison: Comparison, _ lhs: Atom, _ rhs: Atom) -> Bool {
        switch (lhs, rhs) {
        case (.boolean(let x), _):
            guard let y = boolean(rhs) else { return false }
            return order(comparison, x == y ? 0 : (x ? 1 : -1))
        case (_, .boolean(let y)):
            guard let x = boolean(lhs) else { return false }
            return order(comparison, x == y ? 0 : (x ? 1 : -1))
        case (.number(let x), _):
            guard let x, let y = numberForComparison(rhs) else { return false }
            return order(comparison, x < y ? -1 : (x == y ? 0 : 1))
        case (_, .number(let y)):
            guard let y, let x = numberForComparison(lhs) else { return false }
            return order(comparison, x < y ? -1 : (x == y ? 0 : 1))
        default:
            return order(comparison, compareText(text(of: lhs), text(of: rhs)))
        }
    }

    private static func order(_ comparison: Comparison, _ sign: Int) -> Bool {
        switch comparison {
        case .equal: sign == 0
        case .notEqual: sign != 0
        case .less: sign < 0
        case .lessOrEqual: sign <= 0
        case .greater: sign > 0
        case .greaterOrEqual: sign >= 0
        }
    }

    /// Code-point order, as XPath's default collation.
    static func compareText(_ lhs: String, _ rhs: String) -> Int {
        if lhs == rhs { return 0 }
        var left = lhs.unicodeScalars.makeIterator()
        var right = rhs.unicodeScalars.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?): if x != y { return x.value < y.value ? -1 : 1 }
            }
        }
    }

    /// An untyped value cast to xs:boolean; a typed string does not compare with a boolean.
    static func boolean(_ atom: Atom) -> Bool? {
        switch atom {
        case .boolean(let value): return value
        case .untyped(let text):
            switch text.trimmingWhitespace() {
            case "true", "1": return true
            case "false", "0": return false
            default: return nil
            }
        case .number(let value): return value.map { !$0.isZero }
        case .string: return nil
        }
    }

    /// A value compared with a number: untyped text is cast to a number, a typed string is a type error.
    static func numberForComparison(_ atom: Atom) -> ExactDecimal? {
        if case .string = atom { return nil }
        return numberValue(atom)
    }

    func number(_ atom: Atom) -> ExactDecimal? { Self.numberValue(atom) }

    static func numberValue(_ atom: Atom) -> ExactDecimal? {
        switch atom {
        case .number(let value): value
        case .boolean(let value): value ? .one : .zero
        case .untyped(let text), .string(let text): try? ExactDecimal(parsing: text.trimmingWhitespace())
        }
    }

    static func text(of atom: Atom) -> String {
        switch atom {
        case .untyped(let text), .string(let text): text
        case .boolean(let value): value ? "true" : "false"
        case .number(let value): value.map { $0.normalized().description } ?? "NaN"
        }
    }
}
