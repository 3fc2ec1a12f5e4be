/// Why a status was given (MDT-113 code and free text), e.g. `DOUBLON` "already received on 3 March".
///
/// The reform requires a reason for 206, 207, 208, 210 and 213 (BR-FR-CDV-15); codes come from list
/// BR-FR-CDV-CL-09 (`TX_TVA_ERR`, `MONTANTTOTAL_ERR`, …). An unknown code is kept as received.
public struct StatusReason: Sendable, Hashable {
    /// MDT-113, e.g. "REJ_SEMAN"; "" when only a text is given.
    public var code: String
    /// The free text; "" when absent.
    public var text: String

    public init(code: String, text: String = "") {
        self.code = code
        self.text = text
    }
}

/// An amount attached to a status (MDG-43 `SpecifiedDocumentCharacteristic`): for 211 and 212, the amount paid or
/// cashed, per VAT rate.
public struct StatusAmount: Sendable, Hashable {
    /// MDT-207, e.g. "MEN" (montant encaissé). See `isPayment`.
    public var typeCode: String
    /// MDT-215.
    public var amount: ExactDecimal
    /// The currency of the amount (ISO 4217); nil when absent.
    public var currency: String?
    /// MDT-224, the VAT rate the amount falls under; nil when absent.
    public var vatRate: ExactDecimal?

    public init(typeCode: String = "MEN", amount: ExactDecimal, currency: String? = "EUR", vatRate: ExactDecimal? = nil) {
        self.typeCode = typeCode
        self.amount = amount
        self.currency = currency
        self.vatRate = vatRate
    }

    /// Whether the amount is money paid or cashed: type MEN (montant encaissé) or MPA (montant payé).
    public var isPayment: Bool { typeCode == "MEN" || typeCode == "MPA" }
}
