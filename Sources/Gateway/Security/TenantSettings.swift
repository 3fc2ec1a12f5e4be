/// Per-tenant choices. Stored as JSON with the tenant.
public struct TenantSettings: Hashable, Sendable, Codable {
    public var catalogue: CataloguePolicy
    /// Apply the French BR-FR rules on top of EN 16931.
    public var frenchRules: Bool
    /// Validate, render and archive, but never hand anything to a platform.
    public var dryRun: Bool

    public init(catalogue: CataloguePolicy = CataloguePolicy(), frenchRules: Bool = true, dryRun: Bool = false) {
        self.catalogue = catalogue
        self.frenchRules = frenchRules
        self.dryRun = dryRun
    }
}

/// Which catalogue checks stop an invoice. Each one can be turned off per tenant.
public struct CataloguePolicy: Hashable, Sendable, Codable {
    /// A line cites a product code (BT-155) that the catalogue does not know, or a line has no product code.
    public var rejectUnknownProduct: Bool
    /// A line cites a product that the ERP deactivated.
    public var rejectInactiveProduct: Bool
    /// A line's VAT category or rate (BT-151, BT-152) differs from the product's.
    public var rejectVATMismatch: Bool
    /// A line's net price (BT-146) differs from the price list valid for the customer on the issue date.
    public var rejectPriceMismatch: Bool

    public init(rejectUnknownProduct: Bool = true, rejectInactiveProduct: Bool = true, rejectVATMismatch: Bool = true,
                rejectPriceMismatch: Bool = true) {
        self.rejectUnknownProduct = rejectUnknownProduct
        self.rejectInactiveProduct = rejectInactiveProduct
        self.rejectVATMismatch = rejectVATMismatch
        self.rejectPriceMismatch = rejectPriceMismatch
    }
}
