import EInvoice

extension CIIReader {
    /// `ram:IncludedSupplyChainTradeLineItem` (BG-25).
    func readLine(_ element: Int, index: Int, _ context: inout CIIReadContext) throws(InvoiceReadError) -> InvoiceLine {
        let path = "BG-25[\(index)]"
        context.group(element, path)
        var line = InvoiceLine(
            identifier: "", quantity: nil, netAmount: nil, price: PriceDetails(netPrice: nil),
            vat: LineVATInformation(categoryCode: ""), item: ItemInformation(name: ""))
        // Each part occurs once; a repeated one stays unconsumed and is reported.
        var seen = (document: false, product: false, agreement: false, delivery: false, settlement: false)
        for child in context.children(element) {
            switch context.name(child) {
            case "AssociatedDocumentLineDocument" where !seen.document:
                seen.document = true
                readLineDocument(child, path, into: &line, &context)
            case "SpecifiedTradeProduct" where !seen.product:
                seen.product = true
                line.item = try readProduct(child, path, &context)
            case "SpecifiedLineTradeAgreement" where !seen.agreement:
                seen.agreement = true
                try readLineAgreement(child, path, into: &line, &context)
            case "SpecifiedLineTradeDelivery" where !seen.delivery:
                guard let quantity = context.child(child, "BilledQuantity") else { continue }
                seen.delivery = true
                context.consume(child)
                line.quantity = try context.quantity(quantity, path + "/BT-129", unitPath: path + "/BT-130")
            case "SpecifiedLineTradeSettlement" where !seen.settlement:
                seen.settlement = true
                try readLineSettlement(child, path, into: &line, &context)
            default: break
            }
        }
        return line
    }

    /// `ram:AssociatedDocumentLineDocument`: BT-126 and the first note's content as BT-127.
    func readLineDocument(_ element: Int, _ path: String, into line: inout InvoiceLine, _ context: inout CIIReadContext)
    {
        context.consume(element)
        var sawID = false
        for child in context.children(element) {
            switch context.name(child) {
            case "LineID" where !sawID:
                sawID = true
                line.identifier = context.text(child, path + "/BT-126")
            case "IncludedNote" where line.note == nil:
                guard let content = context.child(child, "Content") else { continue }
                context.consume(child)
                line.note = context.text(content, path + "/BT-127")
            default: break
            }
        }
    }

    /// `ram:SpecifiedLineTradeAgreement`: BT-132 and the price details (BG-29). The base quantity (BT-149)
    /// is the net price's; the gross price's copy is consumed when it agrees.
    func readLineAgreement(
        _ element: Int, _ path: String, into line: inout InvoiceLine, _ context: inout CIIReadContext
    ) throws(InvoiceReadError) {
        let pricePath = path + "/BG-29"
        context.group(element, pricePath)
        var grossBase: Int?
        for child in context.children(element) {
            switch context.name(child) {
            case "BuyerOrderReferencedDocument" where line.purchaseOrderLineReference == nil:
                guard let lineID = context.child(child, "LineID") else { continue }
                context.consume(child)
                line.purchaseOrderLineReference = context.text(lineID, path + "/BT-132")
            case "GrossPriceProductTradePrice" where line.price.grossPrice == nil:
                grossBase = try readGrossPrice(child, pricePath, into: &line.price, &context)
            case "NetPriceProductTradePrice" where line.price.netPrice == nil:
                context.consume(child)
                for part in context.children(child) {
                    switch context.name(part) {
                    case "ChargeAmount" where line.price.netPrice == nil:
                        line.price.netPrice = try context.decimal(part, pricePath + "/BT-146")
                    case "BasisQuantity" where line.price.baseQuantity == nil:
                        line.price.baseQuantity = try context.quantity(
                            part, pricePath + "/BT-149", unitPath: pricePath + "/BT-150")
                    default: break
                    }
                }
            default: break
            }
        }
        guard let grossBase else { return }
        if line.price.baseQuantity == nil {
            line.price.baseQuantity = try context.quantity(
                grossBase, pricePath + "/BT-149", unitPath: pricePath + "/BT-150")
        } else if let value = try? ExactDecimal(parsing: context.peek(grossBase)),
            Quantity(value, unitCode: context.attribute("unitCode", of: grossBase)) == line.price.baseQuantity
        {
            context.consume(grossBase)
        }
    }

    /// `ram:GrossPriceProductTradePrice`: BT-148 and the price discount (BT-147). Returns its base quantity
    /// element, which is settled against the net price's.
    func readGrossPrice(
        _ element: Int, _ pricePath: String, into price: inout PriceDetails, _ context: inout CIIReadContext
    ) throws(InvoiceReadError) -> Int? {
        context.consume(element)
        var base: Int?
        for child in context.children(element) {
            switch context.name(child) {
            case "ChargeAmount" where price.grossPrice == nil:
                price.grossPrice = try context.decimal(child, pricePath + "/BT-148")
            case "BasisQuantity" where base == nil:
                base = child
            case "AppliedTradeAllowanceCharge" where price.discount == nil:
                // Only an allowance is a price discount; a charge on the price has no EN 16931 term.
                guard let indicator = context.child(child, "ChargeIndicator"),
                    try context.indicator(in: indicator, pricePath + "/BT-147") == false,
                    let amount = context.child(child, "ActualAmount")
                else { continue }
                context.consume(child)
                context.consumeIndicator(indicator)
                price.discount = try context.decimal(amount, pricePath + "/BT-147")
            default: break
            }
        }
        return base
    }

    /// `ram:SpecifiedLineTradeSettlement`: BG-30, BG-26, BG-27, BG-28, BT-131, BT-128, BT-133.
    func readLineSettlement(
        _ element: Int, _ path: String, into line: inout InvoiceLine, _ context: inout CIIReadContext
    ) throws(InvoiceReadError) {
        context.consume(element)
        var sawTax = false
        for child in context.children(element) {
            switch context.name(child) {
            case "ApplicableTradeTax" where !sawTax:
                sawTax = true
                line.vat = try readLineVAT(child, path, &context)
            case "BillingSpecifiedPeriod" where line.period == nil:
                line.period = try readPeriod(child, path + "/BG-26", start: "BT-134", end: "BT-135", &context)
            case "SpecifiedTradeAllowanceCharge":
                guard let isCharge = try chargeIndicator(of: child, path + "/BG-27", &context) else { continue }
                if isCharge {
                    let itemPath = "\(path)/BG-28[\(line.charges.count)]"
                    line.charges.append(try readAllowanceCharge(child, itemPath, .lineCharge, &context))
                } else {
                    let itemPath = "\(path)/BG-27[\(line.allowances.count)]"
                    line.allowances.append(try readAllowanceCharge(child, itemPath, .lineAllowance, &context))
                }
            case "SpecifiedTradeSettlementLineMonetarySummation" where line.netAmount == nil:
                guard let total = context.child(child, "LineTotalAmount") else { continue }
                context.consume(child)
                line.netAmount = try context.decimal(total, path + "/BT-131")
            case "AdditionalReferencedDocument" where line.objectIdentifier == nil:
                // The line's only referenced document in EN 16931 is its object identifier (type code 130).
                let typeCode = context.child(child, "TypeCode")
                guard typeCode.map({ context.peek($0) == "130" }) ?? true,
                    let id = context.child(child, "IssuerAssignedID")
                else { continue }
                context.consume(child)
                if let typeCode { context.consume(typeCode) }
                var identifier = Identifier(context.text(id, path + "/BT-128"))
                if let scheme = context.child(child, "ReferenceTypeCode") {
                    identifier.schemeID = context.text(scheme, path + "/BT-128-1")
                }
                line.objectIdentifier = identifier
            case "ReceivableSpecifiedTradeAccountingAccount" where line.buyerAccountingReference == nil:
                guard let id = context.child(child, "ID") else { continue }
                context.consume(child)
                line.buyerAccountingReference = context.text(id, path + "/BT-133")
            default: break
            }
        }
    }

    /// The line's `ram:ApplicableTradeTax` (BG-30).
    func readLineVAT(_ element: Int, _ path: String, _ context: inout CIIReadContext) throws(InvoiceReadError)
        -> LineVATInformation
    {
        context.group(element, path + "/BG-30")
        var vat = LineVATInformation(categoryCode: "")
        var sawCategory = false
        for child in context.children(element) {
            switch context.name(child) {
            case "TypeCode" where context.peek(child) == "VAT":
                context.consume(child)
            case "CategoryCode" where !sawCategory:
                sawCategory = true
                vat.categoryCode = context.text(child, path + "/BG-30/BT-151")
            case "RateApplicablePercent" where vat.rate == nil:
                vat.rate = try context.decimal(child, path + "/BG-30/BT-152")
            default: break
            }
        }
        return vat
    }
}
