import Foundation
import Testing
@testable import EInvoice

@Suite("Invoice JSON: exact numbers")
struct InvoiceJSONNumberTests {
    /// The amount due of `{"totals": {"amountDue": <json>}}`.
    private func amountDue(_ json: String) throws(InvoiceJSON.Failure) -> ExactDecimal? {
        try InvoiceJSON.decode(Array(#"{"totals": {"amountDue": \#(json)}}"#.utf8)).totals.amountDue
    }

    @Test("JSON numbers are read from their text, digits kept", arguments: [
        ("0.1", "0.1"), ("1.50", "1.50"), ("12345678901234567.89", "12345678901234567.89"), ("-0.00", "0.00"),
        ("1e2", "100"), ("1E+2", "100"), ("2.50E-1", "0.250"), ("-12.5e-2", "-0.125"), ("0", "0"),
        ("9999999999999999999.999999999999999999", "9999999999999999999.999999999999999999"),
        ("0.000000000000000001", "0.000000000000000001"), ("1000e-3", "1.000"), ("0e-30", "0.000000000000000000"),
    ])
    func exactNumbers(json: String, expected: String) throws {
        let value = try #require(try amountDue(json))
        #expect(value.description == expected)
    }

    @Test("decimal strings are read exactly, digits kept", arguments: [
        "0.1", "1.50", "12345678901234567.89", "-12.345", "0", "100", "0.000000000000000001",
    ])
    func exactStrings(text: String) throws {
        let value = try #require(try amountDue("\"\(text)\""))
        #expect(value.description == text)
    }

    @Test("\"-0.00\" is zero with two digits")
    func negativeZero() throws {
        let value = try #require(try amountDue("\"-0.00\""))
        #expect(value.isZero)
        #expect(value.description == "0.00")
    }

    @Test("0.1 + 0.2 is 0.3: no binary floating point on the way")
    func noFloatingPoint() throws {
        let text = #"{"lines": [{"netAmount": 0.1}, {"netAmount": "0.2"}]}"#
        let invoice = try InvoiceJSON.decode(Array(text.utf8))
        let sum = ExactDecimal.sum(invoice.lines.compactMap(\.netAmount))
        #expect(sum == (try ExactDecimal(parsing: "0.3")))
        #expect(sum.description == "0.3")
    }

    @Test("strings that are not plain decimals are refused, with the path", arguments: [
        "1,5", "12abc", "", "1.", ".5", "+1", "1e2", " 1", "1 000", "0x10", "--1", "NaN", "Infinity",
        "12345678901234567890", "0.1234567890123456789",
    ])
    func badStrings(text: String) throws {
        let failure = try #require(JSONFixtures.failure(Array(#"{"totals": {"amountDue": "\#(text)"}}"#.utf8)))
        #expect(failure.reason == .invalidValue)
        #expect(failure.path == "totals.amountDue")
        #expect(failure.english.contains("is not a decimal number"))
        #expect(failure.french.contains("n'est pas un nombre décimal"))
    }

    @Test("numbers out of range are refused, never rounded", arguments: [
        "12345678901234567890", "1e19", "1e61", "1e-19", "0.1234567890123456789", "1e-61",
        "123456789012345678901234567890123456789012",
    ])
    func outOfRange(json: String) throws {
        let failure = try #require(JSONFixtures.failure(Array(#"{"totals": {"amountDue": \#(json)}}"#.utf8)))
        #expect(failure.reason == .invalidValue)
        #expect(failure.path == "totals.amountDue")
    }

    @Test("a decimal must be a string or a number")
    func wrongKind() throws {
        let failure = try #require(JSONFixtures.failure(Array(#"{"totals": {"amountDue": true}}"#.utf8)))
        #expect(failure.reason == .wrongType)
        #expect(failure.description == #"totals.amountDue: expected a decimal number such as "1234.50", found true or false"#)
    }

    @Test("a plain JSONDecoder reads numbers exactly too, through Decimal")
    func plainDecoder() throws {
        let decoder = JSONDecoderShim()
        #expect(try decoder.decode(#"{"amount": 12345678901234567.89}"#).description == "12345678901234567.89")
        #expect(try decoder.decode(#"{"amount": "1.50"}"#).description == "1.50")
    }
}

/// Foundation's `JSONDecoder`, which hands `ExactDecimal` a `Decimal` instead of the number's text.
private struct JSONDecoderShim {
    private struct Wrapper: Decodable { var amount: ExactDecimal }

    func decode(_ text: String) throws -> ExactDecimal {
        try JSONDecoder().decode(Wrapper.self, from: Data(text.utf8)).amount
    }
}
