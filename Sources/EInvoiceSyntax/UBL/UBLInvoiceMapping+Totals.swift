import EInvoice

extension UBLInvoiceMapping {
    /// BT-110 with BG-23 (the `cac:TaxTotal` in the invoice currency), and BT-111 (the one in the VAT
    /// accounting currency). A total without a recognisable currency fills whichever is still missing.
    mutating func readTaxTotals(into invoice: inout Invoice) throws(InvoiceReadError) {
        let totals = source.peekAll(root, "TaxTotal", Self.cac)
        var main: Int?
        var accounting: Int?
        func currency(_ total: Int) -> String? {
            source.peek(total, "TaxAmount").flatMap { source.attribute("currencyID", of: $0) }
        }
        for total in totals where main == nil && currency(total) == invoice.currencyCode {
            main = total
        }
        if let code = invoice.vatAccountingCurrencyCode, code != invoice.currencyCode {
            for total in totals where accounting == nil && total != main && currency(total) == code {
                accounting = total
            }
        }
        for total in totals where total != main && total != accounting {
            if main == nil { main = total } else if accounting == nil { accounting = total }
        }
        if let main {
            source.consume(main)
            invoice.totals.vatTotal = try source.decimal(main, "TaxAmount", at: "BG-22/BT-110")
            for subtotal in source.takeAll(main, "TaxSubtotal", Self.cac) {
                let path = "BG-23[\(invoice.vatBreakdown.count)]"
                invoice.vatBreakdown.append(try readVATBreakdown(subtotal, at: path))
            }
        }
        if let accounting {
            source.consume(accounting)
            invoice.totals.vatTotalInAccountingCurrency = try source.decimal(accounting, "TaxAmount", at: "BG-22/BT-111")
        }
    }

    /// One BG-23 VAT breakdown: BT-116 … BT-121.
    mutating func readVATBreakdown(_ subtotal: Int, at path: String) throws(InvoiceReadError) -> VATBreakdown {
        source.record(path, subtotal)
        let prefix = path + "/"
        var result = VATBreakdown(
            taxableAmount: try source.decimal(subtotal, "TaxableAmount", at: prefix + "BT-116"),
            taxAmount: try source.decimal(subtotal, "TaxAmount", at: prefix + "BT-117"),
            categoryCode: "", rate: nil)
        if let category = source.take(subtotal, "TaxCategory", Self.cac) {
            result.categoryCode = source.text(category, "ID", at: prefix + "BT-118") ?? ""
            result.rate = try source.decimal(category, "Percent", at: prefix + "BT-119")
            result.exemptionReasonCode = source.text(category, "TaxExemptionReasonCode", at: prefix + "BT-121")
            result.exemptionReason = source.text(category, "TaxExemptionReason", at: prefix + "BT-120")
            readTaxScheme(category, writtenAs: "VAT")
        }
        return result
    }

    /// BG-22 Document totals from `cac:LegalMonetaryTotal`.
    mutating func readMonetaryTotal(into invoice: inout Invoice) throws(InvoiceReadError) {
        guard let total = source.take(root, "LegalMonetaryTotal", Self.cac) else { return }
        source.record("BG-22", total)
        var totals = invoice.totals
        totals.lineNetTotal = try source.decimal(total, "LineExtensionAmount", at: "BG-22/BT-106")
        totals.taxExclusiveAmount = try source.decimal(total, "TaxExclusiveAmount", at: "BG-22/BT-109")
        totals.taxInclusiveAmount = try source.decimal(total, "TaxInclusiveAmount", at: "BG-22/BT-112")
        totals.allowanceTotal = try source.decimal(total, "AllowanceTotalAmount", at: "BG-22/BT-107")
        totals.chargeTotal = try source.decimal(total, "ChargeTotalAmount", at: "BG-22/BT-108")
        totals.paidAmount = try source.decimal(total, "PrepaidAmount", at: "BG-22/BT-113")
        totals.roundingAmount = try source.decimal(total, "PayableRoundingAmount", at: "BG-22/BT-114")
        totals.amountDue = try source.decimal(total, "PayableAmount", at: "BG-22/BT-115")
        invoice.totals = totals
    }
}
