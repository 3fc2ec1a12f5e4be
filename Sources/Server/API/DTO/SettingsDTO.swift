import Gateway

/// The tenant's settings. `PUT` replaces them whole: every field is required.
struct SettingsDTO: Codable, StrictJSON, Sendable {
    /// Which catalogue checks stop an invoice.
    struct Catalogue: Codable, Sendable {
        var rejectUnknownProduct: Bool
        var rejectInactiveProduct: Bool
        var rejectVATMismatch: Bool
        var rejectPriceMismatch: Bool
    }

    static let shape = JSONShape.object([
        "catalogue": .leaves("rejectUnknownProduct", "rejectInactiveProduct", "rejectVATMismatch",
                             "rejectPriceMismatch"),
        "frenchRules": .any, "dryRun": .any,
    ])

    var catalogue: Catalogue
    /// Apply the French BR-FR rules on top of EN 16931.
    var frenchRules: Bool
    /// Validate and render, but never hand anything to a platform.
    var dryRun: Bool

    init(_ settings: TenantSettings) {
        let policy = settings.catalogue
        catalogue = Catalogue(
            rejectUnknownProduct: policy.rejectUnknownProduct, rejectInactiveProduct: policy.rejectInactiveProduct,
            rejectVATMismatch: policy.rejectVATMismatch, rejectPriceMismatch: policy.rejectPriceMismatch)
        frenchRules = settings.frenchRules
        dryRun = settings.dryRun
    }

    var settings: TenantSettings {
        TenantSettings(
            catalogue: CataloguePolicy(
                rejectUnknownProduct: catalogue.rejectUnknownProduct,
                rejectInactiveProduct: catalogue.rejectInactiveProduct,
                rejectVATMismatch: catalogue.rejectVATMismatch, rejectPriceMismatch: catalogue.rejectPriceMismatch),
            frenchRules: frenchRules, dryRun: dryRun)
    }
}
