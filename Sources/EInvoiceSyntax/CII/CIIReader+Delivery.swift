import EInvoice

extension CIIReader {
    /// `ram:ApplicableHeaderTradeDelivery`: BG-13 (ship-to party and actual delivery date), BT-15, BT-16.
    func readDelivery(_ element: Int, into invoice: inout Invoice, _ context: inout CIIReadContext)
        throws(InvoiceReadError)
    {
        context.consume(element)
        var delivery = invoice.delivery ?? DeliveryInformation()
        var hasDelivery = invoice.delivery != nil
        var sawShipTo = false
        var sawEvent = false
        for child in context.children(element) {
            switch context.name(child) {
            case "ShipToTradeParty" where !sawShipTo:
                sawShipTo = true
                hasDelivery = true
                readShipTo(child, into: &delivery, &context)
            case "ActualDeliverySupplyChainEvent" where !sawEvent:
                guard let occurrence = context.child(child, "OccurrenceDateTime") else { continue }
                sawEvent = true
                hasDelivery = true
                context.consume(child)
                context.record("BG-13", child)
                delivery.actualDeliveryDate = try context.date(in: occurrence, "BG-13/BT-72")
            case "DespatchAdviceReferencedDocument" where invoice.despatchAdviceReference == nil:
                invoice.despatchAdviceReference = readReference(child, "BT-16", &context)
            case "ReceivingAdviceReferencedDocument" where invoice.receivingAdviceReference == nil:
                invoice.receivingAdviceReference = readReference(child, "BT-15", &context)
            default: break
            }
        }
        if hasDelivery { invoice.delivery = delivery }
    }

    /// `ram:ShipToTradeParty`: BT-70, BT-71 and BG-15.
    func readShipTo(_ element: Int, into delivery: inout DeliveryInformation, _ context: inout CIIReadContext) {
        context.group(element, "BG-13")
        for child in context.children(element) {
            switch context.name(child) {
            case "ID" where delivery.locationIdentifier == nil, "GlobalID" where delivery.locationIdentifier == nil:
                delivery.locationIdentifier = context.identifier(child, "BG-13/BT-71")
            case "Name" where delivery.partyName == nil:
                delivery.partyName = context.text(child, "BG-13/BT-70")
            case "PostalTradeAddress" where delivery.address == nil:
                delivery.address = readAddress(child, .deliverTo, &context)
            default: break
            }
        }
    }

    // MARK: BG-10

    /// `ram:PayeeTradeParty`: BT-59, BT-60, BT-61.
    func readPayee(_ element: Int, _ context: inout CIIReadContext) -> Payee {
        context.group(element, "BG-10")
        var payee = Payee(name: "")
        var sawName = false
        for child in context.children(element) {
            switch context.name(child) {
            case "ID" where payee.identifier == nil, "GlobalID" where payee.identifier == nil:
                payee.identifier = context.identifier(child, "BG-10/BT-60")
            case "Name" where !sawName:
                sawName = true
                payee.name = context.text(child, "BG-10/BT-59")
            case "SpecifiedLegalOrganization" where payee.legalRegistrationIdentifier == nil:
                guard let id = context.child(child, "ID") else { continue }
                context.consume(child)
                payee.legalRegistrationIdentifier = context.identifier(id, "BG-10/BT-61")
            default: break
            }
        }
        return payee
    }
}
