import EInvoice
import Foundation

/// Filters for listing invoices (`GET /v1/invoices`). Every field narrows the result; nil means any.
public struct InvoiceFilter: Hashable, Sendable {
    public var states: Set<InvoiceState>?
    public var customerCode: String?
    public var buyerName: String?
    /// BT-2 at or after this date.
    public var issuedFrom: CalendarDate?
    /// BT-2 at or before this date.
    public var issuedTo: CalendarDate?
    /// BT-112 at least.
    public var minimumTotal: ExactDecimal?
    /// BT-112 at most.
    public var maximumTotal: ExactDecimal?
    public var batchID: String?
    /// BT-12: invoices citing this contract (exact match).
    public var contractReference: String?
    /// BT-13: invoices citing this purchase order (exact match).
    public var orderReference: String?
    /// BT-16: invoices citing this despatch advice, i.e. this delivery (exact match).
    public var deliveryReference: String?

    public init(states: Set<InvoiceState>? = nil, customerCode: String? = nil, buyerName: String? = nil,
                issuedFrom: CalendarDate? = nil, issuedTo: CalendarDate? = nil, minimumTotal: ExactDecimal? = nil,
                maximumTotal: ExactDecimal? = nil, batchID: String? = nil,
                contractReference: String? = nil, orderReference: String? = nil, deliveryReference: String? = nil) {
        self.states = states
        self.customerCode = customerCode
        self.buyerName = buyerName
        self.issuedFrom = issuedFrom
        self.issuedTo = issuedTo
        self.minimumTotal = minimumTotal
        self.maximumTotal = maximumTotal
        self.batchID = batchID
        self.contractReference = contractReference
        self.orderReference = orderReference
        self.deliveryReference = deliveryReference
    }

    /// The reference filters that are set, by kind.
    public var references: [(kind: ReferenceKind, value: String)] {
        [(ReferenceKind.contract, contractReference), (.order, orderReference), (.delivery, deliveryReference)]
            .compactMap { kind, value in value.map { (kind, $0) } }
    }
}

/// A position in a listing ordered by creation time then id: the page after it starts strictly after it.
public struct InvoiceCursor: Hashable, Sendable, Codable {
    public var createdAt: Date
    public var id: InvoiceID

    public init(createdAt: Date, id: InvoiceID) {
        self.createdAt = createdAt
        self.id = id
    }
}
