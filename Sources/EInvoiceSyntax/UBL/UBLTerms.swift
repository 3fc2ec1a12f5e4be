/// The term ids of a party (BG-4 Seller or BG-7 Buyer), as used in term paths.
struct UBLPartyTerms {
    let group: String
    let name: String
    let tradingName: String
    let identifier: String
    let legalRegistration: String
    let vatIdentifier: String
    /// BT-32, seller only.
    let taxRegistration: String?
    /// BT-33, seller only.
    let legalInformation: String?
    let electronicAddress: String
    let address: UBLAddressTerms
    let contactGroup: String
    let contactName: String
    let telephone: String
    let email: String

    static let seller = UBLPartyTerms(
        group: "BG-4", name: "BT-27", tradingName: "BT-28", identifier: "BT-29", legalRegistration: "BT-30",
        vatIdentifier: "BT-31", taxRegistration: "BT-32", legalInformation: "BT-33", electronicAddress: "BT-34",
        address: .seller, contactGroup: "BG-6", contactName: "BT-41", telephone: "BT-42", email: "BT-43")

    static let buyer = UBLPartyTerms(
        group: "BG-7", name: "BT-44", tradingName: "BT-45", identifier: "BT-46", legalRegistration: "BT-47",
        vatIdentifier: "BT-48", taxRegistration: nil, legalInformation: nil, electronicAddress: "BT-49",
        address: .buyer, contactGroup: "BG-9", contactName: "BT-56", telephone: "BT-57", email: "BT-58")
}

/// The term ids of a postal address (BG-5, BG-8, BG-12, BG-15).
struct UBLAddressTerms {
    let group: String
    let line1: String
    let line2: String
    let line3: String
    let city: String
    let postCode: String
    let subdivision: String
    let country: String

    static let seller = UBLAddressTerms(
        group: "BG-5", line1: "BT-35", line2: "BT-36", line3: "BT-162", city: "BT-37", postCode: "BT-38",
        subdivision: "BT-39", country: "BT-40")
    static let buyer = UBLAddressTerms(
        group: "BG-8", line1: "BT-50", line2: "BT-51", line3: "BT-163", city: "BT-52", postCode: "BT-53",
        subdivision: "BT-54", country: "BT-55")
    static let taxRepresentative = UBLAddressTerms(
        group: "BG-12", line1: "BT-64", line2: "BT-65", line3: "BT-164", city: "BT-66", postCode: "BT-67",
        subdivision: "BT-68", country: "BT-69")
    static let deliverTo = UBLAddressTerms(
        group: "BG-15", line1: "BT-75", line2: "BT-76", line3: "BT-165", city: "BT-77", postCode: "BT-78",
        subdivision: "BT-79", country: "BT-80")
}

/// The term ids of a document or line level allowance or charge (BG-20, BG-21, BG-27, BG-28).
struct UBLAllowanceChargeTerms {
    let group: String
    let amount: String
    let baseAmount: String
    let percentage: String
    let reason: String
    let reasonCode: String
    /// BT-95 / BT-102, document level only.
    let categoryCode: String?
    /// BT-96 / BT-103, document level only.
    let rate: String?

    static let documentAllowance = UBLAllowanceChargeTerms(
        group: "BG-20", amount: "BT-92", baseAmount: "BT-93", percentage: "BT-94", reason: "BT-97",
        reasonCode: "BT-98", categoryCode: "BT-95", rate: "BT-96")
    static let documentCharge = UBLAllowanceChargeTerms(
        group: "BG-21", amount: "BT-99", baseAmount: "BT-100", percentage: "BT-101", reason: "BT-104",
        reasonCode: "BT-105", categoryCode: "BT-102", rate: "BT-103")
    static let lineAllowance = UBLAllowanceChargeTerms(
        group: "BG-27", amount: "BT-136", baseAmount: "BT-137", percentage: "BT-138", reason: "BT-139",
        reasonCode: "BT-140", categoryCode: nil, rate: nil)
    static let lineCharge = UBLAllowanceChargeTerms(
        group: "BG-28", amount: "BT-141", baseAmount: "BT-142", percentage: "BT-143", reason: "BT-144",
        reasonCode: "BT-145", categoryCode: nil, rate: nil)
}
