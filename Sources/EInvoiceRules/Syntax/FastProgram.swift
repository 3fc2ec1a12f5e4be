import EInvoice

/// The shapes most syntax tests and context conditions have (`not(a/b)`, `count(a) <= 1`, `@x`,
/// `[ram:TypeCode = '130']`, `[not(*) and not(normalize-space())]`, `[ends-with(name(), 'Amount')]`)
/// compiled to flat arrays of plain values, so that checking them is loops over the document index with
/// no reference counting. Anything else is a `general` node that the general evaluator answers; the two
/// agree (the general evaluator stays the reference, and the tests compare both with the official results).
final class FastProgram: Sendable {
    /// A path of child steps by name id (-1 for `*`) from the context element, possibly ending with an
    /// attribute (index in `strings`, -1 for none).
    struct Path: Sendable {
        var firstName: Int32
        var nameCount: Int32
        var attribute: Int32
        /// The path's id in the table's trie, answered from the index when evaluated on the root element.
        var triePath: Int32
    }

    enum Node: Sendable {
        case and(Int32, Int32)
        case or(Int32, Int32)
        case not(Int32)
        /// Some path of `paths[first..<first + count]` selects something.
        case exists(first: Int32, count: Int32)
        /// The number of nodes the paths select, compared with a number.
        case count(first: Int32, count: Int32, Comparison, Int32)
        /// Some node of a path has (or, negated, does not have) this string value.
        case equals(path: Int32, string: Int32, negated: Bool)
        /// `ends-with(name(), '…')`.
        case nameEndsWith(Int32)
        /// `normalize-space()` is not empty.
        case hasText
        /// `not(*) and not(normalize-space())`: no child element and nothing but white space inside.
        case emptyLeaf
        /// Any other test, by index in `expressions`.
        case general(Int32)
    }

    let nodes: [Node]
    let paths: [Path]
    let names: [Int32]
    let strings: [String]
    let expressions: [XPathExpression]

    init(_ builder: Builder) {
        nodes = builder.nodes
        paths = builder.paths
        names = builder.names
        strings = builder.strings
        expressions = builder.expressions
    }

    struct Builder {
        var nodes: [Node] = []
        var paths: [Path] = []
        var names: [Int32] = []
        var strings: [String] = []
        var expressions: [XPathExpression] = []

        /// Adds a test or condition and returns its node.
        mutating func add(_ expression: XPathExpression) -> Int32 {
            switch expression {
            case .and(let lhs, let rhs):
                let left = add(lhs)
                let right = add(rhs)
                if isNoChildElement(left), case .not(let inner) = nodes[Int(right)], case .hasText = nodes[Int(inner)] {
                    return append(.emptyLeaf)
                }
                return append(.and(left, right))
            case .or(let lhs, let rhs):
                let left = add(lhs)
                return append(.or(left, add(rhs)))
            case .function(.not, let arguments) where arguments.count == 1:
                return append(.not(add(arguments[0])))
            case .function(.exists, let arguments) where arguments.count == 1:
                if let range = addPaths(arguments[0]) { return append(.exists(first: range.first, count: range.count)) }
            case .function(.normalizeSpace, let arguments) where arguments.isEmpty:
                return append(.hasText)
            case .function(.endsWith, let arguments):
                if arguments.count == 2, case .function(.name, let inner) = arguments[0], inner.isEmpty,
                    case .string(let suffix) = arguments[1]
                {
                    return append(.nameEndsWith(addString(suffix)))
                }
            case .comparison(let comparison, .function(.count, let arguments), .number(let limit)):
                if arguments.count == 1, limit.normalized().fractionDigits == 0, limit >= .zero, limit < ExactDecimal(1_000_000),
                    let range = addPaths(arguments[0])
                {
                    let value = Int32(limit.withFractionDigits(0).mantissa)
                    return append(.count(first: range.first, count: range.count, comparison, value))
                }
            case .comparison(let comparison, let lhs, .string(let text)) where comparison == .equal || comparison == .notEqual:
                if let range = addPaths(lhs), range.count == 1 {
                    return append(.equals(path: range.first, string: addString(text), negated: comparison == .notEqual))
                }
            default:
                if let range = addPaths(expression) { return append(.exists(first: range.first, count: range.count)) }
            }
            expressions.append(expression)
            return append(.general(Int32(expressions.count - 1)))
        }

        /// Whether a node is `not(*)`: no child element at all.
        private func isNoChildElement(_ node: Int32) -> Bool {
            guard case .not(let inner) = nodes[Int(node)], case .exists(let first, let count) = nodes[Int(inner)], count == 1
            else { return false }
            let path = paths[Int(first)]
            return path.nameCount == 1 && names[Int(path.firstName)] == -1 && path.attribute < 0
        }

        private mutating func append(_ node: Node) -> Int32 {
            nodes.append(node)
            return Int32(nodes.count - 1)
        }

        private mutating func addString(_ text: String) -> Int32 {
            strings.append(text)
            return Int32(strings.count - 1)
        }

        /// Adds the plain paths of a path or a union of paths; nil (adding nothing) when one is not plain.
        private mutating func addPaths(_ expression: XPathExpression) -> (first: Int32, count: Int32)? {
            guard let found = Self.plainPaths(expression) else { return nil }
            let first = Int32(paths.count)
            for (steps, attribute, triePath) in found {
                var attributeIndex: Int32 = -1
                if let attribute { attributeIndex = addString(attribute) }
                paths.append(
                    Path(firstName: Int32(names.count), nameCount: Int32(steps.count), attribute: attributeIndex,
                         triePath: triePath))
                names += steps
            }
            return (first, Int32(found.count))
        }

        private static func plainPaths(_ expression: XPathExpression) -> [([Int32], String?, Int32)]? {
            switch expression {
            case .union(let items):
                var all: [([Int32], String?, Int32)] = []
                for item in items {
                    guard let found = plainPaths(item) else { return nil }
                    all += found
                }
                return all
            case .path(let path):
                guard case .context = path.start, !path.steps.isEmpty else { return nil }
                var steps: [Int32] = []
                var attribute: String?
                for (index, step) in path.steps.enumerated() {
                    guard step.predicates.isEmpty, step.map == nil, attribute == nil else { return nil }
                    switch (step.axis, step.test) {
                    case (.child, .element(let id)) where id >= 0: steps.append(id)
                    case (.child, .anyElement): steps.append(-1)
                    case (.attribute, .attribute(let name, _)) where index == path.steps.count - 1: attribute = name
                    default: return nil
                    }
                }
                return [(steps, attribute, steps.contains(-1) || attribute != nil ? -1 : path.triePath)]
            default:
                return nil
            }
        }
    }
}
