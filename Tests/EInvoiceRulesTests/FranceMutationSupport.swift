import EInvoiceSyntax
import Foundation

/// Applies the mutations of `conformance/mutations/france.tsv` in Swift, so the French rules can be tested on
/// them without the Python runner. It knows the XPath the file uses: absolute child steps with a prefix or `*`,
/// and the predicates `[n]`, `[child='text']` and `[starts-with(., 'text')]`.
enum FranceMutations {
    struct Operation {
        let kind: String
        let xpath: String
        let value: String
    }

    struct Mutation: CustomStringConvertible {
        let id: String
        let base: String
        var operations: [Operation]
        let expect: [String]

        var description: String { id }
    }

    static let prefixes: [(String, String)] = [
        ("rsm", Namespaces.ciiRSM), ("ram", Namespaces.ciiRAM), ("udt", Namespaces.ciiUDT), ("qdt", Namespaces.ciiQDT),
        ("cac", Namespaces.ublCAC), ("cbc", Namespaces.ublCBC),
    ]

    /// The mutations of the TSV file, in file order; consecutive lines with one id form one mutation.
    static func load() throws -> [Mutation] {
        let url = FranceTestSupport.repositoryRoot.appendingPathComponent("conformance/mutations/france.tsv")
        var mutations: [Mutation] = []
        for line in try FranceTestSupport.read(url).split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 6 else { throw MutationError("malformed line: \(line)") }
            let operation = Operation(kind: columns[2], xpath: columns[3], value: columns[4])
            if let last = mutations.last, last.id == columns[0] {
                mutations[mutations.count - 1].operations.append(operation)
            } else {
                mutations.append(
                    Mutation(
                        id: columns[0], base: columns[1], operations: [operation],
                        expect: columns[5].split(separator: " ").map(String.init)))
            }
        }
        return mutations
    }

    /// The mutated document as XML text.
    static func apply(_ mutation: Mutation) throws -> String {
        guard mutation.base.hasPrefix("seed:") else { throw MutationError("unsupported base \(mutation.base)") }
        let root = try Node(tree: SafeXMLParser().parse(try FranceTestSupport.seed(String(mutation.base.dropFirst(5)))))
        for operation in mutation.operations {
            let nodes = try select(operation.xpath, in: root)
            guard let first = nodes.first else {
                throw MutationError("\(mutation.id): nothing matches \(operation.xpath)")
            }
            switch operation.kind {
            case "delete": nodes.forEach { $0.detach() }
            case "text": nodes.forEach { $0.text = operation.value }
            case "insert":
                for node in nodes { try fragment(operation.value).forEach { node.append($0) } }
            case "insert-before":
                guard let parent = first.parent, let index = parent.children.firstIndex(where: { $0 === first }) else {
                    throw MutationError("\(mutation.id): cannot insert before the root")
                }
                for (offset, node) in try fragment(operation.value).enumerated() {
                    node.parent = parent
                    parent.children.insert(node, at: index + offset)
                }
            case let kind where kind.hasPrefix("attr:"):
                let name = String(kind.dropFirst(5))
                for node in nodes {
                    node.attributes.removeAll { $0.0 == name }
                    if !operation.value.isEmpty { node.attributes.append((name, operation.value)) }
                }
            default: throw MutationError("unknown operation \(operation.kind)")
            }
        }
        return root.xml(isRoot: true)
    }

    private static func fragment(_ xml: String) throws -> [Node] {
        let declarations = prefixes.map { "xmlns:\($0.0)=\"\($0.1)\"" }.joined(separator: " ")
        return try Node(tree: SafeXMLParser().parse("<wrap \(declarations)>\(xml)</wrap>")).children
    }

    private static func select(_ xpath: String, in root: Node) throws -> [Node] {
        var steps = splitSteps(xpath)
        guard xpath.hasPrefix("/"), let first = steps.first else {
            throw MutationError("not an absolute path: \(xpath)")
        }
        steps.removeFirst()
        var current = try root.matches(first) ? [root] : []
        for step in steps {
            current = try current.flatMap { node in try filter(node.children, step) }
        }
        return current
    }

    /// Splits `/a/b[c='d/e']/f` into steps, keeping predicates whole.
    private static func splitSteps(_ xpath: String) -> [String] {
        var steps: [String] = []
        var current = ""
        var depth = 0
        var quoted = false
        for character in xpath.dropFirst() {
            if character == "'" { quoted.toggle() }
            if !quoted, character == "[" { depth += 1 }
            if !quoted, character == "]" { depth -= 1 }
            if character == "/", depth == 0, !quoted {
                steps.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        steps.append(current)
        return steps
    }

    private static func filter(_ nodes: [Node], _ step: String) throws -> [Node] {
        let name = String(step.prefix { $0 != "[" })
        var result = try nodes.filter { try $0.matches(name) }
        var rest = step.dropFirst(name.count)
        while rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw MutationError("unclosed predicate in \(step)") }
            let predicate = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
            if let position = Int(predicate) {
                result = result.indices.contains(position - 1) ? [result[position - 1]] : []
            } else if predicate.hasPrefix("starts-with(., '") {
                let start = predicate.dropFirst("starts-with(., '".count).dropLast(2)
                result = result.filter { $0.text.hasPrefix(start) }
            } else if let equals = predicate.firstIndex(of: "=") {
                let child = String(predicate[..<equals])
                let value = predicate[predicate.index(after: equals)...].trimmingCharacters(in: ["'"])
                result = try result.filter { node in
                    try node.children.contains { try $0.matches(child) && $0.text == value }
                }
            } else {
                throw MutationError("unsupported predicate [\(predicate)]")
            }
        }
        return result
    }
}

struct MutationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A mutable element tree, enough to edit an invoice and write it back.
final class Node {
    var qualifiedName: String
    var namespace: String
    var localName: String
    var attributes: [(String, String)]
    var text: String
    var children: [Node] = []
    weak var parent: Node?

    init(tree: XMLTree, element: Int = 0) {
        let source = tree[element]
        qualifiedName = source.qualifiedName
        namespace = source.namespace
        localName = source.localName
        attributes = source.attributes.map { ($0.name, $0.value) }
        text = source.children.isEmpty ? source.text : ""
        for child in source.children { append(Node(tree: tree, element: child)) }
    }

    func append(_ child: Node) {
        child.parent = self
        children.append(child)
    }

    func detach() {
        parent?.children.removeAll { $0 === self }
        parent = nil
    }

    /// Whether the node matches a name test `prefix:local` or `*`.
    func matches(_ name: String) throws -> Bool {
        if name == "*" { return true }
        let parts = name.split(separator: ":")
        guard parts.count == 2, let uri = FranceMutations.prefixes.first(where: { $0.0 == parts[0] })?.1 else {
            throw MutationError("unknown name test \(name)")
        }
        return namespace == uri && localName == parts[1]
    }

    func xml(isRoot: Bool = false) -> String {
        var attributeText = attributes.map { " \($0.0)=\"\(Self.escape($0.1, attribute: true))\"" }.joined()
        if isRoot {
            attributeText += FranceMutations.prefixes.map { " xmlns:\($0.0)=\"\($0.1)\"" }.joined()
            if !qualifiedName.contains(":") { attributeText += " xmlns=\"\(namespace)\"" }
        }
        let content = children.isEmpty ? Self.escape(text, attribute: false) : children.map { $0.xml() }.joined()
        return "<\(qualifiedName)\(attributeText)>\(content)</\(qualifiedName)>"
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var result = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        if attribute { result = result.replacingOccurrences(of: "\"", with: "&quot;") }
        return result
    }
}
