import EInvoice

/// Agreed prices for one customer or one group of customers, over a validity period.
public struct PriceList: Hashable, Sendable, Codable {
    /// The ERP's price-list code.
    public var code: String
    /// The customer the prices are for; nil when they are for a group or for everyone.
    public var customerCode: String?
    /// The customer group (``Customer/priceGroup``) the prices are for; nil with a customer or for everyone.
    public var customerGroup: String?
    /// BT-5 Currency of the prices.
    public var currencyCode: String
    /// First day the prices apply (inclusive); nil = since always.
    public var validFrom: CalendarDate?
    /// Last day the prices apply (inclusive); nil = until further notice.
    public var validTo: CalendarDate?
    public var entries: [PriceListEntry]
    public var active: Bool

    public init(code: String, customerCode: String? = nil, customerGroup: String? = nil, currencyCode: String = "EUR",
                validFrom: CalendarDate? = nil, validTo: CalendarDate? = nil, entries: [PriceListEntry],
                active: Bool = true) {
        self.code = code
        self.customerCode = customerCode
        self.customerGroup = customerGroup
        self.currencyCode = currencyCode
        self.validFrom = validFrom
        self.validTo = validTo
        self.entries = entries
        self.active = active
    }

    /// Whether the list applies on a day.
    public func isValid(on date: CalendarDate) -> Bool {
        if let validFrom, date < validFrom { return false }
        if let validTo, validTo < date { return false }
        return active
    }
}

/// One agreed price.
public struct PriceListEntry: Hashable, Sendable, Codable {
    /// BT-155 product code.
    public var productCode: String
    /// BT-146 Item net price, per ``baseQuantity`` units.
    public var unitPrice: ExactDecimal
    /// BT-149 Item price base quantity; nil = 1.
    public var baseQuantity: ExactDecimal?

    public init(productCode: String, unitPrice: ExactDecimal, baseQuantity: ExactDecimal? = nil) {
        self.productCode = productCode
        self.unitPrice = unitPrice
        self.baseQuantity = baseQuantity
    }
}
