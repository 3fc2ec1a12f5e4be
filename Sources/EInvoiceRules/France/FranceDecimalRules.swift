import EInvoice

/// BR-FR-DEC-01 … BR-FR-DEC-04: amounts take at most 2 decimals, quantities 4, unit prices 6, VAT rates 2
/// (and 4 digits), and at most 19 digits in all.
///
/// BR-FR-DEC-01_BT-111 is not checked: in both official schematrons its rule context is the same as
/// BR-FR-DEC-01_BT-110's, which takes precedence, so it can never fire.
enum FranceDecimalRules {
    private static let settlement =
        "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
    private static let totals = settlement + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation"
    private static let line =
        "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"

    static let cii: [FrenchElementCheck] =
        [
            ("BT-92_BT-99", "BT-92", settlement + "/ram:SpecifiedTradeAllowanceCharge/ram:ActualAmount"),
            ("BT-93_BT-100", "BT-93", settlement + "/ram:SpecifiedTradeAllowanceCharge/ram:BasisAmount"),
            ("BT-106", "BT-106", totals + "/ram:LineTotalAmount"),
            ("BT-107", "BT-107", totals + "/ram:AllowanceTotalAmount"),
            ("BT-108", "BT-108", totals + "/ram:ChargeTotalAmount"),
            ("BT-109", "BT-109", totals + "/ram:TaxBasisTotalAmount"),
            ("BT-110", "BT-110", totals + "/ram:TaxTotalAmount"),
            ("BT-112", "BT-112", totals + "/ram:GrandTotalAmount"),
            ("BT-113", "BT-113", totals + "/ram:TotalPrepaidAmount"),
            ("BT-114", "BT-114", totals + "/ram:RoundingAmount"),
            ("BT-115", "BT-115", totals + "/ram:DuePayableAmount"),
            ("BT-116", "BT-116", settlement + "/ram:ApplicableTradeTax/ram:BasisAmount"),
            ("BT-117", "BT-117", settlement + "/ram:ApplicableTradeTax/ram:CalculatedAmount"),
            (
                "BT-131", "BT-131",
                line
                    + "/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation"
                    + "/ram:LineTotalAmount"
            ),
            (
                "BT-136_BT-141", "BT-136",
                line + "/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeAllowanceCharge/ram:ActualAmount"
            ),
            (
                "BT-137_BT-142", "BT-137",
                line + "/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeAllowanceCharge/ram:BasisAmount"
            ),
        ].map { amount("BR-FR-DEC-01_\($0)", $1, $2) } + [
            quantity("BT-129", line + "/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity"),
            quantity(
                "BT-149", line + "/ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:BasisQuantity"),
        ]
        + [
            ("BT-146", line + "/ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount"),
            (
                "BT-147",
                line
                    + "/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice"
                    + "/ram:AppliedTradeAllowanceCharge/ram:ActualAmount"
            ),
            ("BT-148", line + "/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:ChargeAmount"),
        ].map { term, pattern in
            FrenchElementCheck("BR-FR-DEC-03_\(term)", terms: [term], pattern, .unitPrice(term)) {
                tree, element, framework in
                isUnitPrice(FrenchText.normalizeSpace(tree.text(element)), framework)
            }
        }
        + [
            (
                "BT-96_BT-103", "BT-96",
                settlement + "/ram:SpecifiedTradeAllowanceCharge/ram:CategoryTradeTax/ram:RateApplicablePercent"
            ),
            ("BT-119", "BT-119", settlement + "/ram:ApplicableTradeTax/ram:RateApplicablePercent"),
            (
                "BT-152", "BT-152",
                line + "/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent"
            ),
        ].map(percent)

    private static let ublLine = "ubl:Invoice/cac:InvoiceLine | cn:CreditNote/cac:CreditNoteLine"
    private static func either(_ path: String) -> String { FranceIdentifierRules.either(path) }
    private static func eitherLine(_ path: String) -> String { FranceIdentifierRules.eitherLine(path) }

    static let ubl: [FrenchElementCheck] =
        [
            ("BT-93_BT-100", "BT-93", either("cac:AllowanceCharge/cbc:BaseAmount")),
            ("BT-92_BT-99", "BT-92", either("cac:AllowanceCharge/cbc:Amount")),
            ("BT-106", "BT-106", "cac:LegalMonetaryTotal/cbc:LineExtensionAmount"),
            ("BT-107", "BT-107", "cac:LegalMonetaryTotal/cbc:AllowanceTotalAmount"),
            ("BT-108", "BT-108", "cac:LegalMonetaryTotal/cbc:ChargeTotalAmount"),
            ("BT-109", "BT-109", "cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount"),
            ("BT-110", "BT-110", "cac:TaxTotal/cbc:TaxAmount"),
            ("BT-112", "BT-112", "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount"),
            ("BT-113", "BT-113", "cac:LegalMonetaryTotal/cbc:PrepaidAmount"),
            ("BT-114", "BT-114", "cac:LegalMonetaryTotal/cbc:PayableRoundingAmount"),
            ("BT-115", "BT-115", "cac:LegalMonetaryTotal/cbc:PayableAmount"),
            ("BT-116", "BT-116", "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount"),
            ("BT-117", "BT-117", "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount"),
            ("BT-131", "BT-131", eitherLine("cbc:LineExtensionAmount")),
            ("BT-136_BT-141", "BT-136", eitherLine("cac:AllowanceCharge/cbc:Amount")),
            ("BT-137_BT-142", "BT-137", eitherLine("cac:AllowanceCharge/cbc:BaseAmount")),
        ].map { amount("BR-FR-DEC-01_\($0)", $1, $2) } + [
            quantity(
                "BT-129",
                "ubl:Invoice/cac:InvoiceLine/cbc:InvoicedQuantity | cn:CreditNote/cac:CreditNoteLine"
                    + "/cbc:CreditedQuantity"
            ),
            FrenchElementCheck(
                "BR-FR-DEC-02_BT-149", terms: ["BT-149"], ublLine,
                .quantity("BT-149")
            ) { tree, line, _ in
                let value = tree.normalized(line, "cac:Price/cbc:BaseQuantity")
                return value.isEmpty || FrenchText.isDecimal(value, fractionDigits: 4)
            },
        ]
        + [
            ("BT-146", ublLine, "cac:Price/cbc:PriceAmount"),
            ("BT-147", eitherLine("cac:Price/cac:AllowanceCharge"), "cbc:Amount"),
        ].map { term, pattern, path in
            FrenchElementCheck("BR-FR-DEC-03_\(term)", terms: [term], pattern, .unitPrice(term)) {
                tree, element, framework in
                let value = tree.normalized(element, path)
                return value.isEmpty || isUnitPrice(value, framework)
            }
        } + [
            FrenchElementCheck(
                "BR-FR-DEC-03_BT-148", terms: ["BT-148"], eitherLine("cac:Price/cac:AllowanceCharge/cbc:BaseAmount"),
                .unitPrice("BT-148")
            ) { tree, element, framework in
                let value = FrenchText.normalizeSpace(tree.text(element))
                return value.isEmpty || isUnitPrice(value, framework)
            }
        ]
        + [
            ("BT-96_BT-103", "BT-96", "cac:AllowanceCharge/cac:TaxCategory/cbc:Percent"),
            ("BT-119", "BT-119", "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent"),
            ("BT-152", "BT-152", "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"),
        ].map(percent)

    private static func amount(_ id: String, _ term: String, _ pattern: String) -> FrenchElementCheck {
        FrenchElementCheck(id, terms: [term], pattern, .amount(term)) {
            FrenchText.isDecimal(FrenchText.normalizeSpace($0), fractionDigits: 2)
        }
    }

    private static func quantity(_ term: String, _ pattern: String) -> FrenchElementCheck {
        FrenchElementCheck("BR-FR-DEC-02_\(term)", terms: [term], pattern, .quantity(term)) {
            FrenchText.isDecimal(FrenchText.normalizeSpace($0), fractionDigits: 4)
        }
    }

    private static func percent(_ id: String, _ term: String, _ pattern: String) -> FrenchElementCheck {
        FrenchElementCheck("BR-FR-DEC-04_\(id)", terms: [term], pattern, .percent(term)) {
            FrenchText.isPercent(FrenchText.normalizeSpace($0))
        }
    }

    /// Unit prices are positive, except in the disbursement framework (S9, B9, M9).
    static func isUnitPrice(_ value: String, _ framework: FrenchFramework) -> Bool {
        FrenchText.isDecimal(value, fractionDigits: 6, signed: framework.isDisbursement)
    }
}
