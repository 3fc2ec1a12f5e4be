import EInvoice

extension UBLDocumentWriter {
    /// BG-25 as `cac:InvoiceLine` or `cac:CreditNoteLine`.
    mutating func writeLine(_ line: InvoiceLine) {
        let name = isCreditNote ? "cac:CreditNoteLine" : "cac:InvoiceLine"
        open(name)
        text("ID", line.identifier)
        text("Note", line.note)
        quantity(isCreditNote ? "CreditedQuantity" : "InvoicedQuantity", line.quantity)
        amount("LineExtensionAmount", line.netAmount)
        text("AccountingCost", line.buyerAccountingReference)
        if let period = line.period {
            open("cac:InvoicePeriod")
            date("StartDate", period.startDate)
            date("EndDate", period.endDate)
            close("cac:InvoicePeriod")
        }
        if let orderLine = line.purchaseOrderLineReference {
            open("cac:OrderLineReference")
            text("LineID", orderLine)
            close("cac:OrderLineReference")
        }
        if let object = line.objectIdentifier {
            open("cac:DocumentReference")
            identifier("ID", object)
            text("DocumentTypeCode", "130")
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
        text("Description", item.description)
        required("Name", item.name)
        if let buyer = item.buyerIdentifier { itemIdentification("cac:BuyersItemIdentification", Identifier(buyer)) }
        if let seller = item.sellerIdentifier { itemIdentification("cac:SellersItemIdentification", Identifier(seller)) }
        if let standard = item.standardIdentifier { itemIdentification("cac:StandardItemIdentification", standard) }
        if let origin = item.countryOfOrigin {
            open("cac:OriginCountry")
            text("IdentificationCode", origin)
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
            required("ID", vat.categoryCode)
            number("Percent", vat.rate)
            taxScheme()
            close("cac:ClassifiedTaxCategory")
        }
        for attribute in item.attributes {
            open("cac:AdditionalItemProperty")
            text("Name", attribute.name)
            text("Value", attribute.value)
            close("cac:AdditionalItemProperty")
        }
        close("cac:Item")
    }

    mutating func itemIdentification(_ name: String, _ id: Identifier) {
        open(name)
        identifier("ID", id)
        close(name)
    }

    /// BG-29. The discount is a `cac:AllowanceCharge` of the price: BT-147 as its amount, BT-148 as its base.
    mutating func writePrice(_ price: PriceDetails) {
        guard price.netPrice != nil || price.baseQuantity != nil || price.discount != nil || price.grossPrice != nil
        else { return }
        open("cac:Price")
        amount("PriceAmount", price.netPrice)
        quantity("BaseQuantity", price.baseQuantity)
        if price.discount != nil || price.grossPrice != nil {
            var discount = price.discount
            if discount == nil, let gross = price.grossPrice, let net = price.netPrice { discount = gross - net }
            open("cac:AllowanceCharge")
            text("ChargeIndicator", "false")
            amount("Amount", discount)
            amount("BaseAmount", price.grossPrice)
            close("cac:AllowanceCharge")
        }
        close("cac:Price")
    }
}
