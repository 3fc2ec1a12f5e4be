import EInvoice

extension CIIWriter {
    /// The project name CII requires next to BT-11, which has no EN 16931 term of its own.
    static let projectNameFiller = "Project reference"

    /// `ram:ApplicableHeaderTradeAgreement`.
    func writeAgreement(_ invoice: Invoice, _ w: inout XMLWriter) {
        w.open("ram:ApplicableHeaderTradeAgreement")
        w.element("ram:BuyerReference", invoice.buyerReference)
        writeTradeParty("ram:SellerTradeParty", invoice.seller, &w)
        writeTradeParty("ram:BuyerTradeParty", invoice.buyer, &w)
        if let representative = invoice.sellerTaxRepresentative {
            w.open("ram:SellerTaxRepresentativeTradeParty")
            w.element("ram:Name", representative.name)
            writeAddress(representative.postalAddress, &w)
            writeTaxRegistration(representative.vatIdentifier, scheme: "VA", &w)
            w.close("ram:SellerTaxRepresentativeTradeParty")
        }
        w.wrapped("ram:SellerOrderReferencedDocument", "ram:IssuerAssignedID", invoice.salesOrderReference)
        w.wrapped("ram:BuyerOrderReferencedDocument", "ram:IssuerAssignedID", invoice.purchaseOrderReference)
        w.wrapped("ram:ContractReferencedDocument", "ram:IssuerAssignedID", invoice.contractReference)
        for document in invoice.supportingDocuments {
            w.open("ram:AdditionalReferencedDocument")
            w.element("ram:IssuerAssignedID", document.reference)
            w.element("ram:URIID", document.externalLocation)
            w.element("ram:TypeCode", document.typeCode ?? "916")
            w.element("ram:Name", document.description)
            if let attachment = document.attachment {
                w.open(
                    "ram:AttachmentBinaryObject",
                    [("mimeCode", attachment.mimeCode), ("filename", attachment.filename)])
                w.bulkText(attachment.base64Content)
                w.close("ram:AttachmentBinaryObject")
            }
            w.close("ram:AdditionalReferencedDocument")
        }
        if let tender = invoice.tenderOrLotReference {
            w.open("ram:AdditionalReferencedDocument")
            w.element("ram:IssuerAssignedID", tender)
            w.element("ram:TypeCode", "50")
            w.close("ram:AdditionalReferencedDocument")
        }
        if let object = invoice.invoicedObjectIdentifier {
            w.open("ram:AdditionalReferencedDocument")
            w.element("ram:IssuerAssignedID", object.value)
            w.element("ram:TypeCode", "130")
            w.element("ram:ReferenceTypeCode", object.schemeID)
            w.close("ram:AdditionalReferencedDocument")
        }
        if let project = invoice.projectReference {
            w.open("ram:SpecifiedProcuringProject")
            w.element("ram:ID", project)
            w.element("ram:Name", Self.projectNameFiller)
            w.close("ram:SpecifiedProcuringProject")
        }
        w.close("ram:ApplicableHeaderTradeAgreement")
    }

    /// A seller or buyer (BG-4, BG-7) in the `ram:TradePartyType` sequence.
    func writeTradeParty(_ name: String, _ party: Party, _ w: inout XMLWriter) {
        w.open(name)
        writePartyIdentifiers(party.identifiers, &w)
        w.element("ram:Name", party.name)
        w.element("ram:Description", party.additionalLegalInformation)
        if party.legalRegistrationIdentifier != nil || party.tradingName != nil {
            w.open("ram:SpecifiedLegalOrganization")
            w.identifier("ram:ID", party.legalRegistrationIdentifier)
            w.element("ram:TradingBusinessName", party.tradingName)
            w.close("ram:SpecifiedLegalOrganization")
        }
        if let contact = party.contact {
            w.open("ram:DefinedTradeContact")
            w.element("ram:PersonName", contact.name)
            w.wrapped("ram:TelephoneUniversalCommunication", "ram:CompleteNumber", contact.telephone)
            w.wrapped("ram:EmailURIUniversalCommunication", "ram:URIID", contact.email)
            w.close("ram:DefinedTradeContact")
        }
        writeAddress(party.postalAddress, &w)
        if let address = party.electronicAddress {
            w.open("ram:URIUniversalCommunication")
            w.identifier("ram:URIID", address)
            w.close("ram:URIUniversalCommunication")
        }
        writeTaxRegistration(party.vatIdentifier, scheme: "VA", &w)
        writeTaxRegistration(party.taxRegistrationIdentifier, scheme: "FC", &w)
        w.close(name)
    }

    /// Party identifiers: `ram:ID` up to the last one without a scheme, `ram:GlobalID` after it, so that
    /// reading them back gives the same order (the schema puts every ID before every GlobalID).
    func writePartyIdentifiers(_ identifiers: [Identifier], _ w: inout XMLWriter) {
        let lastPlain = identifiers.lastIndex { $0.schemeID == nil } ?? -1
        for (position, identifier) in identifiers.enumerated() {
            w.identifier(position <= lastPlain ? "ram:ID" : "ram:GlobalID", identifier)
        }
    }

    func writeTaxRegistration(_ value: String?, scheme: String, _ w: inout XMLWriter) {
        guard let value else { return }
        w.open("ram:SpecifiedTaxRegistration")
        w.element("ram:ID", value, [("schemeID", scheme)])
        w.close("ram:SpecifiedTaxRegistration")
    }

    /// `ram:PostalTradeAddress` (BG-5, BG-8, BG-12, BG-15).
    func writeAddress(_ address: PostalAddress?, _ w: inout XMLWriter) {
        guard let address else { return }
        w.open("ram:PostalTradeAddress")
        w.element("ram:PostcodeCode", address.postCode)
        w.element("ram:LineOne", address.line1)
        w.element("ram:LineTwo", address.line2)
        w.element("ram:LineThree", address.line3)
        w.element("ram:CityName", address.city)
        w.element("ram:CountryID", address.countryCode)
        w.element("ram:CountrySubDivisionName", address.countrySubdivision)
        w.close("ram:PostalTradeAddress")
    }

    /// `ram:ApplicableHeaderTradeDelivery` (mandatory, possibly empty): BG-13, BT-15, BT-16.
    func writeDelivery(_ invoice: Invoice, _ w: inout XMLWriter) {
        w.open("ram:ApplicableHeaderTradeDelivery")
        if let delivery = invoice.delivery {
            let hasParty = delivery.partyName != nil || delivery.locationIdentifier != nil || delivery.address != nil
            // An empty delivery group is kept as an empty ship-to party so that it reads back the same.
            if hasParty || delivery.actualDeliveryDate == nil {
                w.open("ram:ShipToTradeParty")
                w.identifier(
                    delivery.locationIdentifier?.schemeID == nil ? "ram:ID" : "ram:GlobalID",
                    delivery.locationIdentifier)
                w.element("ram:Name", delivery.partyName)
                writeAddress(delivery.address, &w)
                w.close("ram:ShipToTradeParty")
            }
            if let date = delivery.actualDeliveryDate {
                w.open("ram:ActualDeliverySupplyChainEvent")
                w.dateTime("ram:OccurrenceDateTime", date)
                w.close("ram:ActualDeliverySupplyChainEvent")
            }
        }
        w.wrapped("ram:DespatchAdviceReferencedDocument", "ram:IssuerAssignedID", invoice.despatchAdviceReference)
        w.wrapped("ram:ReceivingAdviceReferencedDocument", "ram:IssuerAssignedID", invoice.receivingAdviceReference)
        w.close("ram:ApplicableHeaderTradeDelivery")
    }
}
