@testable import Channels
import EInvoice
import Foundation
import Testing

@Suite struct ValueParsingTests {
    @Test func decimalCommaIsStrict() throws {
        let comma = NumberFormat(decimalComma: true)
        #expect(try comma.parse("1234,56") == ExactDecimal(mantissa: 123456, fractionDigits: 2))
        #expect(try comma.parse("-0,5") == ExactDecimal(mantissa: -5, fractionDigits: 1))
        #expect(throws: ValueError.self) { try comma.parse("1.234,56") }
        #expect(throws: ValueError.self) { try comma.parse("12abc") }
        let spaced = NumberFormat(decimalComma: true, thousandsSeparators: [" "])
        #expect(try spaced.parse("1 234,5") == ExactDecimal(mantissa: 12345, fractionDigits: 1))
        let point = NumberFormat()
        #expect(try point.parse("99.99") == ExactDecimal(mantissa: 9999, fractionDigits: 2))
        #expect(throws: ValueError.self) { try point.parse("99,99") }
    }

    @Test func datesFollowTheirPatterns() throws {
        let formats = DateFormats(["dd/MM/yyyy", "yyyyMMdd"])
        #expect(try formats.parse("12/03/2026") == CalendarDate(year: 2026, month: 3, day: 12))
        #expect(try formats.parse("20260229".replacingOccurrences(of: "29", with: "28")) == CalendarDate(year: 2026, month: 2, day: 28))
        #expect(throws: ValueError.self) { try formats.parse("31/02/2026") }
        #expect(throws: ValueError.self) { try formats.parse("2026-03-12") }
        #expect(throws: ValueError.self) { try formats.parse("12/03/26") }
        #expect(try DateFormats(["d/M/yyyy"]).parse("1/3/2026") == CalendarDate(year: 2026, month: 3, day: 1))
    }
}

@Suite struct MasterDataDryRunTests {
    @Test func aDryRunChecksMasterDataLikeTheService() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("p.csv", "Code;Libellé;Unité;CatégorieTVA;TauxTVA;Actif\nP1;Vis;C62;S;20,00;1\nP2;Sans taux;C62;S;;1\nP3;Mauvais taux;C62;S;2,5x;1\n")
        let mapping = try ERPMapping.load(path: Examples.path("produits.yaml"))
        let report = try await FileImporter(mapping: mapping, store: nil).importFile(at: path)
        #expect(report.acceptedNumbers == ["P1"])
        #expect(report.rejected.map(\.invoiceNumber) == ["P2", "P3"])
        #expect(report.rejected[0].problems.first?.message.hasPrefix("vatRate") == true)
        #expect(report.rejected[1].problems.first?.message.contains("write numbers like 1234,56") == true)
        #expect(report.rejected[1].problems.first?.line == 4)
    }
}
