import EInvoice

extension UBLInvoiceMapping {
    /// BG-4, BG-7, BG-10, BG-11.
    mutating func readParties(into invoice: inout Invoice) {
        if let supplier = source.take(root, "AccountingSupplierParty", Self.cac) {
            if let party = source.take(supplier, "Party", Self.cac) {
                invoice.seller = readParty(party, .seller)
            } else {
                // The seller element is there, empty: the rules on the seller party (BR-CO-26) still run.
                source.record("BG-4", supplier)
            }
        }
        if let customer = source.take(root, "AccountingCustomerParty", Self.cac),
            let party = source.take(customer, "Party", Self.cac)
        {
            invoice.buyer = readParty(party, .buyer)
        }
        if let payee = source.take(root, "PayeeParty", Self.cac) {
            invoice.payee = readPayee(payee)
        }
        if let representative = source.take(root, "TaxRepresentativeParty", Self.cac) {
            invoice.sellerTaxRepresentative = readTaxRepresentative(representative)
        }
    }

    mutating func readParty(_ party: Int, _ terms: UBLPartyTerms) -> Party {
        let group = terms.group + "/"
        source.record(terms.group, party)
        var result = Party()
        result.electronicAddress = source.identifier(party, "EndpointID", at: group + terms.electronicAddress)
        for identification in source.peekAll(party, "PartyIdentification", Self.cac) {
            guard let id = source.peek(identification, "ID") else { continue }
            let identifier = source.identifier(of: id)
            if identifier.schemeID?.uppercased() == "SEPA" {
                // BT-90 Bank assigned creditor identifier, carried by the seller or the payee.
                guard terms.group == "BG-4", creditorIdentifier == nil else { continue }
                creditorIdentifier = identifier.value
                source.record("BG-16/BG-19/BT-90", id)
            } else {
                let path = group + terms.identifier
                if result.identifiers.isEmpty { source.record(path, id) }
                source.record(path + "[\(result.identifiers.count)]", id)
                result.identifiers.append(identifier)
            }
            source.consume(identification)
            source.consume(id)
        }
        if let partyName = source.take(party, "PartyName", Self.cac) {
            result.tradingName = source.text(partyName, "Name", at: group + terms.tradingName)
        }
        if let address = source.take(party, "PostalAddress", Self.cac) {
            result.postalAddress = readAddress(address, terms.address, in: group)
        }
        for scheme in source.peekAll(party, "PartyTaxScheme", Self.cac) {
            let kind = source.peek(scheme, "TaxScheme", Self.cac).flatMap { source.peek($0, "ID") }
            let isVAT = kind.map { source.text(of: $0).uppercased() == "VAT" } ?? false
            let path: String
            if isVAT, result.vatIdentifier == nil {
                path = group + terms.vatIdentifier
            } else if !isVAT, let taxRegistration = terms.taxRegistration, result.taxRegistrationIdentifier == nil {
                path = group + taxRegistration
            } else {
                continue
            }
            source.consume(scheme)
            readTaxScheme(scheme, writtenAs: isVAT ? "VAT" : "TAX")
            let companyID = source.text(scheme, "CompanyID", at: path) ?? ""
            if isVAT { result.vatIdentifier = companyID } else { result.taxRegistrationIdentifier = companyID }
        }
        if let legal = source.take(party, "PartyLegalEntity", Self.cac) {
            result.name = source.text(legal, "RegistrationName", at: group + terms.name) ?? ""
            result.legalRegistrationIdentifier = source.identifier(legal, "CompanyID", at: group + terms.legalRegistration)
            if let legalInformation = terms.legalInformation {
                result.additionalLegalInformation = source.text(legal, "CompanyLegalForm", at: group + legalInformation)
            }
        }
        if let contact = source.take(party, "Contact", Self.cac) {
            let path = group + terms.contactGroup
            source.record(path, contact)
            result.contact = Contact(
                name: source.text(contact, "Name", at: path + "/" + terms.contactName),
                telephone: source.text(contact, "Telephone", at: path + "/" + terms.telephone),
                email: source.text(contact, "ElectronicMail", at: path + "/" + terms.email))
        }
        return result
    }

    /// `cac:TaxScheme/cbc:ID` of a tax scheme or category. The model keeps no scheme, so the id counts as
    /// carried only when it is the one the writer puts back.
    mutating func readTaxScheme(_ parent: Int, writtenAs scheme: String) {
        guard let taxScheme = source.take(parent, "TaxScheme", Self.cac),
            let id = source.peek(taxScheme, "ID"), source.text(of: id).uppercased() == scheme
        else { return }
        source.consume(id)
    }

    /// A postal address; `prefix` is the enclosing group path with its slash.
    mutating func readAddress(_ address: Int, _ terms: UBLAddressTerms, in prefix: String) -> PostalAddress {
        let path = prefix + terms.group
        source.record(path, address)
        var result = PostalAddress()
        result.line1 = source.text(address, "StreetName", at: path + "/" + terms.line1)
        result.line2 = source.text(address, "AdditionalStreetName", at: path + "/" + terms.line2)
        result.city = source.text(address, "CityName", at: path + "/" + terms.city)
        result.postCode = source.text(address, "PostalZone", at: path + "/" + terms.postCode)
        result.countrySubdivision = source.text(address, "CountrySubentity", at: path + "/" + terms.subdivision)
        if let line = source.take(address, "AddressLine", Self.cac) {
            result.line3 = source.text(line, "Line", at: path + "/" + terms.line3)
        }
        if let country = source.take(address, "Country", Self.cac) {
            result.countryCode = source.text(country, "IdentificationCode", at: path + "/" + terms.country) ?? ""
        }
        return result
    }

    /// BG-10 Payee: BT-59 … BT-61, and BT-90 when the payee carries the creditor identifier.
    mutating func readPayee(_ payee: Int) -> Payee {
        source.record("BG-10", payee)
        var result = Payee(name: "")
        if let partyName = source.take(payee, "PartyName", Self.cac) {
            result.name = source.text(partyName, "Name", at: "BG-10/BT-59") ?? ""
        }
        for identification in source.peekAll(payee, "PartyIdentification", Self.cac) {
            guard let id = source.peek(identification, "ID") else { continue }
            let identifier = source.identifier(of: id)
            if identifier.schemeID?.uppercased() == "SEPA" {
                guard creditorIdentifier == nil else { continue }
                creditorIdentifier = identifier.value
                source.record("BG-16/BG-19/BT-90", id)
            } else {
                guard result.identifier == nil else { continue }
                result.identifier = identifier
                source.record("BG-10/BT-60", id)
            }
            source.consume(identification)
            source.consume(id)
        }
        if let legal = source.take(payee, "PartyLegalEntity", Self.cac) {
            result.legalRegistrationIdentifier = source.identifier(legal, "CompanyID", at: "BG-10/BT-61")
        }
        return result
    }

    /// BG-11 Seller tax representative party: BT-62, BT-63, BG-12.
    mutating func readTaxRepresentative(_ party: Int) -> TaxRepresentative {
        source.record("BG-11", party)
        var result = TaxRepresentative(name: "")
        if let partyName = source.take(party, "PartyName", Self.cac) {
            result.name = source.text(partyName, "Name", at: "BG-11/BT-62") ?? ""
        }
        if let address = source.take(party, "PostalAddress", Self.cac) {
            result.postalAddress = readAddress(address, .taxRepresentative, in: "BG-11/")
        }
        for scheme in source.peekAll(party, "PartyTaxScheme", Self.cac) where result.vatIdentifier == nil {
            source.consume(scheme)
            readTaxScheme(scheme, writtenAs: "VAT")
            result.vatIdentifier = source.text(scheme, "CompanyID", at: "BG-11/BT-63") ?? ""
        }
        return result
    }

    /// BG-13 Delivery information: BT-70 … BT-72, BG-15.
    mutating func readDelivery(into invoice: inout Invoice) throws(InvoiceReadError) {
        guard let delivery = source.take(root, "Delivery", Self.cac) else { return }
        source.record("BG-13", delivery)
        var result = DeliveryInformation()
        result.actualDeliveryDate = try source.date(delivery, "ActualDeliveryDate", at: "BG-13/BT-72")
        if let location = source.take(delivery, "DeliveryLocation", Self.cac) {
            result.locationIdentifier = source.identifier(location, "ID", at: "BG-13/BT-71")
            if let address = source.take(location, "Address", Self.cac) {
                result.address = readAddress(address, .deliverTo, in: "BG-13/")
            }
        }
        if let party = source.take(delivery, "DeliveryParty", Self.cac),
            let partyName = source.take(party, "PartyName", Self.cac)
        {
            result.partyName = source.text(partyName, "Name", at: "BG-13/BT-70")
        }
        invoice.delivery = result
    }
}
