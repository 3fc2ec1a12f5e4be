import EInvoice

/// The UBL document being read: the tree, which elements the mapping consumed, and the term paths found.
///
/// Every lookup goes through `take`, which marks the element as consumed. Whatever is left unmarked at
/// the end is reported in `ParsedInvoice.notCarried`, so the list stays right without naming elements.
struct UBLSource {
    static let cbc = Namespaces.ublCBC
    static let cac = Namespaces.ublCAC

    let tree: XMLTree
    private(set) var consumed: [Bool]
    var sourceMap = TermPathTable()

    /// The root's children by local name: the root holds every line, so it is indexed once.
    private var rootChildren: [String: [Int]] = [:]

    init(tree: XMLTree) {
        self.tree = tree
        consumed = [Bool](repeating: false, count: tree.elements.count)
        guard let root = tree.root else { return }
        consumed[0] = true
        sourceMap.reserveCapacity(tree.elements.count / 2)
        for child in root.children {
            rootChildren[tree.elements[child].localName, default: []].append(child)
        }
    }

    // MARK: finding children

    /// Indices of the children of `parent` with the name, in document order, without consuming them.
    func peekAll(_ parent: Int, _ name: String, _ namespace: String = cbc) -> [Int] {
        if parent == 0 {
            return (rootChildren[name] ?? []).filter { tree.elements[$0].namespace == namespace }
        }
        var found: [Int] = []
        for child in tree.elements[parent].children where matches(child, name, namespace) {
            found.append(child)
        }
        return found
    }

    func peek(_ parent: Int, _ name: String, _ namespace: String = cbc) -> Int? {
        if parent == 0 {
            return rootChildren[name]?.first { tree.elements[$0].namespace == namespace }
        }
        return tree.elements[parent].children.first { matches($0, name, namespace) }
    }

    @inline(__always) func matches(_ index: Int, _ name: String, _ namespace: String) -> Bool {
        let element = tree.elements[index]
        return element.localName == name && element.namespace == namespace
    }

    /// The first child with the name, marked as consumed; nil for a nil parent.
    mutating func take(_ parent: Int?, _ name: String, _ namespace: String = cbc) -> Int? {
        guard let parent, let found = peek(parent, name, namespace) else { return nil }
        consumed[found] = true
        return found
    }

    /// Every child with the name, marked as consumed.
    mutating func takeAll(_ parent: Int?, _ name: String, _ namespace: String = cbc) -> [Int] {
        guard let parent else { return [] }
        let found = peekAll(parent, name, namespace)
        for index in found { consumed[index] = true }
        return found
    }

    mutating func consume(_ index: Int) { consumed[index] = true }

    /// Records where a term was found.
    mutating func record(_ path: String, _ index: Int?) {
        if let index { sourceMap[path] = index }
    }

    // MARK: values

    /// The trimmed text of an element.
    func text(of index: Int) -> String { Self.trimmed(tree.elements[index].text) }

    func attribute(_ name: String, of index: Int) -> String? {
        tree.attribute(name, of: index).map(Self.trimmed)
    }

    /// The text without leading and trailing XML whitespace; the same string when there is none.
    static func trimmed(_ text: String) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        // Whitespace bytes are ASCII, so these indices fall on character boundaries.
        return String(text[start...end])
    }

    /// The trimmed text of the first child with the name, recorded under `path`.
    mutating func text(_ parent: Int?, _ name: String, at path: String? = nil) -> String? {
        guard let index = take(parent, name) else { return nil }
        if let path { record(path, index) }
        return text(of: index)
    }

    /// An identifier with its `schemeID`.
    mutating func identifier(_ parent: Int?, _ name: String, at path: String? = nil) -> Identifier? {
        guard let index = take(parent, name) else { return nil }
        if let path { record(path, index) }
        return identifier(of: index)
    }

    func identifier(of index: Int) -> Identifier {
        Identifier(text(of: index), schemeID: attribute("schemeID", of: index))
    }

    /// A date (`YYYY-MM-DD`); a malformed one is an error that names the term and where it is.
    mutating func date(_ parent: Int?, _ name: String, at path: String) throws(InvoiceReadError) -> CalendarDate? {
        guard let index = take(parent, name) else { return nil }
        record(path, index)
        let value = text(of: index)
        guard let date = Self.date(value) else {
            throw failure(at: index, path: path, "'\(value)' is not a date; UBL dates are YYYY-MM-DD, e.g. 2024-03-31")
        }
        return date
    }

    /// An `xsd:date`: `YYYY-MM-DD`, optionally followed by a time zone (`Z`, `+01:00`), which is dropped.
    static func date(_ text: String) -> CalendarDate? {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 10, utf8[4] == UInt8(ascii: "-") else { return nil }
        let zone = Array(utf8[10...])
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let validZone = zone.isEmpty || zone == [UInt8(ascii: "Z")]
            || (zone.count == 6 && (zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-"))
                && isDigit(zone[1]) && isDigit(zone[2]) && zone[3] == UInt8(ascii: ":") && isDigit(zone[4])
                && isDigit(zone[5]))
        guard validZone else { return nil }
        return CalendarDate(text: String(decoding: utf8[0..<10], as: UTF8.self))
    }

    /// A decimal number (amount, quantity, price or percentage), parsed strictly.
    mutating func decimal(_ parent: Int?, _ name: String, at path: String) throws(InvoiceReadError) -> ExactDecimal? {
        guard let index = take(parent, name) else { return nil }
        record(path, index)
        return try decimal(of: index, at: path)
    }

    func decimal(of index: Int, at path: String) throws(InvoiceReadError) -> ExactDecimal {
        let value = text(of: index)
        do {
            return try ExactDecimal(parsing: value)
        } catch {
            throw failure(at: index, path: path, "'\(value)' is not a number: \(error)")
        }
    }

    /// A quantity with its `unitCode`.
    mutating func quantity(_ parent: Int?, _ name: String, at path: String) throws(InvoiceReadError) -> Quantity? {
        guard let index = take(parent, name) else { return nil }
        record(path, index)
        return Quantity(try decimal(of: index, at: path), unitCode: attribute("unitCode", of: index))
    }

    /// An error at an element: the term with its name, the term path, what is wrong, line, column and XPath.
    func failure(at index: Int, path: String, _ detail: String) -> InvoiceReadError {
        let element = tree.elements[index]
        return InvoiceReadError(
            "\(UBLTermNames.describe(path)) at \(path): \(detail)", line: element.line, column: element.column,
            xpath: tree.xpath(of: index))
    }

    // MARK: what was not carried

    /// XPaths of the outermost elements that the mapping did not consume, in document order.
    func notCarried() -> [String] { Self.notCarried(in: tree, consumed: consumed) }

    static func notCarried(in tree: XMLTree, consumed: [Bool]) -> [String] {
        var steps = UBLXPathSteps(tree: tree)
        var result: [String] = []
        for index in tree.elements.indices where !consumed[index] {
            let parent = tree.elements[index].parent
            if parent < 0 || consumed[parent] { result.append(steps.xpath(of: index)) }
        }
        return result
    }
}
