@testable import Channels
import EInvoice
import Foundation
import Testing

@Suite struct CSVInvoiceSourceTests {
    static let mappingYAML = """
        kind: invoices
        csv: {separator: ";", decimal: comma, dateFormats: ["dd/MM/yyyy"]}
        fields:
          Num: BT-1
          Date: BT-2
          Client: BT-44
          Pays: BT-55
          Ligne: BT-126
          Article: BT-153
          Qte: BT-129
          Prix: BT-146
          TVA: BT-152
        defaults:
          BT-5: EUR
          BT-151: S
          BT-20: 30 jours
          BT-27: Vendeur SAS
          BT-31: FR11123456782
          BT-40: FR
        """

    static let header = "Num;Date;Client;Pays;Ligne;Article;Qte;Prix;TVA\n"

    func read(_ text: String, yaml: String = mappingYAML) throws -> (invoices: [ReadInvoice], rejections: [Rejection]) {
        try read(Array(text.utf8), yaml: yaml)
    }

    func read(_ bytes: [UInt8], yaml: String = mappingYAML) throws -> (invoices: [ReadInvoice], rejections: [Rejection]) {
        let mapping = try ERPMapping.load(yaml: yaml)
        return try units(CSVInvoiceSource(source: ByteSource(bytes: bytes, chunkSize: 16), mapping: mapping))
    }

    @Test func groupsConsecutiveRowsIntoInvoicesWithExactTotals() throws {
        let result = try read(Self.header + """
            A1;01/02/2026;Client A;FR;1;Vis;3;0,10;20
            A1;01/02/2026;Client A;FR;2;Écrou;7;0,333;20
            B2;02/02/2026;Client B;FR;1;Clou;1;5;5,5
            """)
        #expect(result.rejections.isEmpty, "\(result.rejections)")
        #expect(result.invoices.map(\.number) == ["A1", "B2"])
        let first = result.invoices[0].invoice
        #expect(first.lines.count == 2)
        #expect(first.lines[1].netAmount == ExactDecimal(mantissa: 233, fractionDigits: 2))  // 7 × 0.333 = 2.331
        #expect(first.totals.lineNetTotal == ExactDecimal(mantissa: 263, fractionDigits: 2))
        #expect(first.totals.vatTotal == ExactDecimal(mantissa: 53, fractionDigits: 2))
        #expect(first.totals.taxInclusiveAmount == ExactDecimal(mantissa: 316, fractionDigits: 2))
        #expect(first.issueDate == CalendarDate(year: 2026, month: 2, day: 1))
        #expect(first.seller.name == "Vendeur SAS")
        #expect(result.invoices[0].firstLine == 2)
        #expect(result.invoices[0].lastLine == 3)
    }

    @Test func aNumberThatComesBackLaterIsRefusedNotMerged() throws {
        let result = try read(Self.header + """
            A1;01/02/2026;Client A;FR;1;Vis;1;1;20
            B2;01/02/2026;Client B;FR;1;Vis;1;1;20
            A1;01/02/2026;Client A;FR;2;Vis;1;1;20
            """)
        #expect(result.invoices.map(\.number) == ["A1", "B2"])
        #expect(result.invoices[0].invoice.lines.count == 1)
        let rejection = try #require(result.rejections.first)
        #expect(rejection.invoiceNumber == "A1")
        #expect(rejection.firstLine == 4)
        #expect(rejection.problems.first?.message.contains("already appeared at line 2") == true)
    }

    @Test func badValuesRefuseTheirInvoiceWithTheLineAndColumnName() throws {
        let result = try read(Self.header + """
            A1;01/02/2026;Client A;FR;1;Vis;1;1.50;20
            B2;31/02/2026;Client B;FR;1;Vis;1;1;20
            C3;01/02/2026;Client C;FR;1;Vis;2;2,5;20
            """)
        #expect(result.invoices.map(\.number) == ["C3"])
        #expect(result.rejections.map(\.invoiceNumber) == ["A1", "B2"])
        #expect(result.rejections[0].problems.first?.line == 2)
        #expect(result.rejections[0].problems.first?.message.contains("column Prix (BT-146)") == true)
        #expect(result.rejections[1].problems.first?.message.contains("column Date (BT-2)") == true)
    }

    @Test func hostileRowsRefuseOnlyTheirInvoiceAndTheGoodOnesGoOn() throws {
        var bytes = Array((Self.header + """
            A1;01/02/2026;Client A;FR;1;Vis;1;1;20
            B2;01/02/2026;Client B;FR;1;"broken"quote;1;1;20
            B2;01/02/2026;Client B;FR;2;Vis;1;1;20
            C3;01/02/2026;Client C;FR;1;Vis;1;1;20
            D4;01/02/2026;Client D;FR;1;caf
            """).utf8)
        bytes += [0xE9]  // not UTF-8
        bytes += Array(";1;1;20\nE5;01/02/2026;Client E;FR;1;".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 2 << 20)
        bytes += Array(";1;1;20\nF6;01/02/2026;=cmd|' /C calc'!A0;FR;1;Vis;1;1;20\n".utf8)
        let result = try read(bytes)
        #expect(result.invoices.map(\.number) == ["A1", "C3", "F6"])
        #expect(result.rejections.map(\.invoiceNumber) == ["B2", "D4", "E5"])
        #expect(result.rejections[0].problems.first?.line == 3)
        #expect(result.rejections[0].problems.first?.column == 37)
        #expect(result.rejections[1].problems.first?.line == 6)
        #expect(result.rejections[2].problems.first?.message.contains("longer than") == true)
    }

    @Test func recordsLayoutReadsHeaderAndLineRecords() throws {
        let yaml = """
            kind: invoices
            csv:
              layout: records
              separator: ","
              recordType: {column: T}
              headerColumns: [T, Num, Date, Buyer, Country]
              lineColumns: [T, Item, Qty, Price, Rate]
            fields: {Num: BT-1, Date: BT-2, Buyer: BT-44, Country: BT-55}
            lineFields: {Item: BT-153, Qty: BT-129, Price: BT-146, Rate: BT-152}
            defaults: {BT-5: EUR, BT-151: S, BT-20: net 30, BT-27: Seller, BT-31: FR11123456782, BT-40: FR}
            """
        let result = try read("""
            H,X1,2026-01-05,Buyer,FR
            L,Bolt,2,1.25,20
            L,Nut,4,0.5,20
            L,Oops,1,1,20
            X,bad
            H,X2,2026-01-06,Buyer,FR
            L,Bolt,1,10,20
            """, yaml: yaml)
        #expect(result.invoices.map(\.number) == ["X2"])
        #expect(result.invoices.first?.invoice.totals.taxInclusiveAmount == ExactDecimal(mantissa: 1200, fractionDigits: 2))
        // The unknown record type refuses the invoice in progress: it is never imported with a row missing.
        #expect(result.rejections.first?.invoiceNumber == "X1")
        #expect(result.rejections.first?.problems.first?.line == 5)
    }

    @Test func fatalEN16931FindingsRefuseTheInvoice() throws {
        let yaml = Self.mappingYAML.replacingOccurrences(of: "  BT-27: Vendeur SAS\n", with: "")
        let result = try read(Self.header + "A1;01/02/2026;Client A;FR;1;Vis;1;1;20\n", yaml: yaml)
        #expect(result.invoices.isEmpty)
        #expect(result.rejections.first?.problems.contains { $0.message.hasPrefix("BR-06") } == true)
    }

    @Test func aMissingMappedColumnRefusesTheFile() throws {
        #expect(throws: ImportFailure.self) {
            try read("Num;Date\nA1;01/02/2026\n")
        }
    }
}
