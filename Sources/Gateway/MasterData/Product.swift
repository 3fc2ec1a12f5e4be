import EInvoice

/// A product or service of the seller's catalogue, kept identical with the ERP.
public struct Product: Hashable, Sendable, Codable {
    /// BT-155 Item Seller's identifier: the code the invoice lines cite.
    public var code: String
    /// BT-153 Item name
    public var name: String
    /// BT-130 Invoiced quantity unit of measure code (UN/ECE Rec 20), e.g. `C62`, `HUR`, `KGM`.
    public var unitCode: String
    /// BT-151 Invoiced item VAT category code, e.g. `S`.
    public var vatCategory: String
    /// BT-152 Invoiced item VAT rate, in percent.
    public var vatRate: ExactDecimal?
    /// An inactive product may not be invoiced any more.
    public var active: Bool

    public init(code: String, name: String, unitCode: String, vatCategory: String, vatRate: ExactDecimal?,
                active: Bool = true) {
        self.code = code
        self.name = name
        self.unitCode = unitCode
        self.vatCategory = vatCategory
        self.vatRate = vatRate
        self.active = active
    }
}
