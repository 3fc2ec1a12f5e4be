import Foundation
import Testing
@testable import EInvoice

@Suite("Invoice JSON: the schema matches the Swift keys")
struct InvoiceJSONSchemaTests {
    /// Each model type with the keys its `Codable` conformance reads and writes.
    static let swiftKeys: [String: [String]] = [
        "Invoice": keys(Invoice.CodingKeys.self),
        "InvoiceNote": keys(InvoiceNote.CodingKeys.self),
        "ProcessControl": keys(ProcessControl.CodingKeys.self),
        "PrecedingInvoiceReference": keys(PrecedingInvoiceReference.CodingKeys.self),
        "SupportingDocument": keys(SupportingDocument.CodingKeys.self),
        "BinaryObject": keys(BinaryObject.CodingKeys.self),
        "Party": keys(Party.CodingKeys.self),
        "Payee": keys(Payee.CodingKeys.self),
        "TaxRepresentative": keys(TaxRepresentative.CodingKeys.self),
        "PostalAddress": keys(PostalAddress.CodingKeys.self),
        "Contact": keys(Contact.CodingKeys.self),
        "DeliveryInformation": keys(DeliveryInformation.CodingKeys.self),
        "Period": keys(Period.CodingKeys.self),
        "PaymentInstructions": keys(PaymentInstructions.CodingKeys.self),
        "CreditTransfer": keys(CreditTransfer.CodingKeys.self),
        "PaymentCard": keys(PaymentCard.CodingKeys.self),
        "DirectDebit": keys(DirectDebit.CodingKeys.self),
        "AllowanceCharge": keys(AllowanceCharge.CodingKeys.self),
        "DocumentTotals": keys(DocumentTotals.CodingKeys.self),
        "VATBreakdown": keys(VATBreakdown.CodingKeys.self),
        "InvoiceLine": keys(InvoiceLine.CodingKeys.self),
        "Quantity": keys(Quantity.CodingKeys.self),
        "PriceDetails": keys(PriceDetails.CodingKeys.self),
        "LineVATInformation": keys(LineVATInformation.CodingKeys.self),
        "ItemInformation": keys(ItemInformation.CodingKeys.self),
        "ItemClassification": keys(ItemClassification.CodingKeys.self),
        "ItemAttribute": keys(ItemAttribute.CodingKeys.self),
        "Identifier": keys(Identifier.CodingKeys.self),
    ]

    static func keys<Keys: CodingKey & CaseIterable>(_: Keys.Type) -> [String] { Keys.allCases.map(\.stringValue) }

    private func schema() throws -> [String: Any] {
        let bytes = try JSONFixtures.file("openapi/schemas/Invoice.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// The properties of an object schema, or of the object branch of the Identifier's `anyOf`.
    private func properties(_ schema: [String: Any]) -> (keys: Set<String>, closed: Bool)? {
        if let properties = schema["properties"] as? [String: Any] {
            return (Set(properties.keys), schema["additionalProperties"] as? Bool == false)
        }
        for branch in (schema["anyOf"] as? [[String: Any]]) ?? [] {
            if let found = properties(branch) { return found }
        }
        return nil
    }

    @Test("every $defs object and the root have exactly the Swift keys, and refuse others")
    func keysMatch() throws {
        let schema = try schema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let defs = try #require(schema["$defs"] as? [String: [String: Any]])
        #expect(Set(defs.keys) == Set(Self.swiftKeys.keys).subtracting(["Invoice"]).union(["Decimal", "Date"]))
        for (name, keys) in Self.swiftKeys {
            let object = try #require(name == "Invoice" ? schema : defs[name], "\(name) is not in the schema")
            let found = try #require(properties(object), "\(name) has no properties")
            #expect(found.keys == Set(keys), "\(name): schema \(found.keys.sorted()) vs Swift \(keys.sorted())")
            #expect(found.closed, "\(name) must say additionalProperties: false")
        }
    }

    @Test("the decimal and date patterns are the ones the decoder applies")
    func patterns() throws {
        let defs = try #require(try schema()["$defs"] as? [String: [String: Any]])
        let decimal = try #require(defs["Decimal"]?["pattern"] as? String)
        let date = try #require(defs["Date"]?["pattern"] as? String)
        let decimalRegex = try Regex(decimal)
        for text in ["1234.50", "-0.01", "0", "1234567890123456789.123456789012345678"] {
            #expect(text.wholeMatch(of: decimalRegex) != nil, "\(text)")
            #expect((try? ExactDecimal(jsonString: text)) != nil, "\(text)")
        }
        for text in ["1,5", "12abc", "", "1.", ".5", "+1", "1e2", "12345678901234567890", "0.1234567890123456789"] {
            #expect(text.wholeMatch(of: decimalRegex) == nil, "\(text)")
            #expect((try? ExactDecimal(jsonString: text)) == nil, "\(text)")
        }
        let dateRegex = try Regex(date)
        #expect("2026-11-02".wholeMatch(of: dateRegex) != nil)
        #expect("20261102".wholeMatch(of: dateRegex) == nil)
    }
}
