import EInvoice
import Foundation

/// Writes an invoice as a UN/CEFACT Cross Industry Invoice in the element order of the CII D16B / D22B
/// schemas (which the Factur-X profile schemas restrict), streaming into bytes without a DOM.
///
/// The profile is the one given, or else the one BT-24 names. Terms the profile does not carry are left
/// out and listed in `Output.dropped` (MINIMUM and BASIC WL have no lines). Amounts are written with
/// the fraction digits they were read with.
public struct CIIWriter: Sendable {
    public struct Output: Sendable {
        public var bytes: [UInt8]
        /// The profile the document was written for; nil when BT-24 names none (everything is written).
        public var profile: FacturXProfile?
        /// Term or group ids (`BT-154`, `BG-25`) that the invoice holds but the profile could not carry.
        /// A dropped group is listed once, without its terms.
        public var dropped: [String]
    }

    public init() {}

    public func write(_ invoice: Invoice, profile: FacturXProfile? = nil) -> [UInt8] {
        output(invoice, profile: profile).bytes
    }

    public func output(_ invoice: Invoice, profile: FacturXProfile? = nil) -> Output {
        let effective = profile ?? FacturXProfile(guidelineID: invoice.processControl.specificationIdentifier)
        // The common case (no profile asked, or one that carries everything the invoice says) writes the
        // invoice as it is, without copying it.
        let keepsEverything = effective.map { $0 == .en16931 || $0 == .extended } ?? true
        if keepsEverything, profile == nil || profile?.guidelineID == invoice.processControl.specificationIdentifier {
            return Output(bytes: document(invoice), profile: effective, dropped: [])
        }
        var source = invoice
        if let profile { source.processControl.specificationIdentifier = profile.guidelineID }
        let scoped = effective.map { $0.scope(source) } ?? (invoice: source, dropped: [])
        return Output(bytes: document(scoped.invoice), profile: effective, dropped: scoped.dropped)
    }

    private func document(_ invoice: Invoice) -> [UInt8] {
        var writer = XMLWriter(capacity: 8 * 1024 + invoice.lines.count * 1024)
        writeDocument(invoice, &writer)
        return writer.finish()
    }

    /// What writing `invoice` for `profile` would leave out.
    public static func dropped(for invoice: Invoice, profile: FacturXProfile) -> [String] {
        profile.scope(invoice).dropped
    }

    // MARK: document

    func writeDocument(_ invoice: Invoice, _ w: inout XMLWriter) {
        w.open(
            "rsm:CrossIndustryInvoice",
            [
                ("xmlns:rsm", Namespaces.ciiRSM), ("xmlns:qdt", Namespaces.ciiQDT),
                ("xmlns:ram", Namespaces.ciiRAM), ("xmlns:udt", Namespaces.ciiUDT),
            ])
        w.start("rsm:ExchangedDocumentContext")
        if let process = invoice.processControl.businessProcessType {
            w.start("ram:BusinessProcessSpecifiedDocumentContextParameter")
            w.leaf("ram:ID", process)
            w.end("ram:BusinessProcessSpecifiedDocumentContextParameter")
        }
        w.start("ram:GuidelineSpecifiedDocumentContextParameter")
        w.leaf("ram:ID", invoice.processControl.specificationIdentifier)
        w.end("ram:GuidelineSpecifiedDocumentContextParameter")
        w.end("rsm:ExchangedDocumentContext")

        w.start("rsm:ExchangedDocument")
        w.leaf("ram:ID", invoice.number)
        w.leaf("ram:TypeCode", invoice.typeCode)
        w.dateTime("ram:IssueDateTime", invoice.issueDate)
        for note in invoice.notes {
            w.start("ram:IncludedNote")
            w.leaf("ram:Content", note.text)
            w.leaf("ram:SubjectCode", note.subjectCode)
            w.end("ram:IncludedNote")
        }
        w.end("rsm:ExchangedDocument")

        w.start("rsm:SupplyChainTradeTransaction")
        // Through the buffer, each line is borrowed in place (an array subscript hands out a copy).
        invoice.lines.withUnsafeBufferPointer { lines in
            for index in lines.indices { writeLine(lines[index], &w) }
        }
        writeAgreement(invoice, &w)
        writeDelivery(invoice, &w)
        writeSettlement(invoice, &w)
        w.end("rsm:SupplyChainTradeTransaction")
        w.end("rsm:CrossIndustryInvoice")
    }
}

extension XMLWriter {
    /// An amount, percentage or price as its exact text.
    mutating func decimal(_ name: StaticString, _ value: ExactDecimal?) {
        guard let value else { return }
        start(name)
        number(value)
        end(name)
    }

    /// An amount with one attribute (`currencyID`).
    mutating func decimal(_ name: StaticString, _ value: ExactDecimal?, attribute key: StaticString, _ attributeValue: String?) {
        guard let value else { return }
        start(name, attribute: key, attributeValue)
        number(value)
        end(name)
    }

    mutating func quantity(_ name: StaticString, _ quantity: Quantity?) {
        guard let quantity else { return }
        start(name, attribute: "unitCode", quantity.unitCode)
        number(quantity.value)
        end(name)
    }

    mutating func identifier(_ name: StaticString, _ identifier: Identifier?, scheme: StaticString = "schemeID") {
        guard let identifier else { return }
        leaf(name, identifier.value, attribute: scheme, identifier.schemeID)
    }

    /// `<name><udt:DateTimeString format="102">YYYYMMDD</udt:DateTimeString></name>`.
    mutating func dateTime(_ name: StaticString, _ date: CalendarDate?, leaf leafName: StaticString = "udt:DateTimeString") {
        guard let date else { return }
        start(name)
        start(leafName, attribute: "format", "102")
        compactDate(date)
        end(leafName)
        end(name)
    }

    /// Text that is usually large and plain (base64 attachments): copied in one go when it needs no
    /// escaping, escaped byte by byte otherwise.
    mutating func bulkText(_ text: String) {
        func special(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == 0x0D
        }
        // memchr over the contiguous bytes is far faster than iterating the UTF-8 view (1 MB attachments).
        let needsEscaping =
            text.utf8.withContiguousStorageIfAvailable { buffer in
                guard let base = buffer.baseAddress else { return false }
                return [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x0D].contains {
                    memchr(base, Int32($0), buffer.count) != nil
                }
            } ?? text.utf8.contains(where: special)
        if needsEscaping { escape(text, inAttribute: false) } else { raw(text) }
    }

    /// A group holding just one text child, e.g. `<ram:SellerOrderReferencedDocument><ram:IssuerAssignedID>`.
    mutating func wrapped(_ name: StaticString, _ childName: StaticString, _ text: String?) {
        guard let text else { return }
        start(name)
        leaf(childName, text)
        end(name)
    }
}
