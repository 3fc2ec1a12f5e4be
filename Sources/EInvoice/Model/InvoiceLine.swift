/// BG-25 Invoice line
public struct InvoiceLine: Sendable, Hashable {
    /// BT-126 Invoice line identifier
    public var identifier: String
    /// BT-127 Invoice line note
    public var note: String?
    /// BT-128 Invoice line object identifier, with BT-128-1 scheme
    public var objectIdentifier: Identifier?
    /// BT-129 Invoiced quantity, with BT-130 unit of measure code
    public var quantity: Quantity?
    /// BT-131 Invoice line net amount
    public var netAmount: Amount?
    /// BT-132 Referenced purchase order line reference
    public var purchaseOrderLineReference: String?
    /// BT-133 Invoice line Buyer accounting reference
    public var buyerAccountingReference: String?
    /// BG-26 Invoice line period
    public var period: Period?
    /// BG-27 Invoice line allowances
    public var allowances: [AllowanceCharge] = []
    /// BG-28 Invoice line charges
    public var charges: [AllowanceCharge] = []
    /// BG-29 Price details
    public var price: PriceDetails
    /// BG-30 Line VAT information
    public var vat: LineVATInformation
    /// BG-31 Item information
    public var item: ItemInformation

    public init(identifier: String, quantity: Quantity?, netAmount: Amount?, price: PriceDetails,
                vat: LineVATInformation, item: ItemInformation) {
        self.identifier = identifier
        self.quantity = quantity
        self.netAmount = netAmount
        self.price = price
        self.vat = vat
        self.item = item
    }
}

/// BG-29 Price details
public struct PriceDetails: Sendable, Hashable {
    /// BT-146 Item net price
    public var netPrice: ExactDecimal?
    /// BT-147 Item price discount
    public var discount: ExactDecimal?
    /// BT-148 Item gross price
    public var grossPrice: ExactDecimal?
    /// BT-149 Item price base quantity, with BT-150 unit of measure code
    public var baseQuantity: Quantity?

    public init(netPrice: ExactDecimal?, discount: ExactDecimal? = nil, grossPrice: ExactDecimal? = nil,
                baseQuantity: Quantity? = nil) {
        self.netPrice = netPrice
        self.discount = discount
        self.grossPrice = grossPrice
        self.baseQuantity = baseQuantity
    }
}

/// BG-30 Line VAT information
public struct LineVATInformation: Sendable, Hashable {
    /// BT-151 Invoiced item VAT category code
    public var categoryCode: String
    /// BT-152 Invoiced item VAT rate
    public var rate: ExactDecimal?

    public init(categoryCode: String, rate: ExactDecimal? = nil) {
        self.categoryCode = categoryCode
        self.rate = rate
    }
}

/// BG-31 Item information
public struct ItemInformation: Sendable, Hashable {
    /// BT-153 Item name
    public var name: String
    /// BT-154 Item description
    public var description: String?
    /// BT-155 Item Seller's identifier
    public var sellerIdentifier: String?
    /// BT-156 Item Buyer's identifier
    public var buyerIdentifier: String?
    /// BT-157 Item standard identifier, with BT-157-1 scheme
    public var standardIdentifier: Identifier?
    /// BT-158 Item classification identifier, with BT-158-1 scheme and BT-158-2 scheme version
    public var classifications: [ItemClassification] = []
    /// BT-159 Item country of origin
    public var countryOfOrigin: String?
    /// BG-32 Item attributes
    public var attributes: [ItemAttribute] = []

    public init(name: String) { self.name = name }
}

/// BT-158 Item classification identifier
public struct ItemClassification: Sendable, Hashable {
    public var code: String
    /// BT-158-1 Scheme identifier (UNTDID 7143)
    public var listID: String?
    /// BT-158-2 Scheme version identifier
    public var listVersionID: String?

    public init(code: String, listID: String? = nil, listVersionID: String? = nil) {
        self.code = code
        self.listID = listID
        self.listVersionID = listVersionID
    }
}

/// BG-32 Item attributes
public struct ItemAttribute: Sendable, Hashable {
    /// BT-160 Item attribute name
    public var name: String
    /// BT-161 Item attribute value
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
