import EInvoice
import EInvoiceSyntax

extension SyntaxEvaluator {
    /// The effective boolean value of a function call, without building its value when it is a test.
    func truth(of function: XPathFunction, _ arguments: [XPathExpression], at node: XNode) -> Bool {
        switch function {
        case .not: return !(arguments.first.map { isTrue($0, at: node) } ?? false)
        case .exists, .boolean: return arguments.first.map { isTrue($0, at: node) } ?? false
        case .empty: return !(arguments.first.map { isTrue($0, at: node) } ?? false)
        case .true: return true
        case .false: return false
        case .endsWith:
            // `ends-with(name(), 'Amount')` on an element: compare the bytes of its name directly
            if node.isElement, arguments.count == 2, case .function(.name, let inner) = arguments[0], inner.isEmpty,
                case .string(let suffix) = arguments[1]
            {
                return Self.hasSuffix(document.elements[Int(node.element)].qualifiedName, suffix)
            }
            return value(of: function, arguments, at: node).map(truth(of:)) ?? false
        case .normalizeSpace:
            // true when the text has a character other than XML whitespace; no need to build it
            let text = arguments.first.map { atom($0, at: node).map(Self.text(of:)) ?? "" } ?? stringValue(of: node)
            return text.utf8.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }
        default: return value(of: function, arguments, at: node).map(truth(of:)) ?? false
        }
    }

    /// The value of a function call.
    func value(of function: XPathFunction, _ arguments: [XPathExpression], at node: XNode) -> Atom? {
        func text(_ index: Int) -> String {
            guard index < arguments.count else { return index == 0 ? stringValue(of: node) : "" }
            return atom(arguments[index], at: node).map(Self.text(of:)) ?? ""
        }
        func numeric(_ index: Int) -> ExactDecimal?? {
            guard index < arguments.count, let value = atom(arguments[index], at: node) else { return .none }
            return .some(number(value))
        }
        switch function {
        case .not, .exists, .empty, .boolean, .true, .false:
            return .boolean(truth(of: function, arguments, at: node))
        case .count:
            return .number(ExactDecimal(arguments.first.map { count($0, at: node) } ?? 0))
        case .string:
            return .string(text(0))
        case .stringLength:
            return .number(ExactDecimal(text(0).unicodeScalars.count))
        case .normalizeSpace:
            return .string(Self.normalizeSpace(text(0)))
        case .upperCase:
            return .string(text(0).uppercased())
        case .lowerCase:
            return .string(text(0).lowercased())
        case .substringAfter:
            let (haystack, needle) = (text(0), text(1))
            guard let range = Self.find(needle, in: haystack) else { return .string("") }
            return .string(String(decoding: Array(haystack.utf8)[range.upperBound...], as: UTF8.self))
        case .substringBefore:
            let (haystack, needle) = (text(0), text(1))
            guard let range = Self.find(needle, in: haystack) else { return .string("") }
            return .string(String(decoding: Array(haystack.utf8)[..<range.lowerBound], as: UTF8.self))
        case .substring:
            return .string(substring(text(0), start: numeric(1), length: numeric(2)))
        case .contains:
            return .boolean(Self.find(text(1), in: text(0)) != nil)
        case .startsWith:
            return .boolean(text(0).utf8.starts(with: text(1).utf8))
        case .endsWith:
            return .boolean(Self.hasSuffix(text(0), text(1)))
        case .concat:
            return .string((0..<arguments.count).map(text).joined())
        case .name, .localName:
            let target: XNode
            if let argument = arguments.first {
                var first: XNode?
                _ = forEachNode(argument, at: node) { found in
                    first = found
                    return false
                }
                guard let first else { return .string("") }
                target = first
            } else {
                target = node
            }
            return .string(name(of: target, local: function == .localName))
        case .sum:
            guard let argument = arguments.first else { return .number(.zero) }
            var total: ExactDecimal? = .zero
            _ = forEachAtom(argument, at: node) { value in
                guard let addend = number(value), let sum = total else {
                    total = nil
                    return false
                }
                total = sum + addend
                return true
            }
            return .number(total)
        case .round:
            guard case .some(let value) = numeric(0) else { return nil }
            return .number(value?.rounded(to: 0, .halfTowardsPositiveInfinity))
        case .abs:
            guard case .some(let value) = numeric(0) else { return nil }
            return .number(value?.magnitude)
        case .number, .decimal:
            guard case .some(let value) = numeric(0) else { return function == .number ? .number(nil) : nil }
            return .number(value)
        }
    }

    func name(of node: XNode, local: Bool) -> String {
        guard node.element >= 0 else { return "" }
        let element = document.elements[Int(node.element)]
        if node.attribute >= 0 {
            let attribute = element.attributes[Int(node.attribute)]
            return local ? attribute.localName : attribute.name
        }
        return local ? element.localName : element.qualifiedName
    }

    /// XPath substring(): 1-based positions, rounded, over characters (Unicode scalars).
    private func substring(_ text: String, start: ExactDecimal??, length: ExactDecimal??) -> String {
        guard case .some(.some(let startValue)) = start else { return "" }
        let scalars = Array(text.unicodeScalars)
        let first = Self.integer(startValue.rounded(to: 0, .halfTowardsPositiveInfinity))
        var last = scalars.count + 1
        if case .some(let lengthValue) = length {
            guard let lengthValue else { return "" }
            last = first + Self.integer(lengthValue.rounded(to: 0, .halfTowardsPositiveInfinity))
        }
        let lower = max(first, 1) - 1
        let upper = min(last, scalars.count + 1) - 1
        guard lower < upper else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[lower..<upper])
        return result
    }

    private static func integer(_ value: ExactDecimal) -> Int {
        let clamped = max(min(value, ExactDecimal(1_000_000)), ExactDecimal(-1_000_000))
        return Int(clamped.withFractionDigits(0).mantissa)
    }

    static func normalizeSpace(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The byte range of the first occurrence of `needle` in `haystack` (UTF-8), nil when absent.
    static func find(_ needle: String, in haystack: String) -> Range<Int>? {
        let pattern = Array(needle.utf8)
        let bytes = Array(haystack.utf8)
        guard !pattern.isEmpty else { return 0..<0 }
        guard pattern.count <= bytes.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<(start + pattern.count)].elementsEqual(pattern) { return start..<(start + pattern.count) }
        }
        return nil
    }

    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        let textBytes = text.utf8
        let suffixBytes = suffix.utf8
        guard suffixBytes.count <= textBytes.count else { return false }
        return textBytes.suffix(suffixBytes.count).elementsEqual(suffixBytes)
    }
}
