import EInvoice

extension CIIWriter {
    /// `ram:IncludedSupplyChainTradeLineItem` (BG-25).
    func writeLine(_ line: borrowing InvoiceLine, _ w: inout XMLWriter) {
        w.start("ram:IncludedSupplyChainTradeLineItem")
        w.start("ram:AssociatedDocumentLineDocument")
        w.leaf("ram:LineID", line.identifier)
        w.wrapped("ram:IncludedNote", "ram:Content", line.note)
        w.end("ram:AssociatedDocumentLineDocument")

        writeProduct(line.item, &w)

        let price = line.price
        w.start("ram:SpecifiedLineTradeAgreement")
        w.wrapped("ram:BuyerOrderReferencedDocument", "ram:LineID", line.purchaseOrderLineReference)
        if price.grossPrice != nil || price.discount != nil {
            w.start("ram:GrossPriceProductTradePrice")
            w.decimal("ram:ChargeAmount", price.grossPrice)
            w.quantity("ram:BasisQuantity", price.baseQuantity)
            if let discount = price.discount {
                w.start("ram:AppliedTradeAllowanceCharge")
                w.start("ram:ChargeIndicator")
                w.leaf("udt:Indicator", "false")
                w.end("ram:ChargeIndicator")
                w.decimal("ram:ActualAmount", discount)
                w.end("ram:AppliedTradeAllowanceCharge")
            }
            w.end("ram:GrossPriceProductTradePrice")
        }
        w.start("ram:NetPriceProductTradePrice")
        w.decimal("ram:ChargeAmount", price.netPrice)
        w.quantity("ram:BasisQuantity", price.baseQuantity)
        w.end("ram:NetPriceProductTradePrice")
        w.end("ram:SpecifiedLineTradeAgreement")

        w.start("ram:SpecifiedLineTradeDelivery")
        w.quantity("ram:BilledQuantity", line.quantity)
        w.end("ram:SpecifiedLineTradeDelivery")

        w.start("ram:SpecifiedLineTradeSettlement")
        w.start("ram:ApplicableTradeTax")
        w.leaf("ram:TypeCode", "VAT")
        w.leaf("ram:CategoryCode", line.vat.categoryCode)
        w.decimal("ram:RateApplicablePercent", line.vat.rate)
        w.end("ram:ApplicableTradeTax")
        writePeriod("ram:BillingSpecifiedPeriod", line.period, &w)
        for allowance in line.allowances { writeAllowanceCharge(allowance, isCharge: false, &w) }
        for charge in line.charges { writeAllowanceCharge(charge, isCharge: true, &w) }
        w.start("ram:SpecifiedTradeSettlementLineMonetarySummation")
        w.decimal("ram:LineTotalAmount", line.netAmount)
        w.end("ram:SpecifiedTradeSettlementLineMonetarySummation")
        if let object = line.objectIdentifier {
            w.start("ram:AdditionalReferencedDocument")
            w.leaf("ram:IssuerAssignedID", object.value)
            w.leaf("ram:TypeCode", "130")
            w.leaf("ram:ReferenceTypeCode", object.schemeID)
            w.end("ram:AdditionalReferencedDocument")
        }
        w.wrapped("ram:ReceivableSpecifiedTradeAccountingAccount", "ram:ID", line.buyerAccountingReference)
        w.end("ram:SpecifiedLineTradeSettlement")
        w.end("ram:IncludedSupplyChainTradeLineItem")
    }

    /// `ram:SpecifiedTradeProduct` (BG-31).
    func writeProduct(_ item: ItemInformation, _ w: inout XMLWriter) {
        w.start("ram:SpecifiedTradeProduct")
        w.identifier("ram:GlobalID", item.standardIdentifier)
        w.leaf("ram:SellerAssignedID", item.sellerIdentifier)
        w.leaf("ram:BuyerAssignedID", item.buyerIdentifier)
        w.leaf("ram:Name", item.name)
        w.leaf("ram:Description", item.description)
        for attribute in item.attributes {
            w.start("ram:ApplicableProductCharacteristic")
            w.leaf("ram:Description", attribute.name)
            w.leaf("ram:Value", attribute.value)
            w.end("ram:ApplicableProductCharacteristic")
        }
        for classification in item.classifications {
            w.start("ram:DesignatedProductClassification")
            w.element(
                "ram:ClassCode", classification.code,
                [("listID", classification.listID), ("listVersionID", classification.listVersionID)])
            w.end("ram:DesignatedProductClassification")
        }
        w.wrapped("ram:OriginTradeCountry", "ram:ID", item.countryOfOrigin)
        w.end("ram:SpecifiedTradeProduct")
    }
}
