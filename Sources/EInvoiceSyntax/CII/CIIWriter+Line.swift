import EInvoice

extension CIIWriter {
    /// `ram:IncludedSupplyChainTradeLineItem` (BG-25).
    func writeLine(_ line: InvoiceLine, _ w: inout XMLWriter) {
        w.open("ram:IncludedSupplyChainTradeLineItem")
        w.open("ram:AssociatedDocumentLineDocument")
        w.element("ram:LineID", line.identifier)
        w.wrapped("ram:IncludedNote", "ram:Content", line.note)
        w.close("ram:AssociatedDocumentLineDocument")

        writeProduct(line.item, &w)

        let price = line.price
        w.open("ram:SpecifiedLineTradeAgreement")
        w.wrapped("ram:BuyerOrderReferencedDocument", "ram:LineID", line.purchaseOrderLineReference)
        if price.grossPrice != nil || price.discount != nil {
            w.open("ram:GrossPriceProductTradePrice")
            w.decimal("ram:ChargeAmount", price.grossPrice)
            w.quantity("ram:BasisQuantity", price.baseQuantity)
            if let discount = price.discount {
                w.open("ram:AppliedTradeAllowanceCharge")
                w.open("ram:ChargeIndicator")
                w.element("udt:Indicator", "false")
                w.close("ram:ChargeIndicator")
                w.decimal("ram:ActualAmount", discount)
                w.close("ram:AppliedTradeAllowanceCharge")
            }
            w.close("ram:GrossPriceProductTradePrice")
        }
        w.open("ram:NetPriceProductTradePrice")
        w.decimal("ram:ChargeAmount", price.netPrice)
        w.quantity("ram:BasisQuantity", price.baseQuantity)
        w.close("ram:NetPriceProductTradePrice")
        w.close("ram:SpecifiedLineTradeAgreement")

        w.open("ram:SpecifiedLineTradeDelivery")
        w.quantity("ram:BilledQuantity", line.quantity)
        w.close("ram:SpecifiedLineTradeDelivery")

        w.open("ram:SpecifiedLineTradeSettlement")
        w.open("ram:ApplicableTradeTax")
        w.element("ram:TypeCode", "VAT")
        w.element("ram:CategoryCode", line.vat.categoryCode)
        w.decimal("ram:RateApplicablePercent", line.vat.rate)
        w.close("ram:ApplicableTradeTax")
        writePeriod("ram:BillingSpecifiedPeriod", line.period, &w)
        for allowance in line.allowances { writeAllowanceCharge(allowance, isCharge: false, &w) }
        for charge in line.charges { writeAllowanceCharge(charge, isCharge: true, &w) }
        w.open("ram:SpecifiedTradeSettlementLineMonetarySummation")
        w.decimal("ram:LineTotalAmount", line.netAmount)
        w.close("ram:SpecifiedTradeSettlementLineMonetarySummation")
        if let object = line.objectIdentifier {
            w.open("ram:AdditionalReferencedDocument")
            w.element("ram:IssuerAssignedID", object.value)
            w.element("ram:TypeCode", "130")
            w.element("ram:ReferenceTypeCode", object.schemeID)
            w.close("ram:AdditionalReferencedDocument")
        }
        w.wrapped("ram:ReceivableSpecifiedTradeAccountingAccount", "ram:ID", line.buyerAccountingReference)
        w.close("ram:SpecifiedLineTradeSettlement")
        w.close("ram:IncludedSupplyChainTradeLineItem")
    }

    /// `ram:SpecifiedTradeProduct` (BG-31).
    func writeProduct(_ item: ItemInformation, _ w: inout XMLWriter) {
        w.open("ram:SpecifiedTradeProduct")
        w.identifier("ram:GlobalID", item.standardIdentifier)
        w.element("ram:SellerAssignedID", item.sellerIdentifier)
        w.element("ram:BuyerAssignedID", item.buyerIdentifier)
        w.element("ram:Name", item.name)
        w.element("ram:Description", item.description)
        for attribute in item.attributes {
            w.open("ram:ApplicableProductCharacteristic")
            w.element("ram:Description", attribute.name)
            w.element("ram:Value", attribute.value)
            w.close("ram:ApplicableProductCharacteristic")
        }
        for classification in item.classifications {
            w.open("ram:DesignatedProductClassification")
            w.element(
                "ram:ClassCode", classification.code,
                [("listID", classification.listID), ("listVersionID", classification.listVersionID)])
            w.close("ram:DesignatedProductClassification")
        }
        w.wrapped("ram:OriginTradeCountry", "ram:ID", item.countryOfOrigin)
        w.close("ram:SpecifiedTradeProduct")
    }
}
