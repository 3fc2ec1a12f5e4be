extension SyntaxEvaluator {
    /// Whether a node of the fast program holds on an element.
    func holds(_ program: FastProgram, _ index: Int32, at element: Int32) -> Bool {
        switch program.nodes[Int(index)] {
        case .and(let lhs, let rhs):
            return holds(program, lhs, at: element) && holds(program, rhs, at: element)
        case .or(let lhs, let rhs):
            return holds(program, lhs, at: element) || holds(program, rhs, at: element)
        case .not(let operand):
            return !holds(program, operand, at: element)
        case .exists(let first, let count):
            for path in first..<(first + count) where self.count(program, path, from: element, upTo: 1) > 0 { return true }
            return false
        case .count(let first, let count, let comparison, let limit):
            var total = 0
            for path in first..<(first + count) {
                total += self.count(program, path, from: element, upTo: Int(limit) + 1 - total)
            }
            switch comparison {
            case .equal: return total == limit
            case .notEqual: return total != limit
            case .less: return total < limit
            case .lessOrEqual: return total <= limit
            case .greater: return total > limit
            case .greaterOrEqual: return total >= limit
            }
        case .equals(let path, let string, let negated):
            let text = program.strings[Int(string)]
            return anyNode(program, path, from: element) { (stringValue(of: $0) == text) != negated }
        case .nameEndsWith(let suffix):
            return Self.hasSuffix(document.elements[Int(element)].qualifiedName, program.strings[Int(suffix)])
        case .hasText:
            if document.elements[Int(element)].text.utf8.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }) {
                return true
            }
            return document.firstChild[Int(element)] >= 0 && !Self.normalizeSpace(stringValue(of: XNode(element: element))).isEmpty
        case .emptyLeaf:
            return document.firstChild[Int(element)] < 0
                && !document.elements[Int(element)].text.utf8.contains(where: {
                    $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D
                })
        case .general(let expression):
            return isTrue(program.expressions[Int(expression)], at: XNode(element: element))
        }
    }

    /// How many nodes a plain path selects from an element, counting no further than `limit`.
    private func count(_ program: FastProgram, _ index: Int32, from element: Int32, upTo limit: Int) -> Int {
        let path = program.paths[Int(index)]
        if element == 0, path.triePath >= 0, let entry = document.trieEntry(path: path.triePath) {
            return Int(entry.count)
        }
        return count(program, path, step: path.firstName, from: element, upTo: limit)
    }

    private func count(_ program: FastProgram, _ path: FastProgram.Path, step: Int32, from element: Int32, upTo limit: Int)
        -> Int
    {
        if step == path.firstName + path.nameCount {
            guard path.attribute >= 0 else { return 1 }
            let name = program.strings[Int(path.attribute)]
            return document.elements[Int(element)].attributes.contains { $0.localName == name && $0.namespace.isEmpty } ? 1 : 0
        }
        let name = program.names[Int(step)]
        let last = step + 1 == path.firstName + path.nameCount && path.attribute < 0
        var total = 0
        var child = document.firstChild[Int(element)]
        while child >= 0, total < limit {
            if name < 0 || document.nameIDs[Int(child)] == name {
                total += last ? 1 : count(program, path, step: step + 1, from: child, upTo: limit - total)
            }
            child = document.nextSibling[Int(child)]
        }
        return total
    }

    /// Whether some node of a plain path from an element passes a test.
    private func anyNode(_ program: FastProgram, _ index: Int32, from element: Int32, _ test: (XNode) -> Bool) -> Bool {
        let path = program.paths[Int(index)]
        return anyNode(program, path, step: path.firstName, from: element, test)
    }

    private func anyNode(
        _ program: FastProgram, _ path: FastProgram.Path, step: Int32, from element: Int32, _ test: (XNode) -> Bool
    ) -> Bool {
        if step == path.firstName + path.nameCount {
            guard path.attribute >= 0 else { return test(XNode(element: element)) }
            let name = program.strings[Int(path.attribute)]
            for (offset, attribute) in document.elements[Int(element)].attributes.enumerated()
            where attribute.localName == name && attribute.namespace.isEmpty {
                if test(XNode(element: element, attribute: Int32(offset))) { return true }
            }
            return false
        }
        let name = program.names[Int(step)]
        var child = document.firstChild[Int(element)]
        while child >= 0 {
            if name < 0 || document.nameIDs[Int(child)] == name, anyNode(program, path, step: step + 1, from: child, test) {
                return true
            }
            child = document.nextSibling[Int(child)]
        }
        return false
    }
}
