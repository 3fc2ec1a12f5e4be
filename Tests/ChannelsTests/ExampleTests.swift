@testable import Channels
import EInvoice
import EInvoiceRules
import Foundation
import Gateway
import Testing

/// Every shipped example imports, with exact totals, and passes the EN 16931 rules.
@Suite struct ExampleTests {
    func readExample(_ mapping: String, _ file: String) throws -> (invoices: [ReadInvoice], rejections: [Rejection]) {
        let loaded = try ERPMapping.load(path: Examples.path(mapping))
        let importer = FileImporter(mapping: loaded, store: nil)
        return try units(importer.makeSource(path: Examples.path(file)))
    }

    func amount(_ text: String) throws -> ExactDecimal { try ExactDecimal(parsing: text) }

    func expectValid(_ invoices: [ReadInvoice]) {
        for read in invoices {
            let fatal = Validator().validate(read.invoice).filter { $0.severity == .fatal }
            #expect(fatal.isEmpty, "\(read.number): \(fatal.map(\.ruleID))")
        }
    }

    @Test func frenchERPExportInWindows1252() throws {
        let result = try readExample("sage-factures.yaml", "sage-factures.csv")
        #expect(result.rejections.isEmpty, "\(result.rejections)")
        #expect(result.invoices.map(\.number) == ["FA-2026-0001", "FA-2026-0002", "FA-2026-0003"])
        let totals = result.invoices.map(\.invoice.totals)
        #expect(totals.map(\.lineNetTotal) == [try amount("107.30"), try amount("251.30"), try amount("219.96")])
        #expect(totals.map(\.vatTotal) == [try amount("16.02"), try amount("43.01"), try amount("43.99")])
        #expect(totals.map(\.taxInclusiveAmount) == [try amount("123.32"), try amount("294.31"), try amount("263.95")])
        let first = result.invoices[0].invoice
        #expect(first.buyer.name == "Boulangerie Hélène Müller")
        #expect(first.buyer.postalAddress?.line1 == "3 place de l'Église")
        #expect(first.lines.map(\.item.name) == ["Café moulu 1 kg", "Théière en fonte"])
        #expect(first.lines[0].quantity?.unitCode == "KGM")
        #expect(first.dueDate == CalendarDate(year: 2026, month: 4, day: 11))
        #expect(first.notes.map(\.subjectCode) == ["PMD", "PMT", "AAB"])
        #expect(first.paymentInstructions?.creditTransfers.first?.accountIdentifier == "FR7630006000011234567890189")
        #expect(result.invoices[1].invoice.lines[2].item.name == "Crêpes sucrées – forfait \"fête\"")
        #expect(result.invoices[2].invoice.buyer.name == "Œnothèque Zoé")
        expectValid(result.invoices)
    }

    @Test func headerAndLineRecords() throws {
        let result = try readExample("records-factures.yaml", "records-factures.csv")
        #expect(result.rejections.isEmpty, "\(result.rejections)")
        #expect(result.invoices.map(\.number) == ["INV-1001", "INV-1002"])
        let first = result.invoices[0]
        #expect(first.invoice.lines[1].item.name == "Installation on site,\ntwo technicians")
        #expect(first.lastLine == 4)
        #expect(first.invoice.totals.taxInclusiveAmount == (try amount("360.00")))
        #expect(result.invoices[1].invoice.lines[0].item.name == "Adjustment \"special\"")
        #expect(result.invoices[1].invoice.totals.vatTotal == (try amount("20.00")))
        #expect(result.invoices[1].invoice.totals.taxInclusiveAmount == (try amount("119.99")))
        expectValid(result.invoices)
    }

    @Test func erpXML() throws {
        let result = try readExample("erp-factures.yaml", "erp-factures.xml")
        #expect(result.rejections.isEmpty, "\(result.rejections)")
        #expect(result.invoices.map(\.number) == ["F-501", "F-502"])
        let first = result.invoices[0].invoice
        #expect(first.buyer.identifiers.first?.value == "CL-77")
        #expect(first.lines.map(\.identifier) == ["1", "2"])
        #expect(first.totals.vatTotal == (try amount("10.05")))
        #expect(first.totals.taxInclusiveAmount == (try amount("61.04")))
        #expect(result.invoices[1].invoice.totals.taxInclusiveAmount == (try amount("120.00")))
        #expect(result.invoices[0].firstLine == 3)
        expectValid(result.invoices)
    }

    @Test func productsMasterData() throws {
        let mapping = try ERPMapping.load(path: Examples.path("produits.yaml"))
        var source = try FileImporter(mapping: mapping, store: nil).makeSource(path: Examples.path("produits.csv"))
        var products: [Product] = []
        while let unit = try source.next() {
            guard case .masterData(.product(let product, _)) = unit else {
                Issue.record("unexpected \(unit)")
                continue
            }
            products.append(product)
        }
        #expect(products.map(\.code) == ["ART-001", "ART-002", "ART-003", "ART-004", "ART-005"])
        #expect(products[0].name == "Café moulu 1 kg")
        #expect(products[0].vatRate == (try amount("5.50")))
        #expect(products[0].unitCode == "KGM")
        #expect(products[4].active == false)
        #expect(products.allSatisfy { $0.problems().isEmpty })
    }

    @Test func aCIIInvoiceIsTakenAsItIs() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let corpus = URL(fileURLWithPath: Examples.folder).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus/en16931/cii/CII_example1.xml").path
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: corpus), "corpus at \(corpus)"))
        let path = try folder.write("invoice.xml", bytes)
        let mapping = try ERPMapping.load(path: Examples.path("sage-factures.yaml"))
        let result = try units(FileImporter(mapping: mapping, store: nil).makeSource(path: path))
        #expect(result.rejections.isEmpty, "\(result.rejections)")
        #expect(result.invoices.count == 1)
        #expect(result.invoices.first?.payload == bytes)
    }

    @Test func hostileXMLIsRefused() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("evil.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE Factures [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <Factures><Facture><Numero>&xxe;</Numero></Facture></Factures>
            """)
        let mapping = try ERPMapping.load(path: Examples.path("erp-factures.yaml"))
        #expect(throws: ImportFailure.self) { _ = try FileImporter(mapping: mapping, store: nil).makeSource(path: path) }
    }
}
