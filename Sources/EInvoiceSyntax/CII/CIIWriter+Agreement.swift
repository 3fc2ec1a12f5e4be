import EInvoice

extension CIIWriter {
    /// The project name CII requires next to BT-11, which has no EN 16931 term of its own.
    static let projectNameFiller = "Project reference"

    /// `ram:ApplicableHeaderTradeAgreement`.
    func writeAgreement(_ invoice: Invoice, _ w: inout XMLWriter) {
        w.start("ram:ApplicableHeaderTradeAgreement")
        w.leaf("ram:BuyerReference", invoice.buyerReference)
        writeTradeParty("ram:SellerTradeParty", invoice.seller, &w)
        writeTradeParty("ram:BuyerTradeParty", invoice.buyer, &w)
        if let representative = invoice.sellerTaxRepresentative {
            w.start("ram:SellerTaxRepresentativeTradeParty")
            w.leaf("ram:Name", representative.name)
            writeAddress(representative.postalAddress, &w)
            writeTaxRegistration(representative.vatIdentifier, scheme: "VA", &w)
            w.end("ram:SellerTaxRepresentativeTradeParty")
        }
        w.wrapped("ram:SellerOrderReferencedDocument", "ram:IssuerAssignedID", invoice.salesOrderReference)
        w.wrapped("ram:BuyerOrderReferencedDocument", "ram:IssuerAssignedID", invoice.purchaseOrderReference)
        w.wrapped("ram:ContractReferencedDocument", "ram:IssuerAssignedID", invoice.contractReference)
        for document in invoice.supportingDocuments {
            w.start("ram:AdditionalReferencedDocument")
            w.leaf("ram:IssuerAssignedID", document.reference)
            w.leaf("ram:URIID", document.externalLocation)
            w.leaf("ram:TypeCode", document.typeCode ?? "916")
            w.leaf("ram:Name", document.description)
            if let attachment = document.attachment {
                w.open(
                    "ram:AttachmentBinaryObject",
                    [("mimeCode", attachment.mimeCode), ("filename", attachment.filename)])
                w.bulkText(attachment.base64Content)
                w.end("ram:AttachmentBinaryObject")
            }
            w.end("ram:AdditionalReferencedDocument")
        }
        if let tender = invoice.tenderOrLotReference {
            w.start("ram:AdditionalReferencedDocument")
            w.leaf("ram:IssuerAssignedID", tender)
            w.leaf("ram:TypeCode", "50")
            w.end("ram:AdditionalReferencedDocument")
        }
        if let object = invoice.invoicedObjectIdentifier {
            w.start("ram:AdditionalReferencedDocument")
            w.leaf("ram:IssuerAssignedID", object.value)
            w.leaf("ram:TypeCode", "130")
            w.leaf("ram:ReferenceTypeCode", object.schemeID)
            w.end("ram:AdditionalReferencedDocument")
        }
        if let project = invoice.projectReference {
            w.start("ram:SpecifiedProcuringProject")
            w.leaf("ram:ID", project)
            w.leaf("ram:Name", Self.projectNameFiller)
            w.end("ram:SpecifiedProcuringProject")
        }
        w.end("ram:ApplicableHeaderTradeAgreement")
    }

    /// A seller or buyer (BG-4, BG-7) in the `ram:TradePartyType` sequence.
    func writeTradeParty(_ name: StaticString, _ party: Party, _ w: inout XMLWriter) {
        w.start(name)
        writePartyIdentifiers(party.identifiers, &w)
        w.leaf("ram:Name", party.name)
        w.leaf("ram:Description", party.additionalLegalInformation)
        if party.legalRegistrationIdentifier != nil || party.tradingName != nil {
            w.start("ram:SpecifiedLegalOrganization")
            w.identifier("ram:ID", party.legalRegistrationIdentifier)
            w.leaf("ram:TradingBusinessName", party.tradingName)
            w.end("ram:SpecifiedLegalOrganization")
        }
        if let contact = party.contact {
            w.start("ram:DefinedTradeContact")
            w.leaf("ram:PersonName", contact.name)
            w.wrapped("ram:TelephoneUniversalCommunication", "ram:CompleteNumber", contact.telephone)
            w.wrapped("ram:EmailURIUniversalCommunication", "ram:URIID", contact.email)
            w.end("ram:DefinedTradeContact")
        }
        writeAddress(party.postalAddress, &w)
        if let address = party.electronicAddress {
            w.start("ram:URIUniversalCommunication")
            w.identifier("ram:URIID", address)
            w.end("ram:URIUniversalCommunication")
        }
        writeTaxRegistration(party.vatIdentifier, scheme: "VA", &w)
        writeTaxRegistration(party.taxRegistrationIdentifier, scheme: "FC", &w)
        w.end(name)
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
        w.start("ram:SpecifiedTaxRegistration")
        w.leaf("ram:ID", value, attribute: "schemeID", scheme)
        w.end("ram:SpecifiedTaxRegistration")
    }

    /// `ram:PostalTradeAddress` (BG-5, BG-8, BG-12, BG-15).
    func writeAddress(_ address: PostalAddress?, _ w: inout XMLWriter) {
        guard let address else { return }
        w.start("ram:PostalTradeAddress")
        w.leaf("ram:PostcodeCode", address.postCode)
        w.leaf("ram:LineOne", address.line1)
        w.leaf("ram:LineTwo", address.line2)
        w.leaf("ram:LineThree", address.line3)
        w.leaf("ram:CityName", address.city)
        w.leaf("ram:CountryID", address.countryCode)
        w.leaf("ram:CountrySubDivisionName", address.countrySubdivision)
        w.end("ram:PostalTradeAddress")
    }

    /// `ram:ApplicableHeaderTradeDelivery` (mandatory, possibly empty): BG-13, BT-15, BT-16.
    func writeDelivery(_ invoice: Invoice, _ w: inout XMLWriter) {
        w.start("ram:ApplicableHeaderTradeDelivery")
        if let delivery = invoice.delivery {
            let hasParty = delivery.partyName != nil || delivery.locationIdentifier != nil || delivery.address != nil
            // An empty delivery group is kept as an empty ship-to party so that it reads back the same.
            if hasParty || delivery.actualDeliveryDate == nil {
                w.start("ram:ShipToTradeParty")
                w.identifier(
                    delivery.locationIdentifier?.schemeID == nil ? "ram:ID" : "ram:GlobalID",
                    delivery.locationIdentifier)
                w.leaf("ram:Name", delivery.partyName)
                writeAddress(delivery.address, &w)
                w.end("ram:ShipToTradeParty")
            }
            if let date = delivery.actualDeliveryDate {
                w.start("ram:ActualDeliverySupplyChainEvent")
                w.dateTime("ram:OccurrenceDateTime", date)
                w.end("ram:ActualDeliverySupplyChainEvent")
            }
        }
        w.wrapped("ram:DespatchAdviceReferencedDocument", "ram:IssuerAssignedID", invoice.despatchAdviceReference)
        w.wrapped("ram:ReceivingAdviceReferencedDocument", "ram:IssuerAssignedID", invoice.receivingAdviceReference)
        w.end("ram:ApplicableHeaderTradeDelivery")
    }
}
