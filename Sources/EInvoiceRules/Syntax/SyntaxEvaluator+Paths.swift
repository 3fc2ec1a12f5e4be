import EInvoiceSyntax

extension SyntaxEvaluator {
    /// Calls `body` with each node of a node-set expression, in document order for paths; stops and
    /// returns false as soon as `body` does. Values that are not nodes give no nodes.
    func forEachNode(_ expression: XPathExpression, at node: XNode, _ body: (XNode) -> Bool) -> Bool {
        switch expression {
        case .path(let path):
            return forEachNode(path: path, at: node, stepCount: path.steps.count, body)
        case .union(let items):
            for item in items where !forEachNode(item, at: node, body) { return false }
            return true
        case .filter(let inner, let predicates):
            var position = 0
            return forEachNode(inner, at: node) { candidate in
                position += 1
                guard passes(predicates, candidate, position: position) else { return true }
                return body(candidate)
            }
        default:
            return true
        }
    }

    /// How many nodes an expression selects; a plain path asked on the root is read from the index.
    func count(_ expression: XPathExpression, at node: XNode) -> Int {
        if case .path(let path) = expression, let indexed = indexed(path, at: node) { return Int(indexed.count) }
        if case .path(let path) = expression, path.mapsToValues {
            var total = 0
            _ = forEachAtom(expression, at: node) { _ in
                total += 1
                return true
            }
            return total
        }
        if case .sequence = expression {
            var total = 0
            _ = forEachAtom(expression, at: node) { _ in
                total += 1
                return true
            }
            return total
        }
        var total = 0
        _ = forEachNode(expression, at: node) { _ in
            total += 1
            return true
        }
        return total
    }

    /// The count and first element of a path of plain child steps evaluated on the root element.
    func indexed(_ path: LocationPath, at node: XNode) -> (count: Int32, first: Int32)? {
        guard path.triePath >= 0, node.element == 0, node.attribute < 0 else { return nil }
        return document.trieEntry(path: path.triePath)
    }

    func forEachNode(path: LocationPath, at node: XNode, stepCount: Int, _ body: (XNode) -> Bool) -> Bool {
        if stepCount == path.steps.count, let indexed = indexed(path, at: node) {
            if indexed.count == 0 { return true }
            if indexed.count == 1 { return body(XNode(element: indexed.first)) }
        }
        // one plain child step from an element (`*`, `cbc:ID`): a loop over the children
        if stepCount == 1, case .context = path.start, node.isElement, path.steps[0].axis == .child,
            path.steps[0].predicates.isEmpty
        {
            let test = path.steps[0].test
            var child = document.firstChild[Int(node.element)]
            while child >= 0 {
                if matches(Int(child), test), !body(XNode(element: child)) { return false }
                child = document.nextSibling[Int(child)]
            }
            return true
        }
        switch path.start {
        case .context:
            return walk(path.steps, 0, stepCount, node, body)
        case .document:
            return walk(path.steps, 0, stepCount, .document, body)
        case .expression(let start):
            return forEachNode(start, at: node) { walk(path.steps, 0, stepCount, $0, body) }
        }
    }

    private func walk(_ steps: [Step], _ index: Int, _ end: Int, _ node: XNode, _ body: (XNode) -> Bool) -> Bool {
        if index == end { return body(node) }
        let step = steps[index]
        var position = 0
        func next(_ candidate: XNode) -> Bool {
            position += 1
            guard step.predicates.isEmpty || passes(step.predicates, candidate, position: position) else { return true }
            return walk(steps, index + 1, end, candidate, body)
        }
        switch step.axis {
        case .child:
            if node.element < 0 {
                guard !document.elements.isEmpty, matches(0, step.test) else { return true }
                return next(XNode(0))
            }
            guard node.attribute < 0 else { return true }
            var child = document.firstChild[Int(node.element)]
            while child >= 0 {
                if matches(Int(child), step.test), !next(XNode(element: child)) { return false }
                child = document.nextSibling[Int(child)]
            }
            return true
        case .descendant:
            return forEachDescendant(of: node, step.test) { candidate in
                if case .position = step.predicates.first {
                    position = siblingPosition(of: candidate, step.test) - 1
                }
                return next(XNode(element: candidate))
            }
        case .descendantOrSelf:
            // `//@name`: read the attributes of that name from the index instead of visiting every element.
            if index + 1 < end, step.predicates.isEmpty, steps[index + 1].axis == .attribute,
                case .attribute(_, let id) = steps[index + 1].test, node.attribute < 0
            {
                let lower = node.element
                let upper = node.element < 0 ? Int32(document.elements.count) : document.subtreeEnd[Int(node.element)]
                for attribute in document.attributes(named: id) where attribute.element >= lower && attribute.element < upper {
                    if !walk(steps, index + 2, end, attribute, body) { return false }
                }
                return true
            }
            if !next(node) { return false }
            return forEachDescendant(of: node, .anyElement) { next(XNode(element: $0)) }
        case .attribute:
            guard node.isElement else { return true }
            for (offset, attribute) in document.elements[Int(node.element)].attributes.enumerated() where attribute.namespace.isEmpty {
                switch step.test {
                case .attribute(let name, _) where attribute.localName == name: break
                case .anyAttribute, .anyNode: break
                default: continue
                }
                if !next(XNode(element: node.element, attribute: Int32(offset))) { return false }
            }
            return true
        case .parent:
            if node.attribute >= 0 { return matches(Int(node.element), step.test) ? next(XNode(element: node.element)) : true }
            guard node.element >= 0 else { return true }
            let parent = document.elements[Int(node.element)].parent
            if parent < 0 {
                if case .anyNode = step.test { return next(.document) }
                return true
            }
            return matches(parent, step.test) ? next(XNode(parent)) : true
        case .this:
            if node.element < 0 || node.attribute >= 0 {
                if case .anyNode = step.test { return next(node) }
                return true
            }
            return matches(Int(node.element), step.test) ? next(node) : true
        case .ancestor:
            guard node.element >= 0 else { return true }
            var current = node.attribute >= 0 ? Int(node.element) : document.elements[Int(node.element)].parent
            while current >= 0 {
                if matches(current, step.test), !next(XNode(current)) { return false }
                current = document.elements[current].parent
            }
            return true
        case .preceding:
            guard node.element > 0 else { return true }
            let limit = node.element
            var stopped = false
            _ = forEachDescendant(of: .document, step.test) { candidate in
                guard candidate < limit else { return false }
                if document.subtreeEnd[Int(candidate)] > limit { return true }  // an ancestor
                if !next(XNode(element: candidate)) {
                    stopped = true
                    return false
                }
                return true
            }
            return !stopped
        }
    }

    /// Descendant elements of a node passing a test, in document order, from the name index when
    /// the test names an element.
    private func forEachDescendant(of node: XNode, _ test: Step.Test, _ body: (Int32) -> Bool) -> Bool {
        guard node.attribute < 0 else { return true }
        let lower = node.element + 1
        let upper = node.element < 0 ? Int32(document.elements.count) : document.subtreeEnd[Int(node.element)]
        switch test {
        case .element(let name):
            let named = document.elements(named: name)
            var low = named.startIndex
            var high = named.endIndex
            while low < high {
                let middle = (low + high) / 2
                if named[middle] < lower { low = middle + 1 } else { high = middle }
            }
            for index in low..<named.endIndex {
                let candidate = named[index]
                if candidate >= upper { break }
                if !body(candidate) { return false }
            }
            return true
        case .anyElement, .anyNode:
            var candidate = lower
            while candidate < upper {
                if !body(candidate) { return false }
                candidate += 1
            }
            return true
        default:
            return true
        }
    }

    /// 1-based position of an element among its parent's children that pass the same test.
    private func siblingPosition(of element: Int32, _ test: Step.Test) -> Int {
        let parent = document.elements[Int(element)].parent
        guard parent >= 0 else { return 1 }
        var position = 0
        for sibling in document.elements[parent].children where matches(sibling, test) {
            position += 1
            if sibling == Int(element) { break }
        }
        return position
    }

    func matches(_ element: Int, _ test: Step.Test) -> Bool {
        switch test {
        case .element(let name): document.nameIDs[element] == name
        case .anyElement, .anyNode: true
        default: false
        }
    }

    func passes(_ predicates: [Predicate], _ node: XNode, position: Int) -> Bool {
        for predicate in predicates {
            switch predicate {
            case .position(let wanted):
                if position != wanted { return false }
            case .condition(let condition):
                if !isTrue(condition, at: node) { return false }
            }
        }
        return true
    }

    /// The XPath string value: an attribute's value, a leaf element's text, or the text of all descendants.
    func stringValue(of node: XNode) -> String {
        if node.element < 0 { return document.elements.isEmpty ? "" : stringValue(of: XNode(0)) }
        // Fields are read in place: copying an element would retain each of its strings and arrays.
        let elements = document.elements
        let index = Int(node.element)
        if node.attribute >= 0 { return elements[index].attributes[Int(node.attribute)].value }
        if document.firstChild[index] < 0 { return elements[index].text }
        var text = ""
        for index in index..<Int(document.subtreeEnd[index]) {
            if document.firstChild[index] < 0
                || !elements[index].text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            {
                text += elements[index].text
            }
        }
        return text
    }
}
