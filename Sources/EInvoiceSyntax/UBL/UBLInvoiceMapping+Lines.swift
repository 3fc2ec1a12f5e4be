import EInvoice

extension UBLInvoiceMapping {
    /// BG-25 Invoice lines (`cac:InvoiceLine` or `cac:CreditNoteLine`).
    mutating func readLines(into invoice: inout Invoice) throws(InvoiceReadError) {
        let lines = source.takeAll(root, isCreditNote ? "CreditNoteLine" : "InvoiceLine", Self.cac)
        invoice.lines.reserveCapacity(lines.count)
        for (position, line) in lines.enumerated() {
            invoice.lines.append(try readLine(line, at: "BG-25[\(position)]"))
        }
    }

    mutating func readLine(_ line: Int, at path: String) throws(InvoiceReadError) -> InvoiceLine {
        source.record(path, line)
        let prefix = path + "/"
        let identifier = source.text(line, "ID", at: prefix + "BT-126") ?? ""
        let note = source.text(line, "Note", at: prefix + "BT-127")
        let quantity = try source.quantity(
            line, isCreditNote ? "CreditedQuantity" : "InvoicedQuantity", at: prefix + "BT-129")
        if let quantity = source.sourceMap[prefix + "BT-129"], source.attribute("unitCode", of: quantity) != nil {
            source.record(prefix + "BT-130", quantity)
        }
        let netAmount = try source.decimal(line, "LineExtensionAmount", at: prefix + "BT-131")
        let accountingReference = source.text(line, "AccountingCost", at: prefix + "BT-133")

        var period: Period?
        if let element = source.take(line, "InvoicePeriod", Self.cac) {
            source.record(prefix + "BG-26", element)
            period = Period(
                startDate: try source.date(element, "StartDate", at: prefix + "BG-26/BT-134"),
                endDate: try source.date(element, "EndDate", at: prefix + "BG-26/BT-135"))
        }
        var orderLine: String?
        if let reference = source.take(line, "OrderLineReference", Self.cac) {
            orderLine = source.text(reference, "LineID", at: prefix + "BT-132")
        }
        var objectIdentifier: Identifier?
        // BT-128 is the line's document reference of type 130; the EN 16931 examples also leave the type out.
        for reference in source.peekAll(line, "DocumentReference", Self.cac) where objectIdentifier == nil {
            let code = source.peek(reference, "DocumentTypeCode")
            guard code.map({ source.text(of: $0) == "130" }) ?? true, source.peek(reference, "ID") != nil
            else { continue }
            source.consume(reference)
            if let code { source.consume(code) }
            objectIdentifier = source.identifier(reference, "ID", at: prefix + "BT-128")
        }

        var allowances: [AllowanceCharge] = []
        var charges: [AllowanceCharge] = []
        for element in source.peekAll(line, "AllowanceCharge", Self.cac) {
            guard let isCharge = try chargeIndicator(element) else { continue }
            if isCharge {
                charges.append(try readAllowanceCharge(element, .lineCharge, at: prefix + "BG-28[\(charges.count)]"))
            } else {
                allowances.append(
                    try readAllowanceCharge(element, .lineAllowance, at: prefix + "BG-27[\(allowances.count)]"))
            }
        }

        var item = ItemInformation(name: "")
        var vat = LineVATInformation(categoryCode: "")
        if let element = source.take(line, "Item", Self.cac) {
            (item, vat) = try readItem(element, at: prefix)
        }
        var price = PriceDetails(netPrice: nil)
        if let element = source.take(line, "Price", Self.cac) {
            price = try readPrice(element, at: prefix + "BG-29")
        }

        var result = InvoiceLine(
            identifier: identifier, quantity: quantity, netAmount: netAmount, price: price, vat: vat, item: item)
        result.note = note
        result.objectIdentifier = objectIdentifier
        result.purchaseOrderLineReference = orderLine
        result.buyerAccountingReference = accountingReference
        result.period = period
        result.allowances = allowances
        result.charges = charges
        return result
    }

    /// BG-31 Item information and BG-30 Line VAT information; `prefix` is the line path with its slash.
    mutating func readItem(_ element: Int, at prefix: String) throws(InvoiceReadError)
        -> (ItemInformation, LineVATInformation)
    {
        let path = prefix + "BG-31"
        source.record(path, element)
        var item = ItemInformation(name: "")
        item.description = source.text(element, "Description", at: path + "/BT-154")
        item.name = source.text(element, "Name", at: path + "/BT-153") ?? ""
        if let identification = source.take(element, "BuyersItemIdentification", Self.cac) {
            item.buyerIdentifier = source.text(identification, "ID", at: path + "/BT-156")
        }
        if let identification = source.take(element, "SellersItemIdentification", Self.cac) {
            item.sellerIdentifier = source.text(identification, "ID", at: path + "/BT-155")
        }
        if let identification = source.take(element, "StandardItemIdentification", Self.cac) {
            item.standardIdentifier = source.identifier(identification, "ID", at: path + "/BT-157")
        }
        if let origin = source.take(element, "OriginCountry", Self.cac) {
            item.countryOfOrigin = source.text(origin, "IdentificationCode", at: path + "/BT-159")
        }
        for classification in source.peekAll(element, "CommodityClassification", Self.cac) {
            guard let code = source.take(classification, "ItemClassificationCode") else { continue }
            source.consume(classification)
            if item.classifications.isEmpty { source.record(path + "/BT-158", code) }
            source.record(path + "/BT-158[\(item.classifications.count)]", code)
            item.classifications.append(
                ItemClassification(
                    code: source.text(of: code), listID: source.attribute("listID", of: code),
                    listVersionID: source.attribute("listVersionID", of: code)))
        }
        var vat = LineVATInformation(categoryCode: "")
        if let category = source.take(element, "ClassifiedTaxCategory", Self.cac) {
            source.record(prefix + "BG-30", category)
            vat.categoryCode = source.text(category, "ID", at: prefix + "BG-30/BT-151") ?? ""
            vat.rate = try source.decimal(category, "Percent", at: prefix + "BG-30/BT-152")
            readTaxScheme(category, writtenAs: "VAT")
        }
        for property in source.takeAll(element, "AdditionalItemProperty", Self.cac) {
            let propertyPath = path + "/BG-32[\(item.attributes.count)]"
            source.record(propertyPath, property)
            item.attributes.append(
                ItemAttribute(
                    name: source.text(property, "Name", at: propertyPath + "/BT-160") ?? "",
                    value: source.text(property, "Value", at: propertyPath + "/BT-161") ?? ""))
        }
        return (item, vat)
    }

    /// BG-29 Price details: BT-146 … BT-150. The price discount is the `cac:AllowanceCharge` of the price.
    mutating func readPrice(_ element: Int, at path: String) throws(InvoiceReadError) -> PriceDetails {
        source.record(path, element)
        var price = PriceDetails(netPrice: try source.decimal(element, "PriceAmount", at: path + "/BT-146"))
        price.baseQuantity = try source.quantity(element, "BaseQuantity", at: path + "/BT-149")
        if let quantity = source.sourceMap[path + "/BT-149"], source.attribute("unitCode", of: quantity) != nil {
            source.record(path + "/BT-150", quantity)
        }
        if let discount = source.peek(element, "AllowanceCharge", Self.cac),
            let indicator = source.peek(discount, "ChargeIndicator"), source.text(of: indicator) != "true",
            source.text(of: indicator) != "1"
        {
            source.consume(discount)
            source.consume(indicator)
            price.discount = try source.decimal(discount, "Amount", at: path + "/BT-147")
            price.grossPrice = try source.decimal(discount, "BaseAmount", at: path + "/BT-148")
        }
        return price
    }
}
