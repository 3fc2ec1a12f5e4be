import EInvoice

/// The reader's working state: the source elements, which of them the mapping consumed, and the
/// term map. Every mapped value goes through one of the `take…` functions, which mark the element
/// consumed and record its term path, so `notCarried` and `sourceMap` can never disagree with the mapping.
struct CIIReadContext {
    let tree: XMLTree
    private(set) var consumed: [Bool]
    private(set) var sourceMap = TermPathTable()

    /// Per name id, what `name` answers for its elements (decided once per name, not per element): for the common
    /// names once per process, for the document's other names once per document.
    private let commonLocalNames: [String]
    private let otherLocalNames: [String]

    static let commonLocalNames = XMLTree.commonNames.map(localName)

    init(tree: XMLTree) {
        self.tree = tree
        consumed = Array(repeating: false, count: tree.elements.count)
        sourceMap.reserveCapacity(min(tree.elements.count, 4096))
        commonLocalNames = Self.commonLocalNames
        otherLocalNames = tree.otherNames.map(Self.localName)
    }

    /// The local name of a name in a CII namespace, "" for any other.
    private static func localName(_ name: XMLTree.Name) -> String {
        let namespace = name.namespace
        guard
            namespace == Namespaces.ciiRAM || namespace == Namespaces.ciiUDT || namespace == Namespaces.ciiQDT
                || namespace == Namespaces.ciiRSM
        else { return "" }
        return name.localName
    }

    // MARK: looking

    /// The local name of a CII element; "" for elements of any other namespace, so they never match.
    /// (Elements with the same name id have equal names, so the name's entry answers for all of them.)
    func name(_ index: Int) -> String {
        let id = Int(tree.elements[index].nameID)
        return id < commonLocalNames.count ? commonLocalNames[id] : otherLocalNames[id - commonLocalNames.count]
    }

    func children(_ index: Int) -> [Int] { tree.elements[index].children }

    /// The first child with the given local name.
    func child(_ index: Int, _ localName: String) -> Int? {
        tree.elements[index].children.first { name($0) == localName }
    }

    /// The trimmed text of an element, without consuming it.
    func peek(_ index: Int) -> String { tree.elements[index].text.trimmedXMLWhitespace }

    func attribute(_ localName: String, of index: Int) -> String? {
        tree.elements[index].attributes.first { $0.localName == localName && $0.namespace.isEmpty }?.value
    }

    // MARK: consuming

    /// Marks an element as mapped without reading a value (a group whose presence carries meaning,
    /// or a syntax-only element such as a tax `TypeCode` of `VAT`).
    mutating func consume(_ index: Int) { consumed[index] = true }

    /// Marks a group element as mapped and records it under `path`.
    mutating func group(_ index: Int, _ path: String) {
        consumed[index] = true
        sourceMap[path] = index
    }

    /// Records `path` for an element without consuming it (a second place that carries the same term).
    mutating func record(_ path: String, _ index: Int) {
        sourceMap.recordIfAbsent(path, index)
    }

    /// The trimmed text of a leaf term.
    mutating func text(_ index: Int, _ path: String) -> String {
        consumed[index] = true
        sourceMap[path] = index
        return tree.elements[index].text.trimmedXMLWhitespace
    }

    /// An identifier with its scheme attribute (`schemeID` unless told otherwise). The scheme sub-term
    /// (`…-1`) is recorded when the attribute is present.
    mutating func identifier(_ index: Int, _ path: String, scheme: String = "schemeID") -> Identifier {
        let value = text(index, path)
        let schemeID = attribute(scheme, of: index)
        if schemeID != nil { sourceMap[Self.schemePath(path)] = index }
        return Identifier(value, schemeID: schemeID)
    }

    /// A strictly parsed decimal (amount, percentage, price).
    mutating func decimal(_ index: Int, _ path: String) throws(InvoiceReadError) -> ExactDecimal {
        let text = text(index, path)
        do {
            return try ExactDecimal(parsing: text)
        } catch {
            throw failure(at: index, path: path, "'\(text)' is not a number: \(error.description)")
        }
    }

    /// A quantity with its `unitCode`; `unitPath` is the unit term (BT-130, BT-150).
    mutating func quantity(_ index: Int, _ path: String, unitPath: String) throws(InvoiceReadError) -> Quantity {
        let value = try decimal(index, path)
        let unit = attribute("unitCode", of: index)
        if unit != nil { sourceMap[unitPath] = index }
        return Quantity(value, unitCode: unit)
    }

    /// A date held in a `…DateTime` container by `udt:DateTimeString`, `udt:DateString` or
    /// `qdt:DateTimeString` with format 102. Nil when the container holds no date string.
    mutating func date(in container: Int, _ path: String) throws(InvoiceReadError) -> CalendarDate? {
        consumed[container] = true
        guard
            let leaf = children(container).first(where: {
                let local = name($0)
                return local == "DateTimeString" || local == "DateString"
            })
        else { return nil }
        let text = text(leaf, path)
        // A date without format 102 is not a date in the EN 16931 sense: the official rules treat it as
        // absent (BR-03, BR-29 …) and the code-list rule (FX-SCH-A) names the wrong format. Reading goes on.
        if (attribute("format", of: leaf)?.trimmedXMLWhitespace ?? "") != "102" {
            consumed[leaf] = true
            return nil
        }
        guard text.utf8.count == 8, let date = CalendarDate(text: text) else {
            throw failure(at: leaf, path: path, "'\(text)' is not a date in format 102 (YYYYMMDD)")
        }
        return date
    }

    /// The `udt:Indicator` inside a `ChargeIndicator`: true, false, or nil when absent. Nothing is
    /// consumed: the caller decides whether the element it belongs to is mapped (see `consumeIndicator`).
    func indicator(in container: Int, _ path: String) throws(InvoiceReadError) -> Bool? {
        guard let leaf = child(container, "Indicator") else { return nil }
        switch peek(leaf) {
        case "true", "1": return true
        case "false", "0": return false
        default: throw failure(at: leaf, path: path, "'\(peek(leaf))' is not an indicator; write true or false")
        }
    }

    mutating func consumeIndicator(_ container: Int) {
        consumed[container] = true
        if let leaf = child(container, "Indicator") { consumed[leaf] = true }
    }

    // MARK: errors

    /// An error that names the term, e.g.
    /// "BT-131 Invoice line net amount (BG-25[2]/BT-131): '12,5' is not a number…".
    func failure(at index: Int, path: String, _ detail: String) -> InvoiceReadError {
        let term = Self.termID(of: path)
        let title = EN16931Terms.name(of: term).map { "\(term) \($0)" } ?? term
        let location = term == path ? "" : " (\(path))"
        let element = tree.elements[index]
        return InvoiceReadError(
            "\(title)\(location): \(detail)", line: element.line, column: element.column, xpath: tree.xpath(of: index))
    }

    /// The term id at the end of a term path: `BG-25[2]/BT-131` → `BT-131`.
    static func termID(of path: String) -> String {
        var last = path.split(separator: "/").last.map(String.init) ?? path
        if let bracket = last.firstIndex(of: "[") { last = String(last[..<bracket]) }
        return last
    }

    /// `BG-4/BT-29[1]` → `BG-4/BT-29-1[1]`; `BT-18` → `BT-18-1`.
    static func schemePath(_ path: String) -> String {
        guard path.hasSuffix("]"), let bracket = path.lastIndex(of: "[") else { return path + "-1" }
        return path[..<bracket] + "-1" + path[bracket...]
    }
}

extension String {
    /// The text without leading and trailing XML whitespace; returns the string itself (no copy)
    /// when there is none, which matters for large base64 attachments.
    var trimmedXMLWhitespace: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        if !isSpace(first) && !isSpace(last) { return self }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }),
            let end = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[start...end])
    }
}
