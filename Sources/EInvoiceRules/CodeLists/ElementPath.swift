import EInvoiceSyntax

extension CodeLists {
    /// An element name with its namespace, written with the prefixes of the official schematrons
    /// (`rsm:`, `ram:`, `udt:`, `qdt:` for CII, `cbc:`, `cac:` for UBL).
    struct QualifiedName: Sendable, Hashable, ExpressibleByStringLiteral {
        let namespace: String
        let localName: String

        init(_ prefixed: String) {
            guard let colon = prefixed.firstIndex(of: ":") else {
                namespace = ""
                localName = prefixed
                return
            }
            localName = String(prefixed[prefixed.index(after: colon)...])
            switch prefixed[..<colon] {
            case "rsm": namespace = Namespaces.ciiRSM
            case "ram": namespace = Namespaces.ciiRAM
            case "udt": namespace = Namespaces.ciiUDT
            case "qdt": namespace = Namespaces.ciiQDT
            case "cbc": namespace = Namespaces.ublCBC
            case "cac": namespace = Namespaces.ublCAC
            default: namespace = ""
            }
        }

        init(stringLiteral value: String) { self.init(value) }
    }

    /// A condition on an element, translated from the predicates of the schematrons' match patterns.
    indirect enum Condition: Sendable {
        /// `ram:TypeCode="130"`: some element at the relative path has exactly this string value.
        case childText([QualifiedName], String)
        /// `cbc:ChargeIndicator = false()`: some element at the relative path casts to this boolean.
        case childBoolean([QualifiedName], Bool)
        /// `@listID`
        case hasAttribute(String)
        /// `@listID="5153"`
        case attributeEquals(String, String)
        /// `@currencyID=../../ram:InvoiceCurrencyCode`: the attribute equals the string value of an element found
        /// `up` levels above, then down the relative path.
        case attributeEqualsText(String, up: Int, [QualifiedName])
        case not(Condition)
        case all([Condition])
    }

    /// One step of an absolute element path: a name and an optional condition.
    struct PathStep: Sendable, ExpressibleByStringLiteral {
        let name: QualifiedName
        let condition: Condition?

        init(_ name: QualifiedName, _ condition: Condition? = nil) {
            self.name = name
            self.condition = condition
        }

        init(stringLiteral value: String) { self.init(QualifiedName(value)) }
    }

    /// The few XPath operations the code-list rules need, on a parsed source tree.
    struct TreeQuery {
        let tree: XMLTree

        func matches(_ element: Int, _ name: QualifiedName) -> Bool {
            tree[element].localName == name.localName && tree[element].namespace == name.namespace
        }

        /// The XPath string value; exact for leaf elements, which is what code lists check.
        func stringValue(of element: Int) -> String {
            let node = tree[element]
            if node.children.isEmpty { return node.text }
            return node.children.reduce(into: node.text.trimmingWhitespace()) { $0 += stringValue(of: $1) }
        }

        func attribute(_ name: String, of element: Int) -> String? { tree.attribute(name, of: element) }

        /// The elements reached by a relative path of names from `element`.
        func descendants(of element: Int, along names: [QualifiedName]) -> [Int] {
            names.reduce([element]) { current, name in
                current.flatMap { parent in tree[parent].children.filter { matches($0, name) } }
            }
        }

        /// The elements an absolute path matches, in document order.
        func elements(along path: [PathStep]) -> [Int] {
            guard let first = path.first, !tree.elements.isEmpty, accepts(0, first) else { return [] }
            return path.dropFirst().reduce([0]) { current, step in
                current.flatMap { parent in tree[parent].children.filter { accepts($0, step) } }
            }
        }

        func accepts(_ element: Int, _ step: PathStep) -> Bool {
            matches(element, step.name) && (step.condition.map { satisfies(element, $0) } ?? true)
        }

        func satisfies(_ element: Int, _ condition: Condition) -> Bool {
            switch condition {
            case .childText(let path, let value):
                return descendants(of: element, along: path).contains { stringValue(of: $0) == value }
            case .childBoolean(let path, let value):
                return descendants(of: element, along: path).contains {
                    CodeLists.xpathBoolean(stringValue(of: $0)) == value
                }
            case .hasAttribute(let name):
                return attribute(name, of: element) != nil
            case .attributeEquals(let name, let value):
                return attribute(name, of: element) == value
            case .attributeEqualsText(let name, let up, let path):
                guard let value = attribute(name, of: element) else { return false }
                var ancestor = element
                for _ in 0..<up where ancestor >= 0 { ancestor = tree[ancestor].parent }
                guard ancestor >= 0 else { return false }
                return descendants(of: ancestor, along: path).contains { stringValue(of: $0) == value }
            case .not(let inner):
                return !satisfies(element, inner)
            case .all(let conditions):
                return conditions.allSatisfy { satisfies(element, $0) }
            }
        }

        /// Whether some ancestor of `element` has the given name.
        func hasAncestor(_ element: Int, named name: QualifiedName) -> Bool {
            var current = tree[element].parent
            while current >= 0 {
                if matches(current, name) { return true }
                current = tree[current].parent
            }
            return false
        }
    }

    /// `xs:boolean` cast of an untyped value; nil when the text is not a boolean.
    static func xpathBoolean(_ text: String) -> Bool? {
        switch text.trimmingWhitespace() {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }

    /// XPath `normalize-space`: leading and trailing white space removed, inner runs collapsed to one space.
    static func normalizeSpace(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .joined(separator: " ")
    }
}
