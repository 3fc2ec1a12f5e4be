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
        var source = invoice
        if let profile { source.processControl.specificationIdentifier = profile.guidelineID }
        let effective = profile ?? FacturXProfile(guidelineID: invoice.processControl.specificationIdentifier)
        let scoped = effective.map { $0.scope(source) } ?? (invoice: source, dropped: [])
        var writer = XMLWriter(capacity: 8 * 1024 + scoped.invoice.lines.count * 1024)
        writeDocument(scoped.invoice, &writer)
        return Output(bytes: writer.bytes, profile: effective, dropped: scoped.dropped)
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
        w.open("rsm:ExchangedDocumentContext")
        if let process = invoice.processControl.businessProcessType {
            w.open("ram:BusinessProcessSpecifiedDocumentContextParameter")
            w.element("ram:ID", process)
            w.close("ram:BusinessProcessSpecifiedDocumentContextParameter")
        }
        w.open("ram:GuidelineSpecifiedDocumentContextParameter")
        w.element("ram:ID", invoice.processControl.specificationIdentifier)
        w.close("ram:GuidelineSpecifiedDocumentContextParameter")
        w.close("rsm:ExchangedDocumentContext")

        w.open("rsm:ExchangedDocument")
        w.element("ram:ID", invoice.number)
        w.element("ram:TypeCode", invoice.typeCode)
        w.dateTime("ram:IssueDateTime", invoice.issueDate)
        for note in invoice.notes {
            w.open("ram:IncludedNote")
            w.element("ram:Content", note.text)
            w.element("ram:SubjectCode", note.subjectCode)
            w.close("ram:IncludedNote")
        }
        w.close("rsm:ExchangedDocument")

        w.open("rsm:SupplyChainTradeTransaction")
        for line in invoice.lines { writeLine(line, &w) }
        writeAgreement(invoice, &w)
        writeDelivery(invoice, &w)
        writeSettlement(invoice, &w)
        w.close("rsm:SupplyChainTradeTransaction")
        w.close("rsm:CrossIndustryInvoice")
    }
}

extension XMLWriter {
    /// An amount, percentage or price as its exact text.
    mutating func decimal(_ name: String, _ value: ExactDecimal?, _ attributes: [(String, String?)] = []) {
        guard let value else { return }
        open(name, attributes)
        number(value)
        close(name)
    }

    /// An amount with one attribute (`currencyID`), without an attribute array.
    mutating func decimal(_ name: String, _ value: ExactDecimal?, attribute key: String, _ attributeValue: String?) {
        guard let value else { return }
        open(name, attribute: key, attributeValue)
        number(value)
        close(name)
    }

    mutating func quantity(_ name: String, _ quantity: Quantity?) {
        guard let quantity else { return }
        open(name, attribute: "unitCode", quantity.unitCode)
        number(quantity.value)
        close(name)
    }

    mutating func identifier(_ name: String, _ identifier: Identifier?, scheme: String = "schemeID") {
        guard let identifier else { return }
        element(name, identifier.value, attribute: scheme, identifier.schemeID)
    }

    /// `<name><udt:DateTimeString format="102">YYYYMMDD</udt:DateTimeString></name>`.
    mutating func dateTime(_ name: String, _ date: CalendarDate?, leaf: String = "udt:DateTimeString") {
        guard let date else { return }
        open(name)
        element(leaf, date.compactText, attribute: "format", "102")
        close(name)
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
    mutating func wrapped(_ name: String, _ childName: String, _ text: String?) {
        guard let text else { return }
        open(name)
        element(childName, text)
        close(name)
    }
}
