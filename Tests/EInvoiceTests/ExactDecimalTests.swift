import Testing
@testable import EInvoice

@Suite("Exact decimals")
struct ExactDecimalTests {
    @Test("parses strictly", arguments: ["1,5", "12abc", "1e3", " 1", ".", "", "--1", "1.2.3", "+", "1 000"])
    func refusesLenientInput(_ text: String) {
        #expect(throws: DecimalParseError.self) { try ExactDecimal(parsing: text) }
    }

    @Test("keeps the written form", arguments: ["0", "1.50", "-0.01", "123456789.123456", "+7.0", "0.000000000000000001"])
    func roundTripsText(_ text: String) throws {
        let value = try ExactDecimal(parsing: text)
        #expect(value.description == (text.hasPrefix("+") ? String(text.dropFirst()) : text))
    }

    @Test func equalityIgnoresTrailingZeros() throws {
        #expect(try ExactDecimal(parsing: "1.5") == ExactDecimal(parsing: "1.500"))
        #expect(try ExactDecimal(parsing: "1.5").hashValue == ExactDecimal(parsing: "1.50").hashValue)
        #expect(try ExactDecimal(parsing: "-1.5") < ExactDecimal(parsing: "-1.49"))
    }

    @Test func arithmeticIsExact() throws {
        // 0.1 + 0.2 is exactly 0.3, unlike binary floating point.
        #expect(try ExactDecimal(parsing: "0.1") + ExactDecimal(parsing: "0.2") == ExactDecimal(parsing: "0.3"))
        #expect(try (ExactDecimal(parsing: "3.333") * ExactDecimal(parsing: "3")).description == "9.999")
        #expect(try ExactDecimal(parsing: "10").divided(by: ExactDecimal(parsing: "3"), fractionDigits: 4)?.description == "3.3333")
        #expect(try ExactDecimal(parsing: "1").divided(by: .zero, fractionDigits: 2) == nil)
    }

    @Test("rounds half away from zero and like XPath round()",
          arguments: [("2.345", "2.35", "2.35"), ("-2.345", "-2.35", "-2.34"), ("2.344", "2.34", "2.34"),
                      ("-0.005", "-0.01", "0.00"), ("1.005", "1.01", "1.01")])
    func rounding(_ input: String, _ commercial: String, _ xpath: String) throws {
        let value = try ExactDecimal(parsing: input)
        #expect(value.rounded(to: 2, .halfAwayFromZero).description == commercial)
        #expect(try value.rounded(to: 2, .halfTowardsPositiveInfinity) == ExactDecimal(parsing: xpath))
    }

    @Test func hostileMagnitudesNeverTrap() throws {
        #expect(throws: DecimalParseError.tooLarge) { try ExactDecimal(parsing: "99999999999999999999999") }
        let big = try ExactDecimal(parsing: "9999999999999999999")
        let tiny = try ExactDecimal(parsing: "0.000000000000000001")
        let product = big * big * big * big
        #expect(product > big)
        #expect(big + tiny > big)
        #expect(big != tiny)
    }

    @Test func significantDigits() throws {
        #expect(try ExactDecimal(parsing: "1.500").significantFractionDigits == 1)
        #expect(try ExactDecimal(parsing: "1.500").fractionDigits == 3)
        #expect(try ExactDecimal(parsing: "2.5").withFractionDigits(2).description == "2.50")
    }
}
