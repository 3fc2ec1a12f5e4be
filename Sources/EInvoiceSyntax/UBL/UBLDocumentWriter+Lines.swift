import EInvoice

extension UBLDocumentWriter {
    /// BG-25 as `cac:InvoiceLine` or `cac:CreditNoteLine`.
    mutating func writeLine(_ line: InvoiceLine) {
        let name: StaticString = isCreditNote ? "cac:CreditNoteLine" : "cac:InvoiceLine"
        open(name)
        text("cbc:ID", line.identifier)
        text("cbc:Note", line.note)
        quantity(isCreditNote ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", line.quantity)
        amount("cbc:LineExtensionAmount", line.netAmount)
        text("cbc:AccountingCost", line.buyerAccountingReference)
        if let period = line.period {
            open("cac:InvoicePeriod")
            date("cbc:StartDate", period.startDate)
            date("cbc:EndDate", period.endDate)
            close("cac:InvoicePeriod")
        }
        if let orderLine = line.purchaseOrderLineReference {
            open("cac:OrderLineReference")
            text("cbc:LineID", orderLine)
            close("cac:OrderLineReference")
        }
        if let object = line.objectIdentifier {
            open("cac:DocumentReference")
            identifier("cbc:ID", object)
            text("cbc:DocumentTypeCode", "130")
            close("cac:DocumentReference")
        }
        for allowance in line.allowances { writeAllowanceCharge(allowance, isCharge: false, withCategory: false) }
        for charge in line.charges { writeAllowanceCharge(charge, isCharge: true, withCategory: false) }
        writeItem(line.item, vat: line.vat)
        writePrice(line.price)
        close(name)
    }

    /// BG-31 with BG-30 (`cac:ClassifiedTaxCategory`) in schema order.
    mutating func writeItem(_ item: ItemInformation, vat: LineVATInformation) {
        open("cac:Item")
        text("cbc:Description", item.description)
        required("cbc:Name", item.name)
        if let buyer = item.buyerIdentifier { itemIdentification("cac:BuyersItemIdentification", Identifier(buyer)) }
        if let seller = item.sellerIdentifier { itemIdentification("cac:SellersItemIdentification", Identifier(seller)) }
        if let standard = item.standardIdentifier { itemIdentification("cac:StandardItemIdentification", standard) }
        if let origin = item.countryOfOrigin {
            open("cac:OriginCountry")
            text("cbc:IdentificationCode", origin)
            close("cac:OriginCountry")
        }
        for classification in item.classifications {
            open("cac:CommodityClassification")
            xml.element(
                "cbc:ItemClassificationCode", classification.code,
                [("listID", classification.listID), ("listVersionID", classification.listVersionID)])
            close("cac:CommodityClassification")
        }
        if !vat.categoryCode.isEmpty || vat.rate != nil {
            open("cac:ClassifiedTaxCategory")
            required("cbc:ID", vat.categoryCode)
            number("cbc:Percent", vat.rate)
            taxScheme()
            close("cac:ClassifiedTaxCategory")
        }
        for attribute in item.attributes {
            open("cac:AdditionalItemProperty")
            text("cbc:Name", attribute.name)
            text("cbc:Value", attribute.value)
            close("cac:AdditionalItemProperty")
        }
        close("cac:Item")
    }

    mutating func itemIdentification(_ name: StaticString, _ id: Identifier) {
        open(name)
        identifier("cbc:ID", id)
        close(name)
    }

    /// BG-29. The discount is a `cac:AllowanceCharge` of the price: BT-147 as its amount, BT-148 as its base.
    mutating func writePrice(_ price: PriceDetails) {
        guard price.netPrice != nil || price.baseQuantity != nil || price.discount != nil || price.grossPrice != nil
        else { return }
        open("cac:Price")
        amount("cbc:PriceAmount", price.netPrice)
        quantity("cbc:BaseQuantity", price.baseQuantity)
        if price.discount != nil || price.grossPrice != nil {
            var discount = price.discount
            if discount == nil, let gross = price.grossPrice, let net = price.netPrice { discount = gross - net }
            open("cac:AllowanceCharge")
            text("cbc:ChargeIndicator", "false")
            amount("cbc:Amount", discount)
            amount("cbc:BaseAmount", price.grossPrice)
            close("cac:AllowanceCharge")
        }
        close("cac:Price")
    }
}
