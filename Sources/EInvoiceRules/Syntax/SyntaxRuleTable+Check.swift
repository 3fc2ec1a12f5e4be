import EInvoiceSyntax

extension SyntaxRuleTable {
    /// Runs every rule of the table on a document in one walk over its elements. `fast: false` evaluates
    /// every test and condition with the general evaluator only (the tests compare both ways).
    func check(_ tree: XMLTree, fast: Bool = true) -> [SyntaxViolation] {
        guard !tree.elements.isEmpty else { return [] }
        let evaluator = SyntaxEvaluator(document: SyntaxDocument(tree: tree, names: names, commonNameIDs: commonNameIDs, trie: trie))
        let document = evaluator.document
        let unknown = candidateStart.count - 2
        var violations: [SyntaxViolation] = []
        // The loops read plain arrays (`RuleArrays`); a rule object is touched only to report a violation.
        let flat = ruleArrays
        for element in 0..<tree.elements.count {
            let id = document.nameIDs[element]
            let slot = id >= 0 ? Int(id) : unknown
            var matchedPattern: Int32 = -1
            for position in Int(candidateStart[slot])..<Int(candidateStart[slot + 1]) {
                let index = Int(candidateRules[position])
                // cheap rejections before touching the rule
                guard rulePatterns[index] != matchedPattern else { continue }
                let trieNode = ruleTrieNodes[index]
                if trieNode >= 0, document.trieNodes[element] != trieNode { continue }
                if !(fast && flat.decidedByTrie[index]) {
                    var matched = false
                    for context in Int(flat.contextStart[index])..<Int(flat.contextStart[index + 1]) {
                        if fast {
                            let last = Int(flat.contextStepStart[context + 1]) - 1
                            matched = matches(context: context, step: last, element, flat, evaluator)
                        } else {
                            let pattern = flat.contexts[context]
                            matched = matches(pattern, step: pattern.steps.count - 1, element, evaluator, fast)
                        }
                        if matched { break }
                    }
                    guard matched else { continue }
                }
                matchedPattern = rulePatterns[index]
                let first = Int(flat.assertionStart[index])
                for assertionIndex in first..<Int(flat.assertionStart[index + 1]) {
                    let holds: Bool
                    if fast, element == 0, flat.forbiddenFirst[assertionIndex] >= 0 {
                        let second = flat.forbiddenSecond[assertionIndex]
                        holds = document.trieCount(path: flat.forbiddenFirst[assertionIndex]) == 0
                            && (second < 0 || document.trieCount(path: second) == 0)
                    } else if fast {
                        holds = evaluator.holds(program, flat.nodes[assertionIndex], at: Int32(element))
                    } else {
                        holds = evaluator.isTrue(rules[index].assertions[assertionIndex - first].test, at: XNode(element))
                    }
                    guard holds == flat.reports[assertionIndex] else { continue }
                    let assertion = rules[index].assertions[assertionIndex - first]
                    violations.append(
                        SyntaxViolation(assertion: assertion, element: witness(of: assertion, at: XNode(element), evaluator) ?? element))
                }
            }
        }
        return violations
    }

    /// Whether an element matches a context pattern from step `step` upwards.
    private func matches(
        _ pattern: ContextPattern, step index: Int, _ element: Int, _ evaluator: SyntaxEvaluator, _ fast: Bool
    ) -> Bool {
        func condition(_ step: ContextPattern.Step, _ element: Int) -> Bool {
            guard !step.predicates.isEmpty else { return true }
            return fast
                ? evaluator.holds(program, step.condition, at: Int32(element))
                : evaluator.passes(step.predicates, XNode(element), position: 1)
        }
        if pattern.trieNode >= 0 {
            guard evaluator.document.trieNodes[element] == pattern.trieNode else { return false }
            guard pattern.hasConditions else { return true }
            // the names match all the way up; check the conditions on the element and its ancestors
            var current = element
            for step in pattern.steps.reversed() {
                if !condition(step, current) { return false }
                current = evaluator.document.elements[current].parent
            }
            return true
        }
        let step = pattern.steps[index]
        if let name = step.name, evaluator.document.nameIDs[element] != name { return false }
        if !condition(step, element) { return false }
        let parent = evaluator.document.elements[element].parent
        if index == 0 {
            return !pattern.absolute || step.anywhereBelow || parent < 0
        }
        if step.anywhereBelow {
            var ancestor = parent
            while ancestor >= 0 {
                if matches(pattern, step: index - 1, ancestor, evaluator, fast) { return true }
                ancestor = evaluator.document.elements[ancestor].parent
            }
            return false
        }
        return parent >= 0 && matches(pattern, step: index - 1, parent, evaluator, fast)
    }

    /// `matches(_:step:_:_:_:)` in fast mode, on the flat arrays of the context alternatives (`step` indexes
    /// the step arrays): no pattern or step is copied, so nothing is reference-counted.
    private func matches(
        context: Int, step: Int, _ element: Int, _ flat: RuleArrays, _ evaluator: SyntaxEvaluator
    ) -> Bool {
        let document = evaluator.document
        let first = Int(flat.contextStepStart[context])
        let trieNode = flat.contextTrieNode[context]
        if trieNode >= 0 {
            guard document.trieNodes[element] == trieNode else { return false }
            guard flat.contextHasConditions[context] else { return true }
            // the names match all the way up; check the conditions on the element and its ancestors
            var current = element
            for index in stride(from: step, through: first, by: -1) {
                let condition = flat.stepCondition[index]
                if condition >= 0, !evaluator.holds(program, condition, at: Int32(current)) { return false }
                current = document.elements[current].parent
            }
            return true
        }
        let name = flat.stepName[step]
        if name >= 0, document.nameIDs[element] != name { return false }
        let condition = flat.stepCondition[step]
        if condition >= 0, !evaluator.holds(program, condition, at: Int32(element)) { return false }
        let parent = document.elements[element].parent
        if step == first {
            return !flat.contextAbsolute[context] || flat.stepAnywhereBelow[step] || parent < 0
        }
        if flat.stepAnywhereBelow[step] {
            var ancestor = parent
            while ancestor >= 0 {
                if matches(context: context, step: step - 1, ancestor, flat, evaluator) { return true }
                ancestor = document.elements[ancestor].parent
            }
            return false
        }
        return parent >= 0 && matches(context: context, step: step - 1, parent, flat, evaluator)
    }

    private func witness(of assertion: SyntaxAssertion, at node: XNode, _ evaluator: SyntaxEvaluator) -> Int? {
        guard let path = assertion.witness else { return nil }
        var skipped = 0
        var found: XNode?
        _ = evaluator.forEachNode(path, at: node) { candidate in
            if skipped == assertion.witnessOffset {
                found = candidate
                return false
            }
            skipped += 1
            return true
        }
        guard let found else { return nil }
        return found.element >= 0 ? Int(found.element) : 0
    }
}
