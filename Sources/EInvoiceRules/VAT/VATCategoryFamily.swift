import EInvoiceSyntax

/// One VAT category of EN 16931 (UNCL 5305 code) and the shape of its ten rules BR-x-01 … BR-x-10.
///
/// The nine families share one pattern: the category must appear in the VAT breakdown (01), the parties must carry
/// the right VAT identifiers (02–04), lines, allowances and charges take a given rate (05–07), the breakdown's taxable
/// amount (08) and tax amount (09) follow from the lines, and an exemption reason is required or forbidden (10).
struct VATCategoryFamily: Sendable {
    /// How the category must appear in the VAT breakdown (BR-x-01).
    enum Presence: Sendable {
        /// S, L, M: at least one breakdown per rate.
        case atLeastOne
        /// Z, E, AE, K, G, O: exactly one breakdown.
        case exactlyOne
    }

    /// Which identifiers the parties must (or must not) have (BR-x-02 … 04).
    enum Identifiers: Sendable {
        /// Seller VAT identifier, seller tax registration or tax representative VAT identifier.
        case sellerTaxIdentifier
        /// As `sellerTaxIdentifier`, and the buyer VAT identifier or legal registration identifier (AE).
        case sellerAndBuyerIdentifiers
        /// Seller (or representative) VAT identifier and buyer VAT identifier (K).
        case sellerAndBuyerVATIdentifiers
        /// Seller (or representative) VAT identifier (G).
        case sellerVATIdentifier
        /// No VAT identifier for the seller, the representative or the buyer (O).
        case noVATIdentifiers
    }

    /// What the rate of a line, allowance or charge must be (BR-x-05 … 07).
    enum Rate: Sendable {
        case positive
        case zero
        case absent
        case zeroOrPositive
        /// IGIC: CII requires a positive rate, UBL accepts zero too.
        case positiveInCIIZeroOrPositiveInUBL
    }

    /// How the taxable amount is checked (BR-x-08) and the tax amount (BR-x-09).
    enum Amounts: Sendable {
        /// S, L, M: one breakdown per rate; tax = taxable × rate.
        case perRate
        /// Zero-tax categories: one breakdown for the category; tax = 0.
        case whole
    }

    let code: String
    /// "BR-S", "BR-IC", …
    let rulePrefix: String
    let english: String
    let french: String
    let presence: Presence
    let identifiers: Identifiers
    let rate: Rate
    let amounts: Amounts
    let requiresExemptionReason: Bool

    func ruleID(_ number: Int) -> String { rulePrefix + (number < 10 ? "-0\(number)" : "-\(number)") }

    /// Every rule id of the family.
    var ruleIDs: [String] {
        var ids = (1...10).map(ruleID)
        if code == "K" { ids += [ruleID(11), ruleID(12)] }
        if code == "O" { ids += (11...14).map(ruleID) }
        return ids
    }

    /// The rule ids the official schematron of a Factur-X profile states under their BR ids; nil for all of them
    /// (EN 16931 and unknown guidelines). BASIC and MINIMUM restate the rules under FX-SCH-A ids (e.g.
    /// FX-SCH-A-000198 for BR-S-08), which this group does not report; EXTENDED and BASIC WL leave some out.
    static func ruleIDsStated(by profile: FacturXProfile?) -> Set<String>? {
        switch profile {
        case nil, .en16931: return nil
        case .basic, .minimum: return []
        case .extended: return statedByExtended
        case .basicWL: return statedByBasicWL
        }
    }

    /// Computed once, not at every validation.
    static let statedByExtended = Set(all.flatMap(\.ruleIDs)).subtracting(notStatedByExtended)
    static let statedByBasicWL = Set(all.flatMap(\.ruleIDs)).subtracting(notStatedByBasicWL)

    /// From FACTUR-X_EXTENDED.xslt (Factur-X 1.09.2): the VAT rules it does not contain.
    static let notStatedByExtended: Set<String> = [
        "BR-AE-01", "BR-AE-08", "BR-AF-01", "BR-AF-08", "BR-AF-10", "BR-AG-01", "BR-AG-08", "BR-AG-10", "BR-E-01",
        "BR-E-08", "BR-G-01", "BR-G-08", "BR-IC-01", "BR-IC-08", "BR-O-01", "BR-O-02", "BR-O-03", "BR-O-04",
        "BR-O-08", "BR-O-11", "BR-O-12", "BR-O-13", "BR-O-14", "BR-S-01", "BR-S-08", "BR-S-09", "BR-S-10",
        "BR-Z-01", "BR-Z-08", "BR-Z-10",
    ]

    /// From FACTUR-X_BASIC-WL.xslt (Factur-X 1.09.2): the VAT rules it does not contain (BASIC WL has no lines).
    static let notStatedByBasicWL: Set<String> = [
        "BR-AE-01", "BR-AE-02", "BR-AE-05", "BR-AE-08", "BR-AF-01", "BR-AF-02", "BR-AF-05", "BR-AF-08", "BR-AG-01",
        "BR-AG-02", "BR-AG-05", "BR-AG-08", "BR-E-01", "BR-E-02", "BR-E-05", "BR-E-08", "BR-G-01", "BR-G-02",
        "BR-G-05", "BR-G-08", "BR-IC-01", "BR-IC-02", "BR-IC-05", "BR-IC-08", "BR-O-01", "BR-O-02", "BR-O-05",
        "BR-O-08", "BR-O-12", "BR-S-01", "BR-S-02", "BR-S-05", "BR-S-08", "BR-Z-01", "BR-Z-02", "BR-Z-05", "BR-Z-08",
    ]

    /// "S (standard rated)" / "S (taux normal)".
    var nameEN: String { "\(code) (\(english))" }
    var nameFR: String { "\(code) (\(french))" }

    static let all: [VATCategoryFamily] = [
        VATCategoryFamily(
            code: "S", rulePrefix: "BR-S", english: "standard rated", french: "taux normal", presence: .atLeastOne,
            identifiers: .sellerTaxIdentifier, rate: .positive, amounts: .perRate, requiresExemptionReason: false),
        VATCategoryFamily(
            code: "Z", rulePrefix: "BR-Z", english: "zero rated", french: "taux zéro", presence: .exactlyOne,
            identifiers: .sellerTaxIdentifier, rate: .zero, amounts: .whole, requiresExemptionReason: false),
        VATCategoryFamily(
            code: "E", rulePrefix: "BR-E", english: "exempt from VAT", french: "exonéré de TVA", presence: .exactlyOne,
            identifiers: .sellerTaxIdentifier, rate: .zero, amounts: .whole, requiresExemptionReason: true),
        VATCategoryFamily(
            code: "AE", rulePrefix: "BR-AE", english: "VAT reverse charge", french: "autoliquidation",
            presence: .exactlyOne, identifiers: .sellerAndBuyerIdentifiers, rate: .zero, amounts: .whole,
            requiresExemptionReason: true),
        VATCategoryFamily(
            code: "K", rulePrefix: "BR-IC", english: "intra-community supply", french: "livraison intracommunautaire",
            presence: .exactlyOne, identifiers: .sellerAndBuyerVATIdentifiers, rate: .zero, amounts: .whole,
            requiresExemptionReason: true),
        VATCategoryFamily(
            code: "G", rulePrefix: "BR-G", english: "export outside the EU", french: "exportation hors de l'UE",
            presence: .exactlyOne, identifiers: .sellerVATIdentifier, rate: .zero, amounts: .whole,
            requiresExemptionReason: true),
        VATCategoryFamily(
            code: "O", rulePrefix: "BR-O", english: "not subject to VAT", french: "hors du champ de la TVA",
            presence: .exactlyOne, identifiers: .noVATIdentifiers, rate: .absent, amounts: .whole,
            requiresExemptionReason: true),
        VATCategoryFamily(
            code: "L", rulePrefix: "BR-AF", english: "IGIC, Canary Islands", french: "IGIC, îles Canaries",
            presence: .atLeastOne, identifiers: .sellerTaxIdentifier, rate: .positiveInCIIZeroOrPositiveInUBL,
            amounts: .perRate, requiresExemptionReason: false),
        VATCategoryFamily(
            code: "M", rulePrefix: "BR-AG", english: "IPSI, Ceuta and Melilla", french: "IPSI, Ceuta et Melilla",
            presence: .atLeastOne, identifiers: .sellerTaxIdentifier, rate: .zeroOrPositive, amounts: .perRate,
            requiresExemptionReason: false),
    ]
}
