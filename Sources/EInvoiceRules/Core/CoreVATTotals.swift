import EInvoice
import EInvoiceSyntax

/// One VAT total amount as the official BR-CO-14 and BR-CO-15 tests see it: a `ram:TaxTotalAmount` in CII,
/// a `cac:TaxTotal` in UBL.
///
/// The model holds BT-110 (in the invoice currency BT-5) and BT-111 (in the VAT accounting currency BT-6);
/// the official tests instead select the amounts by their `currencyID`. A source whose VAT totals carry
/// another currency than the one their term implies, or carries two of them in the invoice currency, is
/// judged on what it says, so these tests read the source elements.
struct CoreVATTotal {
    /// The amount, nil when the element is missing, empty or not a number.
    var amount: Amount?
    /// The `currencyID` of the amount, nil without one.
    var currency: String?
    /// UBL: Σ `cac:TaxSubtotal/cbc:TaxAmount` of the same `cac:TaxTotal`, nil when it has no subtotal
    /// (BR-CO-14 is then not checked on it). Always nil in CII, which adds up every BT-117.
    var breakdownSum: Amount?
    /// The source element (`ram:TaxTotalAmount`, `cac:TaxTotal`), nil in memory.
    var element: Int?
}

extension RuleContext {
    /// The VAT totals of the document, in document order.
    ///
    /// From the source when it has VAT total elements: every `ram:TaxTotalAmount` of the header settlement
    /// (CII) or every `cac:TaxTotal` of the document (UBL), with its own `currencyID`. Otherwise (in memory, or
    /// a source without any, whose model has neither BT-110 nor BT-111) from the model: BT-110 in BT-5 (with the
    /// VAT breakdown in UBL, where `cac:TaxTotal` carries both) and BT-111 in BT-6.
    var coreVATTotals: [CoreVATTotal] {
        if let fromSource = coreSourceVATTotals, !fromSource.isEmpty { return fromSource }
        let totals = invoice.totals
        let breakdown = invoice.vatBreakdown
        var result: [CoreVATTotal] = []
        let ublWithBreakdown = coreArtefact == .ubl && !breakdown.isEmpty
        if totals.vatTotal != nil || ublWithBreakdown {
            result.append(
                CoreVATTotal(
                    amount: totals.vatTotal, currency: Self.currencyID(invoice.currencyCode),
                    breakdownSum: ublWithBreakdown ? ExactDecimal.sum(breakdown.compactMap(\.taxAmount)) : nil))
        }
        if let accounting = totals.vatTotalInAccountingCurrency {
            result.append(
                CoreVATTotal(amount: accounting, currency: Self.currencyID(invoice.vatAccountingCurrencyCode)))
        }
        return result
    }

    /// The VAT totals as the source writes them; nil in memory.
    private var coreSourceVATTotals: [CoreVATTotal]? {
        guard let syntax = parsed?.syntax, let tree = parsed?.tree, !tree.elements.isEmpty else { return nil }
        switch syntax {
        case .cii:
            let path = [
                "SupplyChainTradeTransaction", "ApplicableHeaderTradeSettlement",
                "SpecifiedTradeSettlementHeaderMonetarySummation", "TaxTotalAmount",
            ]
            return tree.all(from: 0, path).map { element in
                CoreVATTotal(
                    amount: Self.decimal(tree, element), currency: tree.attribute("currencyID", of: element),
                    element: element)
            }
        case .ublInvoice, .ublCreditNote:
            return tree.children(of: 0, named: "TaxTotal").map { total in
                let amount = tree.child(of: total, named: "TaxAmount")
                let subtotals = tree.children(of: total, named: "TaxSubtotal")
                let subtotalAmounts = subtotals.flatMap { tree.children(of: $0, named: "TaxAmount") }
                return CoreVATTotal(
                    amount: amount.flatMap { Self.decimal(tree, $0) },
                    currency: amount.flatMap { tree.attribute("currencyID", of: $0) },
                    breakdownSum: subtotals.isEmpty
                        ? nil : ExactDecimal.sum(subtotalAmounts.compactMap { Self.decimal(tree, $0) }),
                    element: total)
            }
        }
    }

    /// A currency code as a writer puts it in `currencyID`: a blank code gives no attribute.
    private static func currencyID(_ code: String?) -> String? {
        guard let code, !CoreText.isBlank(code) else { return nil }
        return code.trimmingWhitespace()
    }

    private static func decimal(_ tree: XMLTree, _ element: Int) -> Amount? {
        try? ExactDecimal(parsing: tree[element].text.trimmingWhitespace())
    }
}
