import EInvoice
@testable import FacturX
import Foundation
import Testing

@Suite("Formatting and helpers")
struct FormattingTests {
    let nbsp = "\u{00A0}"

    @Test func frenchAndEnglishAmounts() throws {
        let french = NumberFormatting(language: .french, currencyCode: "EUR")
        let english = NumberFormatting(language: .english, currencyCode: "EUR")
        let value = try ExactDecimal(parsing: "1234567.5")
        #expect(french.amount(value) == "1\(nbsp)234\(nbsp)567,50\(nbsp)€")
        #expect(english.amount(value) == "€1,234,567.50")
        #expect(english.amount(try ExactDecimal(parsing: "-12.345")) == "-€12.35")
        #expect(NumberFormatting(language: .french, currencyCode: "CHF").amount(value) == "1\(nbsp)234\(nbsp)567,50\(nbsp)CHF")
        #expect(french.quantity(try ExactDecimal(parsing: "2.5000")) == "2,5")
        #expect(french.price(try ExactDecimal(parsing: "12.125")) == "12,125")
        #expect(french.price(try ExactDecimal(parsing: "12")) == "12,00")
        #expect(french.percent(try ExactDecimal(parsing: "5.50")) == "5,5\(nbsp)%")
        #expect(english.date(CalendarDate(year: 2026, month: 11, day: 2)) == "2 Nov 2026")
        #expect(french.date(CalendarDate(year: 2026, month: 11, day: 2)) == "02/11/2026")
        #expect(NumberFormatting.iban("FR7630006000011234567890189") == "FR76 3000 6000 0112 3456 7890 189")
        #expect(InvoiceLayout.groupedRegistration("123456782") == "123\(nbsp)456\(nbsp)782")
    }

    @Test func md5MatchesRFC1321() {
        func hex(_ text: String) -> String {
            MD5.digest(Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
        }
        #expect(hex("") == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(hex("abc") == "900150983cd24fb0d6963f7d28e17f72")
        #expect(hex(String(repeating: "1234567890", count: 8)) == "57edf4a22be3c955ac49da2e2107b67a")
    }

    @Test func datesInPDFAndXMP() {
        let date = PDFDate(Date(timeIntervalSince1970: 951_827_696))  // 2000-02-29 12:34:56 UTC
        #expect(date.pdfText == "D:20000229123456+00'00'")
        #expect(date.xmpText == "2000-02-29T12:34:56+00:00")
    }

    @Test func pdfNumbersAndNames() {
        var bytes = PDFWriteBuffer()
        bytes.append(numbers: 12.5, -0.25, 300, 841.89, 0.0004)
        bytes.append(name: "text/xml")
        bytes.append(textString: "Élève")
        #expect(String(decoding: bytes.bytes, as: UTF8.self) == "12.5 -0.25 300 841.89 0 /text#2Fxml<FEFF00C9006C00E800760065>")
    }

    @Test func flateRoundTrips() throws {
        let data = Array(String(repeating: "Factur-X ", count: 1000).utf8)
        let compressed = Flate.compress(data)
        #expect(compressed.count < data.count / 10)
        #expect(try Flate.decompress(compressed, limit: data.count) == data)
        #expect(throws: Flate.Failure.self) { _ = try Flate.decompress(compressed, limit: 100) }
    }
}
