import EInvoice

/// The master data an invoice is checked against: the products its lines cite, the buyer's customer record and the
/// price lists that may apply. Loaded by ``CatalogueCheck/snapshot(for:tenant:in:)``.
public struct CatalogueSnapshot: Sendable {
    /// Products by code (active and inactive).
    public var products: [String: Product]
    public var customer: Customer?
    /// Active price lists of the invoice's currency.
    public var priceLists: [PriceList]

    public init(products: [String: Product], customer: Customer?, priceLists: [PriceList]) {
        self.products = products
        self.customer = customer
        self.priceLists = priceLists
    }

    /// The price agreed for a product on a day: the customer's own list wins over its group's, which wins over a
    /// list for everyone. Nil when no valid list names the product.
    public func agreedPrice(productCode: String, on date: CalendarDate) -> PriceListEntry? {
        let valid = priceLists.filter { $0.isValid(on: date) }
        let forCustomer = valid.filter { $0.customerCode != nil && $0.customerCode == customer?.code }
        let forGroup = valid.filter {
            $0.customerCode == nil && $0.customerGroup != nil && $0.customerGroup == customer?.priceGroup
        }
        let forEveryone = valid.filter { $0.customerCode == nil && $0.customerGroup == nil }
        for lists in [forCustomer, forGroup, forEveryone] {
            for list in lists.sorted(by: { $0.code < $1.code }) {
                if let entry = list.entries.first(where: { $0.productCode == productCode }) { return entry }
            }
        }
        return nil
    }
}
