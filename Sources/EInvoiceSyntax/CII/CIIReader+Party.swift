import EInvoice

/// The term ids of a trade party, which differ between seller and buyer.
struct CIIPartyTerms {
    let group: String
    let name: String
    let tradingName: String
    let identifier: String
    let legalRegistration: String
    let vatIdentifier: String
    /// Only the seller has a tax registration identifier and additional legal information.
    let taxRegistration: String?
    let additionalLegalInformation: String?
    let electronicAddress: String
    let address: CIIAddressTerms
    let contact: (group: String, name: String, telephone: String, email: String)

    static let seller = CIIPartyTerms(
        group: "BG-4", name: "BT-27", tradingName: "BT-28", identifier: "BT-29", legalRegistration: "BT-30",
        vatIdentifier: "BT-31", taxRegistration: "BT-32", additionalLegalInformation: "BT-33",
        electronicAddress: "BT-34", address: .seller, contact: ("BG-6", "BT-41", "BT-42", "BT-43"))
    static let buyer = CIIPartyTerms(
        group: "BG-7", name: "BT-44", tradingName: "BT-45", identifier: "BT-46", legalRegistration: "BT-47",
        vatIdentifier: "BT-48", taxRegistration: nil, additionalLegalInformation: nil,
        electronicAddress: "BT-49", address: .buyer, contact: ("BG-9", "BT-56", "BT-57", "BT-58"))
}

/// The term ids of a postal address: its group path (relative to the invoice) and its terms.
struct CIIAddressTerms {
    let path: String
    let line1, line2, line3, city, postCode, subdivision, country: String

    static let seller = CIIAddressTerms(
        path: "BG-4/BG-5", line1: "BT-35", line2: "BT-36", line3: "BT-162", city: "BT-37", postCode: "BT-38",
        subdivision: "BT-39", country: "BT-40")
    static let buyer = CIIAddressTerms(
        path: "BG-7/BG-8", line1: "BT-50", line2: "BT-51", line3: "BT-163", city: "BT-52", postCode: "BT-53",
        subdivision: "BT-54", country: "BT-55")
    static let taxRepresentative = CIIAddressTerms(
        path: "BG-11/BG-12", line1: "BT-64", line2: "BT-65", line3: "BT-164", city: "BT-66", postCode: "BT-67",
        subdivision: "BT-68", country: "BT-69")
    static let deliverTo = CIIAddressTerms(
        path: "BG-13/BG-15", line1: "BT-75", line2: "BT-76", line3: "BT-165", city: "BT-77", postCode: "BT-78",
        subdivision: "BT-79", country: "BT-80")
}

extension CIIReader {
    /// `ram:SellerTradeParty` (BG-4) or `ram:BuyerTradeParty` (BG-7).
    func readTradeParty(_ element: Int, _ terms: CIIPartyTerms, _ context: inout CIIReadContext) -> Party {
        let group = terms.group
        context.group(element, group)
        var party = Party()
        var sawName = false
        var sawLegalOrganization = false
        for child in context.children(element) {
            switch context.name(child) {
            case "ID", "GlobalID":
                let position = party.identifiers.count
                let path = "\(group)/\(terms.identifier)"
                if position == 0 { context.record(path, child) }
                party.identifiers.append(context.identifier(child, "\(path)[\(position)]"))
            case "Name" where !sawName:
                sawName = true
                party.name = context.text(child, "\(group)/\(terms.name)")
            case "Description" where party.additionalLegalInformation == nil:
                guard let term = terms.additionalLegalInformation else { continue }
                party.additionalLegalInformation = context.text(child, "\(group)/\(term)")
            case "SpecifiedLegalOrganization" where !sawLegalOrganization:
                sawLegalOrganization = true
                context.consume(child)
                for part in context.children(child) {
                    switch context.name(part) {
                    case "ID" where party.legalRegistrationIdentifier == nil:
                        party.legalRegistrationIdentifier = context.identifier(
                            part, "\(group)/\(terms.legalRegistration)")
                    case "TradingBusinessName" where party.tradingName == nil:
                        party.tradingName = context.text(part, "\(group)/\(terms.tradingName)")
                    default: break
                    }
                }
            case "DefinedTradeContact" where party.contact == nil:
                party.contact = readContact(child, terms, &context)
            case "PostalTradeAddress" where party.postalAddress == nil:
                party.postalAddress = readAddress(child, terms.address, &context)
            case "URIUniversalCommunication" where party.electronicAddress == nil:
                guard let uri = context.child(child, "URIID") else { continue }
                context.consume(child)
                party.electronicAddress = context.identifier(uri, "\(group)/\(terms.electronicAddress)")
            case "SpecifiedTaxRegistration":
                guard let id = context.child(child, "ID") else { continue }
                switch context.attribute("schemeID", of: id) {
                case "VA" where party.vatIdentifier == nil:
                    context.consume(child)
                    party.vatIdentifier = context.text(id, "\(group)/\(terms.vatIdentifier)")
                case "FC" where party.taxRegistrationIdentifier == nil && terms.taxRegistration != nil:
                    context.consume(child)
                    party.taxRegistrationIdentifier = context.text(id, "\(group)/\(terms.taxRegistration ?? "")")
                default: break
                }
            default: break
            }
        }
        return party
    }

    /// `ram:DefinedTradeContact` (BG-6, BG-9). `DepartmentName` stands in for the contact point when
    /// there is no `PersonName` (CII-SR-465 forbids both).
    func readContact(_ element: Int, _ terms: CIIPartyTerms, _ context: inout CIIReadContext) -> Contact {
        let path = "\(terms.group)/\(terms.contact.group)"
        context.group(element, path)
        var contact = Contact()
        let hasPerson = context.child(element, "PersonName") != nil
        for child in context.children(element) {
            switch context.name(child) {
            case "PersonName" where contact.name == nil:
                contact.name = context.text(child, "\(path)/\(terms.contact.name)")
            case "DepartmentName" where contact.name == nil && !hasPerson:
                contact.name = context.text(child, "\(path)/\(terms.contact.name)")
            case "TelephoneUniversalCommunication" where contact.telephone == nil:
                guard let number = context.child(child, "CompleteNumber") else { continue }
                context.consume(child)
                contact.telephone = context.text(number, "\(path)/\(terms.contact.telephone)")
            case "EmailURIUniversalCommunication" where contact.email == nil:
                guard let uri = context.child(child, "URIID") else { continue }
                context.consume(child)
                contact.email = context.text(uri, "\(path)/\(terms.contact.email)")
            default: break
            }
        }
        return contact
    }

    /// `ram:PostalTradeAddress` (BG-5, BG-8, BG-12, BG-15).
    func readAddress(_ element: Int, _ terms: CIIAddressTerms, _ context: inout CIIReadContext) -> PostalAddress {
        let path = terms.path
        context.group(element, path)
        var address = PostalAddress()
        var sawCountry = false
        for child in context.children(element) {
            switch context.name(child) {
            case "PostcodeCode" where address.postCode == nil:
                address.postCode = context.text(child, "\(path)/\(terms.postCode)")
            case "LineOne" where address.line1 == nil: address.line1 = context.text(child, "\(path)/\(terms.line1)")
            case "LineTwo" where address.line2 == nil: address.line2 = context.text(child, "\(path)/\(terms.line2)")
            case "LineThree" where address.line3 == nil: address.line3 = context.text(child, "\(path)/\(terms.line3)")
            case "CityName" where address.city == nil: address.city = context.text(child, "\(path)/\(terms.city)")
            case "CountryID" where !sawCountry:
                sawCountry = true
                address.countryCode = context.text(child, "\(path)/\(terms.country)")
            case "CountrySubDivisionName" where address.countrySubdivision == nil:
                address.countrySubdivision = context.text(child, "\(path)/\(terms.subdivision)")
            default: break
            }
        }
        return address
    }
}
