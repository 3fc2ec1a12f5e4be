import EInvoice
import EInvoiceRules
import Foundation

/// Checks an invoice's lines against the synced catalogue before it goes further. Each kind of check can be turned
/// off per tenant (``CataloguePolicy``). Findings are fatal: they say what to fix in the ERP.
public enum CatalogueCheck {
    /// Rule ids of the catalogue findings.
    public enum RuleID {
        public static let missingProductCode = "CAT-PRODUCT-CODE-MISSING"
        public static let unknownProduct = "CAT-PRODUCT-UNKNOWN"
        public static let inactiveProduct = "CAT-PRODUCT-INACTIVE"
        public static let vatCategoryMismatch = "CAT-VAT-CATEGORY-MISMATCH"
        public static let vatRateMismatch = "CAT-VAT-RATE-MISMATCH"
        public static let priceMismatch = "CAT-PRICE-MISMATCH"
    }

    /// The product codes (BT-155) the invoice's lines cite.
    public static func productCodes(of invoice: Invoice) -> [String] {
        Array(Set(invoice.lines.compactMap { nonEmpty($0.item.sellerIdentifier) })).sorted()
    }

    public static func findings(for invoice: Invoice, catalogue: CatalogueSnapshot, policy: CataloguePolicy)
        -> [Finding]
    {
        var findings: [Finding] = []
        for (index, line) in invoice.lines.enumerated() {
            let path = "BG-25[\(index)]"
            let label = line.identifier.isEmpty ? "\(index + 1)" : line.identifier
            guard let code = nonEmpty(line.item.sellerIdentifier) else {
                if policy.rejectUnknownProduct {
                    findings.append(finding(
                        RuleID.missingProductCode, terms: ["BT-155"], path: path,
                        en: "Line \(label) has no seller's item identifier (BT-155): send the product code from the ERP catalogue.",
                        fr: "La ligne \(label) n'a pas de référence article vendeur (BT-155) : transmettez le code article du catalogue de l'ERP."))
                }
                continue
            }
            guard let product = catalogue.products[code] else {
                if policy.rejectUnknownProduct {
                    findings.append(finding(
                        RuleID.unknownProduct, terms: ["BT-155"], path: path,
                        en: "Line \(label) cites product \"\(code)\", which the synced catalogue does not know: sync the product from the ERP or correct the code.",
                        fr: "La ligne \(label) cite l'article « \(code) », inconnu du catalogue synchronisé : synchronisez l'article depuis l'ERP ou corrigez le code."))
                }
                continue
            }
            if !product.active, policy.rejectInactiveProduct {
                findings.append(finding(
                    RuleID.inactiveProduct, terms: ["BT-155"], path: path,
                    en: "Line \(label) cites product \"\(code)\", which is no longer active: invoice an active product or reactivate it in the ERP.",
                    fr: "La ligne \(label) cite l'article « \(code) », qui n'est plus actif : facturez un article actif ou réactivez-le dans l'ERP."))
            }
            if policy.rejectVATMismatch {
                findings += vatFindings(line: line, label: label, path: path, product: product)
            }
            if policy.rejectPriceMismatch, let issueDate = invoice.issueDate,
                let agreed = catalogue.agreedPrice(productCode: code, on: issueDate),
                let netPrice = line.price.netPrice, !samePrice(netPrice, line.price.baseQuantity?.value, agreed)
            {
                let base = agreed.baseQuantity.map { " per \($0)" } ?? ""
                let baseFR = agreed.baseQuantity.map { " pour \($0)" } ?? ""
                findings.append(finding(
                    RuleID.priceMismatch, terms: ["BT-146"], path: "\(path)/BG-29/BT-146",
                    en: "Line \(label) prices product \"\(code)\" at \(netPrice), but the price list valid on \(issueDate) says \(agreed.unitPrice)\(base): correct the price in the ERP or sync the price list.",
                    fr: "La ligne \(label) facture l'article « \(code) » à \(netPrice), mais la liste de prix valable le \(issueDate) indique \(agreed.unitPrice)\(baseFR) : corrigez le prix dans l'ERP ou synchronisez la liste de prix."))
            }
        }
        return findings
    }

    static func vatFindings(line: InvoiceLine, label: String, path: String, product: Product) -> [Finding] {
        var findings: [Finding] = []
        if line.vat.categoryCode != product.vatCategory {
            findings.append(finding(
                RuleID.vatCategoryMismatch, terms: ["BT-151"], path: "\(path)/BG-30/BT-151",
                en: "Line \(label) uses VAT category \(line.vat.categoryCode) but product \"\(product.code)\" has category \(product.vatCategory): correct the line or the product in the ERP.",
                fr: "La ligne \(label) utilise la catégorie de TVA \(line.vat.categoryCode) mais l'article « \(product.code) » a la catégorie \(product.vatCategory) : corrigez la ligne ou l'article dans l'ERP."))
        }
        let lineRate = line.vat.rate ?? ExactDecimal.zero
        let productRate = product.vatRate ?? ExactDecimal.zero
        if lineRate != productRate {
            findings.append(finding(
                RuleID.vatRateMismatch, terms: ["BT-152"], path: "\(path)/BG-30/BT-152",
                en: "Line \(label) applies VAT at \(lineRate) % but product \"\(product.code)\" is at \(productRate) %: correct the rate in the ERP or sync the product.",
                fr: "La ligne \(label) applique une TVA de \(lineRate) % mais l'article « \(product.code) » est à \(productRate) % : corrigez le taux dans l'ERP ou synchronisez l'article."))
        }
        return findings
    }

    /// Whether `price` per `base` equals the agreed price per its base (exact cross-multiplication).
    static func samePrice(_ price: ExactDecimal, _ base: ExactDecimal?, _ agreed: PriceListEntry) -> Bool {
        let one = ExactDecimal(1)
        return price * (agreed.baseQuantity ?? one) == agreed.unitPrice * (base ?? one)
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func finding(_ id: String, terms: [String], path: String, en: String, fr: String) -> Finding {
        Finding(ruleID: id, severity: .fatal, terms: terms, message: LocalizedMessage(en: en, fr: fr),
                location: SourceLocation(xpath: path, line: 0, column: 0))
    }
}
