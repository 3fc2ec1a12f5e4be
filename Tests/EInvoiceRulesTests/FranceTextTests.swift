import Testing

@testable import EInvoiceRules

/// The lexical checks keep the XPath semantics of the official schematron.
@Suite("BR-FR lexical checks")
struct FranceTextTests {
    @Test func normalizeSpace() {
        #expect(FrenchText.normalizeSpace("  a \t\n b  ") == "a b")
        #expect(FrenchText.normalizeSpace(" \n ") == "")
    }

    @Test func documentIdentifiers() {
        #expect(FrenchText.isValidDocumentIdentifier("FA-2025/01_A+B"))
        #expect(FrenchText.isValidDocumentIdentifier("\tFA1\n"), "tabs and line breaks around the value are trimmed")
        #expect(!FrenchText.isValidDocumentIdentifier(" FA1"), "a space is refused anywhere")
        #expect(!FrenchText.isValidDocumentIdentifier("FA.1"))
        #expect(!FrenchText.isValidDocumentIdentifier("FACTURÉE"))
        #expect(!FrenchText.isValidDocumentIdentifier(""))
    }

    @Test func dates() {
        #expect(FrenchText.isValidCIIDate("20240229"))
        #expect(FrenchText.isValidCIIDate("20250115T101500"), "only the first 8 characters count")
        #expect(!FrenchText.isValidCIIDate("20230229"))
        #expect(!FrenchText.isValidCIIDate("19991231"))
        #expect(!FrenchText.isValidCIIDate("2025011"))
        #expect(FrenchText.isValidUBLDate("2024-02-29"))
        #expect(!FrenchText.isValidUBLDate("2025-1-31"))
        #expect(!FrenchText.isValidUBLDate("2100-01-01"))
        #expect(!FrenchText.isValidUBLDate("2025-01-15Z"))
    }

    @Test func decimals() {
        #expect(FrenchText.isDecimal("1234567890123456789", fractionDigits: 2))
        #expect(!FrenchText.isDecimal("12345678901234567890", fractionDigits: 2))
        #expect(
            !FrenchText.isDecimal("-1234567890123456789", fractionDigits: 2), "the sign counts in the 19 characters")
        #expect(FrenchText.isDecimal("-1.25", fractionDigits: 2))
        #expect(!FrenchText.isDecimal("1.255", fractionDigits: 2))
        #expect(!FrenchText.isDecimal(".5", fractionDigits: 2))
        #expect(!FrenchText.isDecimal("5.", fractionDigits: 2))
        #expect(!FrenchText.isDecimal("+5", fractionDigits: 2))
        #expect(!FrenchText.isDecimal("-4.5", fractionDigits: 6, signed: false))
        #expect(FrenchText.isDecimal("\u{0661}\u{0662}", fractionDigits: 2), "\\d is any Unicode decimal digit")
        #expect(FrenchText.isPercent("20.00") && FrenchText.isPercent("1000") && FrenchText.isPercent("5.5"))
        #expect(!FrenchText.isPercent("100.55") && !FrenchText.isPercent("10000") && !FrenchText.isPercent("-5"))
    }

    @Test func identifiers() {
        #expect(FrenchText.isSIREN(" 123456782 "))
        #expect(!FrenchText.isSIREN("12345678"))
        #expect(FrenchText.isSIRET("12345678200010", of: "123456782"))
        #expect(!FrenchText.isSIRET("12345678200010", of: nil))
        #expect(!FrenchText.isSIRET("1234567820001", of: "123456782"))
        #expect(FrenchText.isValidSchemeIdentifier("123456782_FACTURES.1"))
        #expect(!FrenchText.isValidSchemeIdentifier("123456782 FACTURES"))
    }

    @Test func notesAndNumbers() {
        #expect(FrenchText.occurrences(of: "#PMT#", in: "#PMT#PMT#x#PMT#") == 2)
        #expect(FrenchText.after("#BAR#", in: "#PMT#a##BAR#B2B#x") == "B2B#x")
        #expect(FrenchText.before("#", in: "B2B#x") == "B2B")
        #expect(FrenchText.before("#", in: "B2B") == "B2B")
        #expect(FrenchNumbers.canonical("+001.500") == "1.5")
        #expect(FrenchNumbers.canonical("-0.0") == "0")
        #expect(FrenchNumbers.canonical("1e3") == nil)
        #expect(FrenchNumbers.canonical("99999999999999999999.10") == "99999999999999999999.1")
        #expect(
            FrenchNumbers.withinTolerance("100.00", minusDoubles: ["99.99"], tolerance: 1) == false,
            "the official sum is a double sum: 100 - 99.99 exceeds 0.01")
        #expect(FrenchNumbers.withinTolerance("100.00", minusDoubles: ["60", "39.99"], tolerance: 2))
        #expect(FrenchNumbers.exactlyWithin("167.01", minus: ["140.00", "27.00"], tolerance: 1))
        #expect(!FrenchNumbers.exactlyWithin("167.02", minus: ["140.00", "27.00"], tolerance: 1))
        #expect(!FrenchNumbers.exactlyWithin("167.00", minus: ["140.00", nil], tolerance: 1))
    }
}
