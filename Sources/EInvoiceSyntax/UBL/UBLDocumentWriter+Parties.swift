import EInvoice

extension UBLDocumentWriter {
    /// BT-90 goes with the payee when there is one, else with the seller (scheme `SEPA`).
    var creditorIdentifier: String? { invoice.paymentInstructions?.directDebit?.creditorIdentifier }

    /// BG-4, BG-7, BG-10, BG-11.
    mutating func writeParties() {
        open("cac:AccountingSupplierParty")
        writeParty(invoice.seller, isSeller: true)
        close("cac:AccountingSupplierParty")
        open("cac:AccountingCustomerParty")
        writeParty(invoice.buyer, isSeller: false)
        close("cac:AccountingCustomerParty")
        if let payee = invoice.payee { writePayee(payee) }
        if let representative = invoice.sellerTaxRepresentative { writeTaxRepresentative(representative) }
    }

    mutating func writeParty(_ party: Party, isSeller: Bool) {
        open("cac:Party")
        identifier("cbc:EndpointID", party.electronicAddress)
        for id in party.identifiers { partyIdentification(id) }
        if isSeller, invoice.payee == nil, let creditor = creditorIdentifier {
            partyIdentification(Identifier(creditor, schemeID: "SEPA"))
        }
        if let tradingName = party.tradingName { partyName(tradingName) }
        if let address = party.postalAddress { writeAddress("cac:PostalAddress", address) }
        if let vat = party.vatIdentifier { partyTaxScheme(vat, scheme: "VAT") }
        if isSeller, let registration = party.taxRegistrationIdentifier { partyTaxScheme(registration, scheme: "TAX") }
        let legalInformation = isSeller ? party.additionalLegalInformation : nil
        if !party.name.isEmpty || party.legalRegistrationIdentifier != nil || legalInformation != nil {
            open("cac:PartyLegalEntity")
            required("cbc:RegistrationName", party.name)
            identifier("cbc:CompanyID", party.legalRegistrationIdentifier)
            text("cbc:CompanyLegalForm", legalInformation)
            close("cac:PartyLegalEntity")
        }
        if let contact = party.contact {
            open("cac:Contact")
            text("cbc:Name", contact.name)
            text("cbc:Telephone", contact.telephone)
            text("cbc:ElectronicMail", contact.email)
            close("cac:Contact")
        }
        close("cac:Party")
    }

    mutating func partyIdentification(_ id: Identifier) {
        open("cac:PartyIdentification")
        identifier("cbc:ID", id)
        close("cac:PartyIdentification")
    }

    mutating func partyName(_ name: String) {
        open("cac:PartyName")
        text("cbc:Name", name)
        close("cac:PartyName")
    }

    mutating func partyTaxScheme(_ companyID: String, scheme: String) {
        open("cac:PartyTaxScheme")
        text("cbc:CompanyID", companyID)
        open("cac:TaxScheme")
        text("cbc:ID", scheme)
        close("cac:TaxScheme")
        close("cac:PartyTaxScheme")
    }

    mutating func writeAddress(_ name: StaticString, _ address: PostalAddress) {
        open(name)
        text("cbc:StreetName", address.line1)
        text("cbc:AdditionalStreetName", address.line2)
        text("cbc:CityName", address.city)
        text("cbc:PostalZone", address.postCode)
        text("cbc:CountrySubentity", address.countrySubdivision)
        if let line3 = address.line3 {
            open("cac:AddressLine")
            text("cbc:Line", line3)
            close("cac:AddressLine")
        }
        if !address.countryCode.isEmpty {
            open("cac:Country")
            text("cbc:IdentificationCode", address.countryCode)
            close("cac:Country")
        }
        close(name)
    }

    /// BG-10 Payee.
    mutating func writePayee(_ payee: Payee) {
        open("cac:PayeeParty")
        if let id = payee.identifier { partyIdentification(id) }
        if let creditor = creditorIdentifier { partyIdentification(Identifier(creditor, schemeID: "SEPA")) }
        if !payee.name.isEmpty { partyName(payee.name) }
        if let registration = payee.legalRegistrationIdentifier {
            open("cac:PartyLegalEntity")
            identifier("cbc:CompanyID", registration)
            close("cac:PartyLegalEntity")
        }
        close("cac:PayeeParty")
    }

    /// BG-11 Seller tax representative party.
    mutating func writeTaxRepresentative(_ representative: TaxRepresentative) {
        open("cac:TaxRepresentativeParty")
        if !representative.name.isEmpty { partyName(representative.name) }
        if let address = representative.postalAddress { writeAddress("cac:PostalAddress", address) }
        if let vat = representative.vatIdentifier { partyTaxScheme(vat, scheme: "VAT") }
        close("cac:TaxRepresentativeParty")
    }

    /// BG-13 Delivery information.
    mutating func writeDelivery() {
        guard let delivery = invoice.delivery else { return }
        open("cac:Delivery")
        date("cbc:ActualDeliveryDate", delivery.actualDeliveryDate)
        if delivery.locationIdentifier != nil || delivery.address != nil {
            open("cac:DeliveryLocation")
            identifier("cbc:ID", delivery.locationIdentifier)
            if let address = delivery.address { writeAddress("cac:Address", address) }
            close("cac:DeliveryLocation")
        }
        if let name = delivery.partyName {
            open("cac:DeliveryParty")
            partyName(name)
            close("cac:DeliveryParty")
        }
        close("cac:Delivery")
    }
}
