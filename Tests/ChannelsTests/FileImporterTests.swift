@testable import Channels
import EInvoice
import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite struct FileImporterTests {
    static let csv = CSVInvoiceSourceTests.header + """
        A1;01/02/2026;Client A;FR;1;Vis;1;1;20
        B2;01/02/2026;Client B;FR;1;Vis;1;1,5.0;20
        C3;01/02/2026;Client C;FR;1;Vis;2;3;20

        """

    func mapping(policy: String = "perInvoice") throws -> ERPMapping {
        try ERPMapping.load(yaml: CSVInvoiceSourceTests.mappingYAML + "\npolicy: \(policy)\n")
    }

    @Test func goodInvoicesGoThroughIntakeAndAReimportIsDuplicates() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("f.csv", Self.csv)
        try await withSQLiteStore { store in
            let importer = FileImporter(mapping: try mapping(), store: store)
            let report = try await importer.importFile(at: path)
            #expect(report.accepted == 2)
            #expect(report.acceptedNumbers == ["A1", "C3"])
            #expect(report.rejected.map(\.invoiceNumber) == ["B2"])
            #expect(report.rejected.first?.problems.first?.line == 3)
            let stored = try await store.read { transaction in
                try await transaction.invoices(tenant: TenantID("default"), filter: InvoiceFilter(), after: nil, limit: 10)
            }
            #expect(Set(stored.map(\.documentKey.number)) == ["A1", "C3"])
            let c3 = try #require(stored.first { $0.documentKey.number == "C3" })
            #expect(c3.totalWithVAT == ExactDecimal(mantissa: 720, fractionDigits: 2))
            #expect(c3.state == .received)

            let again = try await importer.importFile(at: path)
            #expect(again.accepted == 0)
            #expect(again.duplicates == 2)
        }
    }

    @Test func allOrNothingStoresNothingWhenSomethingIsRefused() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("f.csv", Self.csv)
        try await withSQLiteStore { store in
            let report = try await FileImporter(mapping: try mapping(policy: "allOrNothing"), store: store)
                .importFile(at: path)
            #expect(report.refusedWholeFile)
            #expect(report.accepted == 0)
            #expect(report.rejected.count == 1)
            let stored = try await store.read { transaction in
                try await transaction.invoices(tenant: TenantID("default"), filter: InvoiceFilter(), after: nil, limit: 10)
            }
            #expect(stored.isEmpty)
        }
    }

    @Test func dryRunStoresNothing() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("f.csv", Self.csv)
        let report = try await FileImporter(mapping: try mapping(), store: nil).importFile(at: path)
        #expect(report.dryRun)
        #expect(report.accepted == 2)
        #expect(report.rejected.count == 1)
        #expect(report.linesRead == 4)
    }

    @Test func masterDataFilesAreWrittenThroughTheMasterDataService() async throws {
        try await withSQLiteStore { store in
            let mapping = try ERPMapping.load(path: Examples.path("produits.yaml"))
            let report = try await FileImporter(mapping: mapping, store: store).importFile(at: Examples.path("produits.csv"))
            #expect(report.accepted == 5)
            let product = try await MasterDataService(store: store).get(Product.self, code: "ART-002", tenant: TenantID("default"))
            #expect(product?.0.name == "Théière en fonte")
        }
    }

    @Test func errorReportNeutralisesFormulaInjection() {
        let rejections = [Rejection(invoiceNumber: "=cmd|' /C calc'!A0", firstLine: 3, lastLine: 3, problems: [
            RowProblem(line: 3, column: 7, message: "+SUM(A1:A9); \"quoted\""),
            RowProblem(line: 4, message: "@import"),
            RowProblem(line: 5, message: "-2+3"),
            RowProblem(line: 6, message: "\tTAB"),
            RowProblem(line: 7, message: "plain"),
        ])]
        let lines = ErrorReportCSV.render(rejections).components(separatedBy: "\r\n")
        #expect(lines[0] == "line;column;invoice;reason")
        #expect(lines[1] == "3;7;'=cmd|' /C calc'!A0;\"'+SUM(A1:A9); \"\"quoted\"\"\"")
        #expect(lines[2] == "4;;'=cmd|' /C calc'!A0;'@import")
        #expect(lines[3].hasSuffix(";'-2+3"))
        #expect(lines[4].hasSuffix(";'\tTAB"))
        #expect(lines[5].hasSuffix(";plain"))
        for line in lines.dropFirst() where !line.isEmpty {
            for cell in line.split(separator: ";", omittingEmptySubsequences: false) {
                #expect(!["=", "+", "-", "@", "\t"].contains(cell.first.map(String.init) ?? ""), "\(line)")
            }
        }
    }
}

@Suite struct MappingTests {
    @Test func refusesUnknownFieldsAndSettingsWithTheirName() {
        #expect(throws: MappingError.self) {
            try ERPMapping.load(yaml: "kind: invoices\nfields: {Num: BT-999}\n")
        }
        #expect(throws: MappingError.self) {
            try ERPMapping.load(yaml: "kind: invoices\ncsv: {separatr: \";\"}\n")
        }
        #expect(throws: MappingError.self) {
            try ERPMapping.load(yaml: "kind: invoices\nlineFields: {Num: BT-1}\n")
        }
        #expect(throws: MappingError.self) {
            try ERPMapping.load(yaml: "kind: products\nfields: {X: BT-1}\n")
        }
        do {
            _ = try ERPMapping.load(yaml: "kind: invoices\ncsv:\n  separator: \"#\"\n")
            Issue.record("a # separator was accepted")
        } catch {
            #expect(error.setting == "csv.separator")
            #expect(error.line == 3)
        }
    }

    @Test func readsTermIDsAndBusinessNames() throws {
        let mapping = try ERPMapping.load(yaml: """
            kind: invoices
            csv: {separator: "\\t", decimal: comma, encoding: cp1252, dateFormats: [dd/MM/yyyy, yyyyMMdd]}
            fields: {A: BT-1, B: invoiceNumber, C: orderReference, D: ignore}
            """)
        #expect(mapping.csv.dialect.separator == 0x09)
        #expect(mapping.csv.dialect.encoding == .windows1252)
        #expect(mapping.csv.numbers.decimalComma)
        #expect(mapping.csv.dates.patterns == ["dd/MM/yyyy", "yyyyMMdd"])
        #expect(mapping.fields.map { InvoiceField(name: $0.target) } == [.number, .number, .purchaseOrderReference, nil])
    }
}
