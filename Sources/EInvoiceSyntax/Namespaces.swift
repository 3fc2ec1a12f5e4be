/// Namespace URIs of the syntaxes.
public enum Namespaces {
    public static let ciiRSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    public static let ciiRAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    public static let ciiUDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
    public static let ciiQDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
    public static let ublInvoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    public static let ublCreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
    public static let ublCAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    public static let ublCBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
}
