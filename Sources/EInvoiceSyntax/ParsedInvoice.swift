import EInvoice

/// The XML syntaxes an invoice can be written in.
public enum InvoiceSyntax: String, Sendable, Codable {
    /// UN/CEFACT Cross Industry Invoice (D16B and D22B share the namespaces).
    case cii
    /// OASIS UBL 2.1 Invoice.
    case ublInvoice
    /// OASIS UBL 2.1 CreditNote.
    case ublCreditNote

    public var isUBL: Bool { self != .cii }
}

/// An invoice read from XML, with what the rules need to point back into the source.
public struct ParsedInvoice: Sendable {
    public var invoice: Invoice
    public var syntax: InvoiceSyntax
    /// The source document.
    public var tree: XMLTree
    /// From a term path to the element that carries it. Term paths name the term and, inside repeated
    /// groups, the 0-based position: `BT-1`, `BG-25[2]/BT-131`, `BG-23[0]/BT-117`, `BG-20[1]/BT-92`,
    /// `BG-25[0]/BG-27[1]/BT-136`. A group path (`BG-25[2]`) points at the group's element.
    /// (Built on first use from the readers' table; `sourceElement(_:)` answers one path without building it.)
    public var sourceMap: [String: Int] {
        get { sourcePaths.dictionary }
        set { sourcePaths = SourcePaths(TermPathTable(newValue)) }
    }
    /// Content found in the source that the EN 16931 model does not hold (EXTENDED or syntax-only
    /// elements), as XPaths. Converting to another syntax drops exactly these, so they are reported.
    /// (The XPaths are built on first use.)
    public var notCarried: [String] {
        get { notCarriedPaths.value }
        set { notCarriedPaths = LazyValue(value: newValue) }
    }
    private var sourcePaths: SourcePaths
    private var notCarriedPaths: LazyValue<[String]>

    public init(invoice: Invoice, syntax: InvoiceSyntax, tree: XMLTree, sourceMap: [String: Int], notCarried: [String]) {
        self.init(
            invoice: invoice, syntax: syntax, tree: tree, sourcePaths: TermPathTable(sourceMap),
            notCarried: LazyValue(value: notCarried))
    }

    init(
        invoice: Invoice, syntax: InvoiceSyntax, tree: XMLTree, sourcePaths: TermPathTable,
        notCarried: LazyValue<[String]>
    ) {
        self.invoice = invoice
        self.syntax = syntax
        self.tree = tree
        self.sourcePaths = SourcePaths(sourcePaths)
        notCarriedPaths = notCarried
    }

    /// `sourceMap[path]`, without building the dictionary.
    public func sourceElement(_ path: String) -> Int? { sourcePaths.table[path] }
}

/// Why a well-formed XML document could not be read as an invoice.
public struct InvoiceReadError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public var xpath: String?

    public init(_ message: String, line: Int = 0, column: Int = 0, xpath: String? = nil) {
        self.message = message
        self.line = line
        self.column = column
        self.xpath = xpath
    }

    public var description: String {
        var text = line > 0 ? "line \(line), column \(column): \(message)" : message
        if let xpath { text += " (\(xpath))" }
        return text
    }
}
