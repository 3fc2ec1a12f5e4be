import EInvoice
import Foundation

/// Reads a CDAR D22B lifecycle message strictly, with the safe XML reader (no DOCTYPE, no entity, bounded size).
///
/// Every mandatory part that is missing or malformed is an error located at its line and column. Optional parts
/// the model does not keep are ignored. The MDT-88 status code (`ram:StatusCode`) is not checked against MDT-105:
/// the reform's table is partly inferred, and MDT-105 is what identifies the status.
public struct CDARReader: Sendable {
    public var limits: XMLReadLimits

    public init(limits: XMLReadLimits = XMLReadLimits()) {
        self.limits = limits
    }

    public func read(_ text: String) throws(CDARReadError) -> CDARMessage {
        try read(Array(text.utf8))
    }

    public func read(_ bytes: [UInt8]) throws(CDARReadError) -> CDARMessage {
        let tree: XMLTree
        do {
            tree = try SafeXMLParser(limits: limits).parse(bytes)
        } catch {
            throw CDARReadError(.xml(error.reason), line: error.line, column: error.column, path: "/")
        }
        return try CDARTreeReader(tree: tree).message()
    }
}

/// Walks the parsed tree of one message.
struct CDARTreeReader {
    let tree: XMLTree

    func message() throws(CDARReadError) -> CDARMessage {
        guard let root = tree.root, root.localName == "CrossDomainAcknowledgementAndResponse",
            root.namespace == Namespaces.cdarRSM
        else {
            throw CDARReadError(
                .notCDAR(root: tree.root?.qualifiedName ?? ""), line: tree.root?.line ?? 1,
                column: tree.root?.column ?? 1, path: "/")
        }
        let context = rsm(0, "ExchangedDocumentContext")
        let process = context.flatMap { first($0, "BusinessProcessSpecifiedDocumentContextParameter", "ID") }
        let guideline = context.flatMap { first($0, "GuidelineSpecifiedDocumentContextParameter", "ID") }

        let document = try required(rsm(0, "ExchangedDocument"), in: 0, "rsm:ExchangedDocument", "MDG-2")
        let messageID = try requiredText(document, "ram:ID", "MDT-4")
        let issued = try dateTime(document, "ram:IssueDateTime", "MDG-4")
        let sender = try party(try required(ram(document, "SenderTradeParty"), in: document, "ram:SenderTradeParty", "MDG-9"))
        let issuer = try ram(document, "IssuerTradeParty").map { index throws(CDARReadError) in try party(index) }
        let recipientIndexes = tree.children(of: document, named: "RecipientTradeParty", namespace: Namespaces.ciiRAM)
        guard !recipientIndexes.isEmpty else {
            throw error(.missing(element: "ram:RecipientTradeParty", term: "MDG-11"), at: document)
        }
        var recipients: [CDARParty] = []
        for index in recipientIndexes { recipients.append(try party(index)) }

        let acknowledgements = tree.children(of: 0, named: "AcknowledgementDocument", namespace: Namespaces.cdarRSM)
        guard let acknowledgement = acknowledgements.first else {
            throw error(.missing(element: "rsm:AcknowledgementDocument", term: "MDG-30"), at: 0)
        }
        guard acknowledgements.count == 1 else {
            throw error(.unsupported("a message with several rsm:AcknowledgementDocument is not supported; send one status per message"), at: acknowledgements[1])
        }
        let phase = try code(acknowledgement, "ram:TypeCode", "MDT-77")
        guard LifecyclePhase(rawValue: text(phase)) != nil else {
            throw error(.invalid(element: "ram:TypeCode", value: text(phase), expected: "305 (transmission) or 23 (processing)"), at: phase)
        }
        let statusDateTime = try dateTime(acknowledgement, "ram:IssueDateTime", "status date-time")
        let references = tree.children(of: acknowledgement, named: "ReferenceReferencedDocument", namespace: Namespaces.ciiRAM)
        guard let reference = references.first else {
            throw error(.missing(element: "ram:ReferenceReferencedDocument", term: "MDG-33"), at: acknowledgement)
        }
        guard references.count == 1 else {
            throw error(.unsupported("a status about several invoices is not supported; send one message per invoice"), at: references[1])
        }
        let (invoice, status) = try invoiceReference(reference)
        let (reasons, amounts) = try details(reference)
        return CDARMessage(
            messageID: messageID, issueDateTime: issued, sender: sender, issuer: issuer, recipients: recipients,
            invoice: invoice, status: status, statusDateTime: statusDateTime, reasons: reasons, amounts: amounts,
            businessProcess: process.map { text($0) }, guideline: guideline.map { text($0) } ?? "")
    }

    private func invoiceReference(_ reference: Int) throws(CDARReadError) -> (CDARInvoiceReference, LifecycleStatus) {
        let number = try requiredText(reference, "ram:IssuerAssignedID", "MDT-87, BT-1")
        let formatted = try required(ram(reference, "FormattedIssueDateTime"), in: reference, "ram:FormattedIssueDateTime", "MDG-35, BT-2")
        let dateString = try required(
            tree.child(of: formatted, named: "DateTimeString", namespace: Namespaces.ciiQDT), in: formatted,
            "qdt:DateTimeString", "BT-2")
        let format = tree.attribute("format", of: dateString)
        guard format == nil || format == "102", let issueDate = CalendarDate(text: text(dateString)),
            text(dateString).count == 8
        else {
            throw error(.invalid(element: "qdt:DateTimeString", value: text(dateString), expected: "a real date YYYYMMDD in format 102"), at: dateString)
        }
        let typeCode = ram(reference, "TypeCode").map { text($0) }
        let statusCode = try code(reference, "ram:ProcessConditionCode", "MDT-105")
        let status = LifecycleStatus(code: text(statusCode))
        guard text(statusCode).allSatisfy(\.isNumber) else {
            throw error(.invalid(element: "ram:ProcessConditionCode", value: text(statusCode), expected: "a status code such as 200…228"), at: statusCode)
        }
        let seller = try required(ram(reference, "IssuerTradeParty"), in: reference, "ram:IssuerTradeParty", "MDG-36, the seller")
        let siren = try requiredText(seller, "ram:GlobalID", "MDT-129, the seller's SIREN")
        return (CDARInvoiceReference(number: number, issueDate: issueDate, typeCode: typeCode, sellerSIREN: siren), status)
    }

    /// The reasons and amounts of every `ram:SpecifiedDocumentStatus`, in document order.
    private func details(_ reference: Int) throws(CDARReadError) -> ([StatusReason], [StatusAmount]) {
        var reasons: [StatusReason] = []
        var amounts: [StatusAmount] = []
        for detail in tree.children(of: reference, named: "SpecifiedDocumentStatus", namespace: Namespaces.ciiRAM) {
            let code = ram(detail, "ReasonCode").map { text($0) } ?? ""
            let reasonText = tree.children(of: detail, named: "Reason", namespace: Namespaces.ciiRAM).map { text($0) }
                .joined(separator: "\n")
            if !code.isEmpty || !reasonText.isEmpty { reasons.append(StatusReason(code: code, text: reasonText)) }
            for characteristic in tree.children(of: detail, named: "SpecifiedDocumentCharacteristic", namespace: Namespaces.ciiRAM) {
                guard let value = ram(characteristic, "ValueAmount") else { continue }
                let type = ram(characteristic, "TypeCode").map { text($0) } ?? ""
                let amount = try decimal(value, "ram:ValueAmount")
                let rate = try ram(characteristic, "ValuePercent").map { index throws(CDARReadError) in try decimal(index, "ram:ValuePercent") }
                amounts.append(StatusAmount(typeCode: type, amount: amount, currency: tree.attribute("currencyID", of: value), vatRate: rate))
            }
        }
        return (reasons, amounts)
    }

    private func party(_ index: Int) throws(CDARReadError) -> CDARParty {
        let id = ram(index, "GlobalID") ?? ram(index, "ID")
        let role = try code(index, "ram:RoleCode", "the party's role")
        let address = first(index, "URIUniversalCommunication", "URIID")
        return CDARParty(
            globalID: id.map { text($0) }, globalIDScheme: id.flatMap { tree.attribute("schemeID", of: $0) },
            name: ram(index, "Name").map { text($0) }, role: text(role),
            electronicAddress: address.map { text($0) },
            electronicAddressScheme: address.flatMap { tree.attribute("schemeID", of: $0) })
    }

    private func dateTime(_ parent: Int, _ name: String, _ term: String) throws(CDARReadError) -> LifecycleDateTime {
        let element = try required(ram(parent, String(name.dropFirst(4))), in: parent, name, term)
        guard let string = tree.child(of: element, named: "DateTimeString", namespace: Namespaces.ciiUDT) else {
            throw error(.missing(element: "udt:DateTimeString", term: term), at: element)
        }
        let written = text(string)
        let format = tree.attribute("format", of: string)
        let lengthFits = (format == "204" && written.count == 14) || (format == "102" && written.count == 8)
            || (format == nil && written.count == 14)
        guard lengthFits, let value = LifecycleDateTime(text: written) else {
            throw error(.invalid(element: "udt:DateTimeString", value: written, expected: "a real date-time YYYYMMDDHHMMSS in format 204"), at: string)
        }
        return value
    }

    private func decimal(_ index: Int, _ name: String) throws(CDARReadError) -> ExactDecimal {
        do {
            return try ExactDecimal(parsing: text(index))
        } catch {
            throw self.error(.invalid(element: name, value: text(index), expected: "a number like 1234.56 (\(error))"), at: index)
        }
    }

    // MARK: Finding elements

    private func rsm(_ parent: Int, _ name: String) -> Int? {
        tree.child(of: parent, named: name, namespace: Namespaces.cdarRSM)
    }

    private func ram(_ parent: Int, _ name: String) -> Int? {
        tree.child(of: parent, named: name, namespace: Namespaces.ciiRAM)
    }

    private func first(_ parent: Int, _ names: String...) -> Int? {
        var current = parent
        for name in names {
            guard let next = ram(current, name) else { return nil }
            current = next
        }
        return current
    }

    private func required(_ index: Int?, in parent: Int, _ name: String, _ term: String) throws(CDARReadError) -> Int {
        guard let index else { throw error(.missing(element: name, term: term), at: parent) }
        return index
    }

    /// A `ram:` child whose text is not empty.
    private func code(_ parent: Int, _ name: String, _ term: String) throws(CDARReadError) -> Int {
        let index = try required(ram(parent, String(name.dropFirst(4))), in: parent, name, term)
        guard !text(index).isEmpty else { throw error(.missing(element: name, term: term), at: index) }
        return index
    }

    private func requiredText(_ parent: Int, _ name: String, _ term: String) throws(CDARReadError) -> String {
        tree[try code(parent, name, term)].text
    }

    private func error(_ reason: CDARReadError.Reason, at index: Int) -> CDARReadError {
        CDARReadError(reason, line: tree[index].line, column: tree[index].column, path: tree.xpath(of: index))
    }
}

extension CDARTreeReader {
    /// An element's text, trimmed.
    func text(_ index: Int) -> String {
        tree[index].text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
