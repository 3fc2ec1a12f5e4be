import EInvoice
import EInvoiceSyntax
import Foundation

/// A flow the sandbox holds: its metadata, its bytes, and what was read from them.
struct StoredFlow: Sendable {
    var metadata: FlowMetadata
    /// The client (OAuth2 client id) that owns it: the only one that can see it.
    var owner: String
    /// Creation order, the key of the search cursor.
    var sequence: Int
    var sha256: String
    var original: [UInt8]
    /// The invoice read from an invoice flow (for the `Converted` and `ReadableView` documents).
    var invoice: Invoice?
    /// The CII found inside a Factur-X.
    var embeddedXML: [UInt8]?
    /// The acknowledgement that replaces `Pending` when its time comes.
    var pendingAcknowledgement: Acknowledgement?
}

/// An accepted invoice whose lifecycle the sandbox plays.
struct TrackedInvoice: Sendable {
    var flowId: String
    var owner: String
    var trackingId: String?
    var processingRule: ProcessingRule
    /// BT-1, BT-2, BT-3.
    var number: String
    var issueDate: CalendarDate
    var typeCode: String
    /// BT-30 (scheme 0002), BT-27, BT-34.
    var sellerSIREN: String
    var sellerName: String
    var sellerAddress: String?
    /// BT-47, BT-44.
    var buyerSIREN: String?
    var buyerName: String
    /// BT-115 (or BT-112 when absent), and BT-5.
    var amountDue: ExactDecimal
    var currency: String
    var statuses: [LifecycleStatus] = []

    init(flowId: String, owner: String, trackingId: String?, processingRule: ProcessingRule, invoice: Invoice) {
        self.flowId = flowId
        self.owner = owner
        self.trackingId = trackingId
        self.processingRule = processingRule
        number = invoice.number
        issueDate = invoice.issueDate ?? CalendarDate(year: 1970, month: 1, day: 1)
        typeCode = invoice.typeCode
        sellerSIREN = TrackedInvoice.siren(of: invoice.seller) ?? "000000000"
        sellerName = invoice.seller.name
        sellerAddress = invoice.seller.electronicAddress?.value
        buyerSIREN = TrackedInvoice.siren(of: invoice.buyer)
        buyerName = invoice.buyer.name
        amountDue = invoice.totals.amountDue ?? invoice.totals.taxInclusiveAmount ?? .zero
        currency = invoice.currencyCode.isEmpty ? "EUR" : invoice.currencyCode
    }

    /// The party's SIREN: its legal registration (BT-30 / BT-47) when it is 9 digits, else the 9 digits that start
    /// a French address (scheme 0225).
    static func siren(of party: Party) -> String? {
        func isSIREN(_ text: String) -> Bool { text.count == 9 && text.allSatisfy(\.isASCIIDigitCharacter) }
        if let legal = party.legalRegistrationIdentifier?.value, isSIREN(legal) { return legal }
        if let legal = party.legalRegistrationIdentifier?.value, legal.count == 14,
           legal.allSatisfy(\.isASCIIDigitCharacter) { return String(legal.prefix(9)) }
        if let address = party.electronicAddress, address.schemeID == "0225" {
            let prefix = String(address.value.prefix(9))
            if isSIREN(prefix) { return prefix }
        }
        return nil
    }

    /// The key of the platform's uniqueness check: seller, number and year (REJ_UNI).
    var uniquenessKey: String { "\(sellerSIREN)|\(number)|\(issueDate.year)" }
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}

/// Something the sandbox will do at a given sandbox time.
struct ScheduledEvent: Sendable {
    enum Kind: Sendable {
        /// Replace a flow's `Pending` acknowledgement by its result.
        case acknowledge(flowId: String)
        /// Emit a status of an invoice (by its flow id) as a CDAR lifecycle flow.
        case status(invoiceFlowId: String, step: ScenarioStep)
    }

    var due: Date
    /// Tie-breaker: events due at the same time run in the order they were planned.
    var order: Int
    var kind: Kind
}

/// A webhook registered by a client.
struct RegisteredWebhook: Sendable {
    var id: String
    var owner: String
    var key: [UInt8]
    var createdAt: Date
    var params: WebhookParams

    var listItem: WebhookListItem {
        WebhookListItem(webhookId: id, signingKey: Data(key).base64EncodedString(), createdAt: createdAt,
                        callbackUrl: params.callbackUrl, flowTypes: params.flowTypes,
                        flowDirection: params.flowDirection, ackStatus: params.ackStatus)
    }

    func wants(_ flow: FlowMetadata) -> Bool {
        if let types = params.flowTypes, !types.isEmpty, !types.contains(flow.flowType) { return false }
        if let direction = params.flowDirection, direction != flow.flowDirection { return false }
        if let status = params.ackStatus, status != flow.acknowledgement.status { return false }
        return true
    }
}

/// One webhook call to make: the flow, as the body, to one callback.
struct WebhookNotification: Sendable {
    var webhook: RegisteredWebhook
    var flow: FlowMetadata
}
