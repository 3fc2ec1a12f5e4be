/// BG-20 / BG-21 Document level allowance or charge, and BG-27 / BG-28 Invoice line allowance or charge.
///
/// Whether it is an allowance or a charge follows from the list that holds it.
public struct AllowanceCharge: Sendable, Hashable {
    /// BT-92 / BT-99 / BT-136 / BT-141 Amount
    public var amount: Amount?
    /// BT-93 / BT-100 / BT-137 / BT-142 Base amount
    public var baseAmount: Amount?
    /// BT-94 / BT-101 / BT-138 / BT-143 Percentage
    public var percentage: ExactDecimal?
    /// BT-95 / BT-102 VAT category code (document level only)
    public var vatCategoryCode: String?
    /// BT-96 / BT-103 VAT rate (document level only)
    public var vatRate: ExactDecimal?
    /// BT-97 / BT-104 / BT-139 / BT-144 Reason
    public var reason: String?
    /// BT-98 / BT-105 / BT-140 / BT-145 Reason code (UNTDID 5189 for allowances, 7161 for charges)
    public var reasonCode: String?

    public init(amount: Amount?, baseAmount: Amount? = nil, percentage: ExactDecimal? = nil,
                vatCategoryCode: String? = nil, vatRate: ExactDecimal? = nil,
                reason: String? = nil, reasonCode: String? = nil) {
        self.amount = amount
        self.baseAmount = baseAmount
        self.percentage = percentage
        self.vatCategoryCode = vatCategoryCode
        self.vatRate = vatRate
        self.reason = reason
        self.reasonCode = reasonCode
    }
}

/// BG-22 Document totals
public struct DocumentTotals: Sendable, Hashable {
    /// BT-106 Sum of Invoice line net amount
    public var lineNetTotal: Amount?
    /// BT-107 Sum of allowances on document level
    public var allowanceTotal: Amount?
    /// BT-108 Sum of charges on document level
    public var chargeTotal: Amount?
    /// BT-109 Invoice total amount without VAT
    public var taxExclusiveAmount: Amount?
    /// BT-110 Invoice total VAT amount (in BT-5)
    public var vatTotal: Amount?
    /// BT-111 Invoice total VAT amount in accounting currency (in BT-6)
    public var vatTotalInAccountingCurrency: Amount?
    /// BT-112 Invoice total amount with VAT
    public var taxInclusiveAmount: Amount?
    /// BT-113 Paid amount
    public var paidAmount: Amount?
    /// BT-114 Rounding amount
    public var roundingAmount: Amount?
    /// BT-115 Amount due for payment
    public var amountDue: Amount?

    public init() {}
}

/// BG-23 VAT breakdown
public struct VATBreakdown: Sendable, Hashable {
    /// BT-116 VAT category taxable amount
    public var taxableAmount: Amount?
    /// BT-117 VAT category tax amount
    public var taxAmount: Amount?
    /// BT-118 VAT category code (UNCL 5305: S, Z, E, AE, K, G, O, L, M)
    public var categoryCode: String
    /// BT-119 VAT category rate
    public var rate: ExactDecimal?
    /// BT-120 VAT exemption reason text
    public var exemptionReason: String?
    /// BT-121 VAT exemption reason code (VATEX)
    public var exemptionReasonCode: String?

    public init(taxableAmount: Amount?, taxAmount: Amount?, categoryCode: String, rate: ExactDecimal?,
                exemptionReason: String? = nil, exemptionReasonCode: String? = nil) {
        self.taxableAmount = taxableAmount
        self.taxAmount = taxAmount
        self.categoryCode = categoryCode
        self.rate = rate
        self.exemptionReason = exemptionReason
        self.exemptionReasonCode = exemptionReasonCode
    }
}
