import EInvoice

/// Reads a UN/CEFACT Cross Industry Invoice (D16B or D22B, any Factur-X profile) into the EN 16931 model,
/// following the EN 16931-3-3 CII binding.
///
/// Each group element's children are walked once. A malformed number or date fails the read with an
/// `InvoiceReadError` that names the term and gives its line, column and XPath. Every element the mapping
/// does not consume (EXTENDED content, duplicates of single terms) is listed in `notCarried`.
///
/// Term paths in `sourceMap` nest sub-groups under their group: `BG-4/BG-5/BT-40`, `BG-16/BG-17[1]/BT-84`,
/// `BG-16/BG-19/BT-89`, `BG-25[0]/BG-31/BG-32[0]/BT-160`. A term that repeats inside its group carries a
/// position (`BG-4/BT-29[1]`, `BG-25[0]/BG-31/BT-158[0]`) and its first occurrence is also recorded
/// without one. Scheme attributes are recorded as `…-1` (`BG-4/BT-29-1[0]`, `BT-18-1`), unit codes as
/// BT-130 and BT-150. BT-7 and BT-8, which CII repeats per VAT breakdown, point at the first one.
public struct CIIReader: Sendable {
    public init() {}

    public func read(_ tree: XMLTree) throws(InvoiceReadError) -> ParsedInvoice {
        guard let root = tree.root else { throw InvoiceReadError("the document is empty") }
        guard root.localName == "CrossIndustryInvoice", root.namespace == Namespaces.ciiRSM else {
            throw InvoiceReadError(
                "the root element is <\(root.qualifiedName)> in namespace '\(root.namespace)', not a CII "
                    + "<rsm:CrossIndustryInvoice>", line: root.line, column: root.column, xpath: tree.xpath(of: 0))
        }
        var context = CIIReadContext(tree: tree)
        var invoice = Invoice()
        invoice.typeCode = ""
        context.consume(0)
        for child in context.children(0) {
            switch context.name(child) {
            case "ExchangedDocumentContext": readDocumentContext(child, into: &invoice, &context)
            case "ExchangedDocument": try readDocument(child, into: &invoice, &context)
            case "SupplyChainTradeTransaction": try readTransaction(child, into: &invoice, &context)
            default: break
            }
        }
        return ParsedInvoice(
            invoice: invoice, syntax: .cii, tree: tree, sourcePaths: context.sourceMap,
            notCarried: LazyValue { [consumed = context.consumed] in Self.notCarried(in: tree, consumed: consumed) })
    }

    /// The elements nobody consumed, each reported once at its outermost unconsumed element.
    static func notCarried(in tree: XMLTree, consumed: [Bool]) -> [String] {
        var used = consumed
        // An element with a consumed descendant is a container that was walked through.
        for index in stride(from: used.count - 1, to: 0, by: -1) where used[index] {
            used[tree.elements[index].parent] = true
        }
        var result: [String] = []
        var xpaths = CIIXPathBuilder(tree: tree)
        for index in 1..<max(used.count, 1) where !used[index] && used[tree.elements[index].parent] {
            result.append(xpaths.xpath(of: index))
        }
        return result
    }

    // MARK: BG-2 and the document header

    func readDocumentContext(_ element: Int, into invoice: inout Invoice, _ context: inout CIIReadContext) {
        context.group(element, "BG-2")
        var sawGuideline = false
        for child in context.children(element) {
            switch context.name(child) {
            case "BusinessProcessSpecifiedDocumentContextParameter"
            where invoice.processControl.businessProcessType == nil:
                guard let id = context.child(child, "ID") else { continue }
                context.consume(child)
                invoice.processControl.businessProcessType = context.text(id, "BG-2/BT-23")
            case "GuidelineSpecifiedDocumentContextParameter" where !sawGuideline:
                guard let id = context.child(child, "ID") else { continue }
                sawGuideline = true
                context.consume(child)
                invoice.processControl.specificationIdentifier = context.text(id, "BG-2/BT-24")
            default: break
            }
        }
    }

    func readDocument(_ element: Int, into invoice: inout Invoice, _ context: inout CIIReadContext)
        throws(InvoiceReadError)
    {
        context.consume(element)
        var seen = (number: false, typeCode: false)
        for child in context.children(element) {
            switch context.name(child) {
            case "ID" where !seen.number:
                seen.number = true
                invoice.number = context.text(child, "BT-1")
            case "TypeCode" where !seen.typeCode:
                seen.typeCode = true
                invoice.typeCode = context.text(child, "BT-3")
            case "IssueDateTime" where invoice.issueDate == nil: invoice.issueDate = try context.date(in: child, "BT-2")
            case "IncludedNote":
                let path = "BG-1[\(invoice.notes.count)]"
                var note = InvoiceNote(text: "")
                var hasContent = false
                for part in context.children(child) {
                    switch context.name(part) {
                    case "Content" where !hasContent:
                        note.text = context.text(part, path + "/BT-22")
                        hasContent = true
                    case "SubjectCode" where note.subjectCode == nil:
                        note.subjectCode = context.text(part, path + "/BT-21")
                    default: break
                    }
                }
                context.group(child, path)
                invoice.notes.append(note)
            default: break
            }
        }
    }

    // MARK: the transaction

    func readTransaction(_ element: Int, into invoice: inout Invoice, _ context: inout CIIReadContext)
        throws(InvoiceReadError)
    {
        context.consume(element)
        for child in context.children(element) {
            switch context.name(child) {
            case "IncludedSupplyChainTradeLineItem":
                invoice.lines.append(try readLine(child, index: invoice.lines.count, &context))
            case "ApplicableHeaderTradeAgreement": try readAgreement(child, into: &invoice, &context)
            case "ApplicableHeaderTradeDelivery": try readDelivery(child, into: &invoice, &context)
            case "ApplicableHeaderTradeSettlement": try readSettlement(child, into: &invoice, &context)
            default: break
            }
        }
    }
}
